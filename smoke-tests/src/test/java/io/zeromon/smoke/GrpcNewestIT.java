package io.zeromon.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** gRPC tracing on the newest grpc-java served. */
class GrpcNewestIT extends GrpcTracingTests {

  @BeforeAll
  static void startApps() throws Exception {
    start("grpc-newest");
  }

  @Test
  void runsTheNewestVersion() {
    assertThat(grpcVersion()).startsWith("1.85.");
  }
}
