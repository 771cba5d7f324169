package io.zeromon.smoke;

/** The Spring Web MVC tests on Spring Boot 4.0 (Spring MVC 7 on Tomcat 11): the newest. */
class SpringBoot4IT extends SpringWebMvcTests {

  @Override
  String module() {
    return "spring-boot4";
  }
}
