package io.zeromon.benchmarks.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring Boot (Tomcat, Spring MVC) service with {@code /hello}: an application that loads
 * several thousand classes at start, for start-up and class-data-sharing measurements. Run from
 * the module jar and {@code target/spring-libs}; {@code server.port} sets the port.
 */
@SpringBootApplication
@RestController
public class SpringApp {

  @GetMapping("/hello")
  public String hello() {
    return "hello";
  }

  public static void main(String[] args) {
    SpringApplication.run(SpringApp.class, args);
  }
}
