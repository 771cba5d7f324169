package io.zeromon.apps.spring;

import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring Boot web application on 127.0.0.1 and a free port. The same source builds the Spring
 * Boot 2, 3 and 4 sample applications: it only uses API those three have in common.
 */
@SpringBootApplication
@RestController
public class SpringWebApp {

  public static void main(String[] args) {
    SpringApplication app = new SpringApplication(SpringWebApp.class);
    app.setDefaultProperties(
        Map.of(
            "server.port", "0",
            "server.address", "127.0.0.1",
            "spring.main.banner-mode", "off"));
    app.run(args);
  }

  @EventListener
  void ready(ApplicationReadyEvent event) {
    String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port");
    System.out.println("READY port=" + port);
  }

  @GetMapping("/users/{id}")
  String user(@PathVariable String id) {
    return "user " + id;
  }

  /** The same through Spring's async support: an async dispatch ends the request. */
  @GetMapping("/users/{id}/later")
  Callable<String> later(@PathVariable String id) {
    return () -> {
      Thread.sleep(100);
      return "later " + id;
    };
  }

  /** An exception nothing handles: Spring Boot's error page answers 500. */
  @GetMapping("/boom")
  String boom() {
    throw new IllegalStateException("boom");
  }

  /** An exception the application handles with a status of its own. */
  @GetMapping("/conflict")
  String conflict() {
    throw new ConflictException();
  }

  @ExceptionHandler(ConflictException.class)
  @ResponseStatus(HttpStatus.CONFLICT)
  String onConflict() {
    return "conflict";
  }

  static final class ConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }
}
