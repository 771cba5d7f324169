package io.zeromon.smoke;

/** The servlet tests on Jetty 12 ee10 (jakarta.servlet 6.0), the newest Jetty. */
class ServletJetty12IT extends ServletContainerTests {

  @Override
  String module() {
    return "jetty12";
  }

  @Override
  String mainClass() {
    return "io.zeromon.apps.jetty12.Jetty12App";
  }

  @Override
  boolean knowsRoutes() {
    return true;
  }
}
