package io.zeromon.smoke;

/** The Spring Web MVC tests on Spring Boot 2.7 (Spring MVC 5.3, Tomcat 9, javax): the lowest. */
class SpringBoot2IT extends SpringWebMvcTests {

  @Override
  String module() {
    return "spring-boot2";
  }
}
