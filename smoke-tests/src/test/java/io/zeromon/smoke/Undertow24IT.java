package io.zeromon.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Undertow tracing on the newest Undertow served (2.4). */
class Undertow24IT extends UndertowTracingTests {

  @BeforeAll
  static void startApp() throws Exception {
    start("undertow-2.4");
  }

  @Test
  void runsUndertow24() {
    assertThat(app.checks().get("undertow")).startsWith("2.4.");
  }
}
