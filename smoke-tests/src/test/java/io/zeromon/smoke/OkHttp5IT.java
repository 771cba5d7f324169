package io.zeromon.smoke;

import java.util.List;

/** OkHttp 5.x (newest): execute, enqueue, derived and default clients. */
class OkHttp5IT extends HttpClientTests {

  @Override
  String module() {
    return "okhttp5";
  }

  @Override
  String mainClass() {
    return "io.zeromon.smoke.apps.okhttp.OkHttpApp";
  }

  @Override
  List<String> modes() {
    return List.of("sync", "async", "derived", "default");
  }

  @Override
  String connectionErrorType(String mode) {
    return "java.net.ConnectException";
  }
}
