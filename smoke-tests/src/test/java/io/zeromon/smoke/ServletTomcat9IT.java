package io.zeromon.smoke;

/** The servlet tests on embedded Tomcat 9 (javax.servlet 4.0), the lowest Tomcat. */
class ServletTomcat9IT extends ServletContainerTests {

  @Override
  String module() {
    return "tomcat9";
  }

  @Override
  String mainClass() {
    return "io.zeromon.apps.tomcat9.Tomcat9App";
  }

  @Override
  boolean knowsRoutes() {
    return true;
  }
}
