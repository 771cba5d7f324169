package io.zeromon.smoke;

import java.util.List;

/** OkHttp 4.x (the lowest version supported): execute, enqueue, derived and default clients. */
class OkHttp4IT extends HttpClientTests {

  @Override
  String module() {
    return "okhttp4";
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
