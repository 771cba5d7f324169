package io.zeromon.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.trace.v1.Span;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad configuration, a missing collector, or a failing agent never stop the application. */
class SafetyIT {

  private static final String APP = "io.zeromon.smoke.apps.HttpServerApp";
  private static final ReceivedSpans SPANS = new ReceivedSpans();
  private static OtlpHttpReceiver receiver;

  @BeforeAll
  static void start() throws Exception {
    receiver = new OtlpHttpReceiver(SPANS);
  }

  @AfterAll
  static void stop() {
    receiver.close();
  }

  private static long lines(String text, String fragment) {
    return Arrays.stream(text.split("\n")).filter(l -> l.contains(fragment)).count();
  }

  @Test
  void everyBadValueGetsOneWarningAndTheApplicationServes() throws Exception {
    try (AppJvm jvm =
        AppJvm.builder(APP)
            .env("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint())
            .env("OTEL_SERVICE_NAME", "from-env")
            .property("otel.metrics.exporter", "prometheus")
            .property("otel.exporter.prometheus.port", "ninety")
            .property("otel.traces.exporter", "otlp,jeager")
            .property("otel.traces.sampler", "sometimes")
            .property("otel.traces.sampler.arg", "2.5")
            .property("otel.propagators", "tracecontext,w3c")
            .property("otel.resource.attributes", "team=core,broken,=nokey")
            .property("otel.javaagent.configuration-file", "/nonexistent/zeromon.properties")
            .property("otel.bsp.schedule.delay", "soon")
            .property("otel.exporter.otlp.protocol", "udp")
            .property("zeromon.log.levle", "debug")
            .start()) {
      assertThat(jvm.get("/hello").statusCode()).isEqualTo(200);
      String err = jvm.stderr();
      List<String> expected =
          List.of(
              "otel.exporter.prometheus.port='ninety': accepted is an integer from 0 to 65535",
              "otel.traces.exporter='otlp,jeager'",
              "otel.traces.sampler='sometimes': accepted is one of",
              "otel.traces.sampler.arg='2.5': accepted is a number from 0.0 to 1.0",
              "otel.propagators='tracecontext,w3c'",
              "otel.javaagent.configuration-file='/nonexistent/zeromon.properties'",
              "otel.bsp.schedule.delay='soon': accepted is a duration",
              "otel.exporter.otlp.protocol='udp': accepted is one of http/protobuf, grpc",
              "zeromon.log.levle='debug': accepted is a known zeromon.* setting");
      for (String warning : expected) {
        assertThat(lines(err, "warn: bad setting " + warning)).as(warning).isEqualTo(1);
      }
      // one warning per malformed pair, each naming the pair skipped
      assertThat(lines(err, "bad setting otel.resource.attributes")).isEqualTo(2);
      assertThat(err).contains("skipping 'broken'").contains("skipping '=nokey'");
      // defaults took over: traces still reach the collector named by the environment
      List<ReceivedSpans.Received> spans =
          SPANS.await(r -> "from-env".equals(r.service()), 1, 20_000);
      assertThat(spans).isNotEmpty();
      assertThat(spans.get(0).resourceAttribute("team")).isEqualTo("core");
    }
  }

  @Test
  void aConfigurationFileIsReadAndSystemPropertiesWin(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("zeromon.properties");
    Files.writeString(
        file,
        "otel.service.name=from-file\n"
            + "otel.exporter.otlp.endpoint="
            + receiver.endpoint()
            + "\notel.resource.attributes=source=file\n");
    try (AppJvm jvm =
        AppJvm.builder(APP)
            .property("otel.javaagent.configuration-file", file.toString())
            .property("otel.resource.attributes", "source=property")
            .start()) {
      assertThat(jvm.get("/hello").statusCode()).isEqualTo(200);
      ReceivedSpans.Received span = SPANS.await(r -> "from-file".equals(r.service()), 1, 20_000).get(0);
      assertThat(span.resourceAttribute("source")).isEqualTo("property");
    }
  }

  @Test
  void withNoCollectorTheApplicationServesAndTheFailureIsLoggedOncePerInterval() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (AppJvm jvm =
        AppJvm.builder(APP)
            .property("otel.exporter.otlp.endpoint", "http://127.0.0.1:" + closedPort)
            .property("otel.exporter.otlp.timeout", "1000")
            .start()) {
      long slowest = 0;
      for (int i = 0; i < 200; i++) {
        long start = System.nanoTime();
        assertThat(jvm.get("/hello").statusCode()).isEqualTo(200);
        slowest = Math.max(slowest, System.nanoTime() - start);
      }
      Thread.sleep(1500); // several export attempts (100 ms batches) have failed by now
      String err = jvm.stderr();
      assertThat(lines(err, "span export to OTLP http/protobuf http://127.0.0.1:" + closedPort))
          .isEqualTo(1);
      // an export blocking the request thread would take the 1 s export timeout
      assertThat(slowest / 1_000_000).as("slowest request in ms").isLessThan(1000);
      System.out.printf("no collector: slowest of 200 requests %d ms%n", slowest / 1_000_000);
    }
  }

