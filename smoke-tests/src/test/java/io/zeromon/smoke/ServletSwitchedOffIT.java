package io.zeromon.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.Test;

/** {@code otel.instrumentation.servlet.enabled=false}: no servlet span, other spans still. */
class ServletSwitchedOffIT {

  @Test
  void noServerSpanWhileTheHttpClientIsStillTraced() throws Exception {
    ReceivedSpans spans = new ReceivedSpans();
    try (OtlpHttpReceiver receiver = new OtlpHttpReceiver(spans);
        AppJvm app =
            AppJvm.app("tomcat11", "io.zeromon.apps.tomcat11.Tomcat11App")
                .property("otel.exporter.otlp.endpoint", receiver.endpoint())
                .property("otel.instrumentation.servlet.enabled", "false")
                .start()) {
      // /app/call serves a request (no span now) and makes a call (a CLIENT span still)
      assertThat(app.get("/app/call").body()).isEqualTo("call -> plain");

      assertThat(spans.await(r -> r.span().getKind() == Span.SpanKind.SPAN_KIND_CLIENT, 1, 20_000))
          .hasSize(1);
      Thread.sleep(400); // the server spans would have come with the client span
      assertThat(spans.matching(r -> r.span().getKind() == Span.SpanKind.SPAN_KIND_SERVER))
          .isEmpty();
      assertThat(app.stderr()).doesNotContain("could not instrument");
    }
  }
}
