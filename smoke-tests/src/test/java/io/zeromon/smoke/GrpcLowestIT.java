package io.zeromon.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.trace.v1.Span;
import io.zeromon.smoke.ReceivedSpans.Received;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** gRPC tracing on the lowest grpc-java claimed (1.60), and the switch-off. */
class GrpcLowestIT extends GrpcTracingTests {

  private static final String MODULE = "grpc-1.60";

  @BeforeAll
  static void startApps() throws Exception {
    start(MODULE);
  }

  @Test
  void runsTheLowestVersion() {
    assertThat(grpcVersion()).startsWith("1.60.");
  }

  @Test
  void switchedOffGrpcMakesNoRpcSpansWhileTheHttpServerStillDoes() throws Exception {
    try (AppJvm offBackend =
            AppJvm.app(MODULE, BACKEND)
                .property("otel.service.name", "grpc-off-backend")
                .property("otel.exporter.otlp.endpoint", receiver.endpoint())
                .property("otel.instrumentation.grpc.enabled", "false")
                .start();
        AppJvm offFrontend =
            AppJvm.app(MODULE, FRONTEND)
                .property("otel.service.name", "grpc-off-frontend")
                .property("otel.exporter.otlp.endpoint", receiver.endpoint())
                .property("otel.instrumentation.grpc.enabled", "false")
                .property("app.backend", "127.0.0.1:" + offBackend.port())
                .start()) {
      assertThat(offFrontend.get("/hello?name=off").body()).isEqualTo("hello off");
      Received root =
          SPANS
              .await(
                  r ->
                      "grpc-off-frontend".equals(r.service())
                          && r.span().getKind() == Span.SpanKind.SPAN_KIND_SERVER,
                  1,
                  20_000)
              .get(0);
      assertThat(root.span().getName()).isEqualTo("GET /hello");
      Thread.sleep(500); // an RPC span would have been exported with the server span
      List<Received> rpc =
          SPANS.matching(
              r -> r.service().startsWith("grpc-off") && r.attribute("rpc.system") != null);
      assertThat(rpc).isEmpty();
      assertThat(SPANS.matching(r -> r.traceId().equals(root.traceId()))).hasSize(1);
    }
  }
}
