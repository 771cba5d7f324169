package io.zeromon.smoke;

import java.util.List;

/**
 * Apache HttpClient 5.0.4 classic and async, the lowest version supported (5.0.0 to 5.0.3 fail to
 * add an exec interceptor to a fresh builder).
 */
class ApacheHttpClient5LowestIT extends HttpClientTests {

  @Override
  String module() {
    return "apache5-lowest";
  }

  @Override
  String mainClass() {
    return "io.zeromon.smoke.apps.apache5.Apache5App";
  }

  @Override
  List<String> modes() {
    return List.of("sync", "target", "minimal", "async");
  }

  @Override
  String connectionErrorType(String mode) {
    return "org.apache.hc.client5.http.HttpHostConnectException";
  }
}
