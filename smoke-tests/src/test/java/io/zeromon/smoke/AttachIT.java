package io.zeromon.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.trace.v1.Span;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code java -jar zeromon-agent.jar attach <pid>} on a running application. */
class AttachIT {

  @Test
  void attachingToARunningApplicationTracesTheRequestsAfterTheAttach() throws Exception {
    ReceivedSpans spans = new ReceivedSpans();
    try (OtlpHttpReceiver receiver = new OtlpHttpReceiver(spans);
        AppJvm app = AppJvm.builder("io.zeromon.smoke.apps.HttpServerApp").withoutAgent().start()) {
      assertThat(app.get("/hello").statusCode()).isEqualTo(200);

      Path log = Paths.get("target", "smoke-logs", "attach-" + app.pid() + ".log");
      Process attach =
          new ProcessBuilder(
                  AppJvm.javaBinary(),
                  "-jar",
                  AppJvm.AGENT_JAR.toAbsolutePath().toString(),
                  "attach",
                  Long.toString(app.pid()),
                  "otel.service.name=attached,otel.bsp.schedule.delay=100,otel.metrics.exporter=none,"
                      + "otel.exporter.otlp.endpoint="
                      + receiver.endpoint())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      assertThat(attach.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(attach.exitValue()).as(Files.readString(log)).isZero();
      assertThat(app.stderr()).contains("attached in");

      assertThat(app.get("/chain").statusCode()).isEqualTo(200);
      List<ReceivedSpans.Received> received =
          spans.await(r -> r.span().getKind() == Span.SpanKind.SPAN_KIND_SERVER, 2, 20_000);
      assertThat(received).hasSize(2);
      assertThat(received).allSatisfy(r -> assertThat(r.service()).isEqualTo("attached"));
      // only the requests after the attach: /chain and the /hello it called
      assertThat(received).extracting(r -> r.attribute("http.route"))
          .containsExactlyInAnyOrder("/chain", "/hello");
      assertThat(spans.await(r -> r.span().getKind() == Span.SpanKind.SPAN_KIND_CLIENT, 1, 5_000))
          .hasSize(1);
    }
  }
}
