package io.zeromon.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Netty HTTP server tracing on Netty 4.2. */
class Netty42IT extends NettyTracingTests {

  @BeforeAll
  static void startApp() throws Exception {
    start("netty-4.2");
  }

  @Test
  void runsNetty42() {
    assertThat(app.checks().get("netty")).startsWith("4.2.");
  }
}
