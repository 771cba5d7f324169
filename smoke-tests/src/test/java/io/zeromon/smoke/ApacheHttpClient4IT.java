package io.zeromon.smoke;

import java.util.List;

/** Apache HttpClient 4.5.x classic and httpasyncclient 4.1.x, newest versions. */
class ApacheHttpClient4IT extends HttpClientTests {

  @Override
  String module() {
    return "apache4";
  }

  @Override
  String mainClass() {
    return "io.zeromon.smoke.apps.apache4.Apache4App";
  }

  @Override
  List<String> modes() {
    return List.of("sync", "target", "minimal", "async");
  }

  @Override
  String connectionErrorType(String mode) {
    // the classic client wraps the refusal; the async one reports the JDK's
    return mode.equals("async")
        ? "java.net.ConnectException"
        : "org.apache.http.conn.HttpHostConnectException";
  }
}
