package io.zeromon.smoke;

/** The Spring Web MVC tests on Spring Boot 3.5 (Spring MVC 6.2 on Tomcat 10.1, jakarta.servlet). */
class SpringBoot3IT extends SpringWebMvcTests {

  @Override
  String module() {
    return "spring-boot3";
  }
}
