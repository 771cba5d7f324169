package io.zeromon.smoke;

import java.util.List;

/**
 * Spring RestTemplate and RestClient over other HTTP libraries: exactly one CLIENT span each, made
 * by the library underneath.
 */
class SpringClientsIT extends HttpClientTests {

  @Override
  String module() {
    return "spring-clients";
  }

  @Override
  String mainClass() {
    return "io.zeromon.smoke.apps.spring.SpringClientsApp";
  }

  @Override
  List<String> modes() {
    return List.of(
        "resttemplate-apache5",
        "restclient-jdk",
        "resttemplate-urlconnection",
        "restclient-apache5");
  }

  @Override
  String connectionErrorType(String mode) {
    // the library underneath reports the refusal, in its own words
    return mode.endsWith("apache5")
        ? "org.apache.hc.client5.http.HttpHostConnectException"
        : "java.net.ConnectException";
  }
}
