package io.zeromon.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.trace.v1.Span;
import io.zeromon.smoke.ReceivedSpans.Received;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Netty HTTP server tracing on Netty 4.1 (the lowest claimed), and the switch-off. */
class Netty41IT extends NettyTracingTests {

  private static final String MODULE = "netty-4.1";

  @BeforeAll
  static void startApp() throws Exception {
    start(MODULE);
  }

  @Test
  void runsNetty41() {
    assertThat(app.checks().get("netty")).startsWith("4.1.");
  }

  @Test
  void switchedOffNettyMakesNoSpanWhileTheJdkServerStillDoes() throws Exception {
    try (AppJvm off =
        AppJvm.app(MODULE, APP)
            .property("otel.service.name", "netty-off")
            .property("otel.exporter.otlp.endpoint", receiver.endpoint())
            .property("otel.instrumentation.netty.enabled", "false")
            .start()) {
      assertThat(off.get("/chain?off=1").body()).isEqualTo("chain -> downstream");
      Received downstream =
          spans
              .await(
                  r ->
                      "netty-off".equals(r.service())
                          && "/downstream".equals(r.attribute("http.route")),
                  1,
                  20_000)
              .get(0);
      Thread.sleep(500); // the Netty span would have been exported by now
      List<Received> trace = spans.matching(r -> r.traceId().equals(downstream.traceId()));
      // the client call is the root now: no Netty SERVER span above it
      assertThat(trace).hasSize(2);
      assertThat(trace)
          .noneMatch(r -> r.span().getKind() == Span.SpanKind.SPAN_KIND_SERVER && r != downstream);
      assertThat(spans.matching(r -> "off=1".equals(r.attribute("url.query")))).isEmpty();
    }
  }
}