  @Test
  void aFailingBridgeImplementationNeverReachesTheApplication() throws Exception {
    try (AppJvm jvm =
        AppJvm.builder(APP)
            .property("otel.service.name", "failing-bridge")
            .property("otel.exporter.otlp.endpoint", receiver.endpoint())
            .property("zeromon.testing.bridge-failure", "true")
            .start()) {
      assertThat(jvm.get("/hello").body()).isEqualTo("hello");
      assertThat(jvm.get("/chain").body()).isEqualTo("chain -> hello");
      assertThat(jvm.get("/chain-client").body()).isEqualTo("chain-client -> hello");
      assertThat(jvm.get("/chain-async").body()).isEqualTo("chain-async -> hello");
      assertThat(jvm.get("/fail").statusCode()).isEqualTo(500);
      Thread.sleep(500);
      assertThat(SPANS.matching(r -> "failing-bridge".equals(r.service()))).isEmpty();
      assertThat(jvm.stderr()).doesNotContain("Exception");
    }
  }

  @Test
  void switchedOffTheAgentDoesNothing() throws Exception {
    try (AppJvm jvm =
        AppJvm.builder(APP)
            .property("otel.service.name", "switched-off")
            .property("otel.exporter.otlp.endpoint", receiver.endpoint())
            .env("OTEL_JAVAAGENT_ENABLED", "false")
            .start()) {
      assertThat(jvm.get("/hello").statusCode()).isEqualTo(200);
      Thread.sleep(500);
      assertThat(SPANS.matching(r -> "switched-off".equals(r.service()))).isEmpty();
      assertThat(jvm.stderr()).doesNotContain("[zeromon]");
    }
  }

  @Test
  void oneInstrumentationSwitchedOffMakesNoSpansWhileTheOthersDo() throws Exception {
    try (AppJvm jvm =
        AppJvm.builder(APP)
            .property("otel.service.name", "no-urlconnection")
            .property("otel.exporter.otlp.endpoint", receiver.endpoint())
            .property("otel.instrumentation.http-url-connection.enabled", "false")
            .start()) {
      assertThat(jvm.get("/chain").statusCode()).isEqualTo(200);
      assertThat(jvm.get("/chain-client").statusCode()).isEqualTo(200);
      // /chain-client: java.net.http still traced, its downstream span a child of the client
      List<ReceivedSpans.Received> clients =
          SPANS.await(r -> "no-urlconnection".equals(r.service()) && r.span().getKind() == Span.SpanKind.SPAN_KIND_CLIENT, 1, 20_000);
      assertThat(clients).hasSize(1);
      // /chain: HttpURLConnection untraced, so its downstream /hello starts a trace of its own
      ReceivedSpans.Received chain =
          SPANS.await(r -> "no-urlconnection".equals(r.service()) && "/chain".equals(r.attribute("url.path")), 1, 20_000).get(0);
      Thread.sleep(500);
      assertThat(SPANS.matching(r -> r.traceId().equals(chain.traceId()))).hasSize(1);
      assertThat(jvm.stderr()).contains("instrumentations java-http-server,java-http-client");
    }
  }

  @Test
  void nothingButSpansOfTheApplicationReachTheCollector() {
    assertThat(SPANS.matching(r -> r.span().getKind() == Span.SpanKind.SPAN_KIND_CLIENT))
        .allSatisfy(r -> assertThat(r.attribute("url.full")).doesNotContain("/v1/traces"));
  }
}
