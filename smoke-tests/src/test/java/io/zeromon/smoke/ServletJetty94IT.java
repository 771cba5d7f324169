package io.zeromon.smoke;

/** The servlet tests on Jetty 9.4: javax.servlet 3.1, the lowest API (no mapping, so no route). */
class ServletJetty94IT extends ServletContainerTests {

  @Override
  String module() {
    return "jetty94";
  }

  @Override
  String mainClass() {
    return "io.zeromon.apps.jetty94.Jetty94App";
  }

  @Override
  boolean knowsRoutes() {
    return false;
  }
}
