package io.zeromon.smoke;

/** The servlet tests on embedded Tomcat 11 (jakarta.servlet 6.1), the newest Tomcat. */
class ServletTomcat11IT extends ServletContainerTests {

  @Override
  String module() {
    return "tomcat11";
  }

  @Override
  String mainClass() {
    return "io.zeromon.apps.tomcat11.Tomcat11App";
  }

  @Override
  boolean knowsRoutes() {
    return true;
  }
}
