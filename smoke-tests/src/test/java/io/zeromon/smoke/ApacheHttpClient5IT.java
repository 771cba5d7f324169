package io.zeromon.smoke;

import java.util.List;

/** Apache HttpClient 5.x classic and async, newest version. */
class ApacheHttpClient5IT extends HttpClientTests {

  @Override
  String module() {
    return "apache5";
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
