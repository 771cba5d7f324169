package io.zeromon.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.trace.v1.Span;
import io.zeromon.smoke.ReceivedSpans.Received;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Undertow tracing on Undertow 2.2 (the lowest claimed), and the switch-off. */
class Undertow22IT extends UndertowTracingTests {

  private static final String MODULE = "undertow-2.2";

  @BeforeAll
  static void startApp() throws Exception {
    start(MODULE);
  }

  @Test
  void runsUndertow22() {
    assertThat(app.checks().get("undertow")).startsWith("2.2.");
  }

  @Test
  void switchedOffUndertowMakesNoSpanWhileTheHttpClientStillDoes() throws Exception {
    try (AppJvm off =
        AppJvm.app(MODULE, APP)
            .property("otel.service.name", "undertow-off")
            .property("otel.exporter.otlp.endpoint", receiver.endpoint())
            .property("otel.instrumentation.undertow.enabled", "false")
            .start()) {
      assertThat(off.get("/dispatch?off=1").body()).isEqualTo("dispatched -> hello");
      Received client =
          spans
              .await(
                  r ->
                      "undertow-off".equals(r.service())
                          && r.span().getKind() == Span.SpanKind.SPAN_KIND_CLIENT,
                  1,
                  20_000)
              .get(0);
      assertThat(client.parentSpanId()).isEmpty();
      Thread.sleep(500); // server spans would have been exported by now
      List<Received> servers =
          spans.matching(
              r ->
                  "undertow-off".equals(r.service())
                      && r.span().getKind() == Span.SpanKind.SPAN_KIND_SERVER);
      assertThat(servers).isEmpty();
    }
  }
}
