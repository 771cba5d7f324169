package io.zeromon.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.trace.v1.Span;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The agent's dependencies never become visible to, or replace, the application's. */
class IsolationIT {

  private static final String APP = "io.zeromon.smoke.apps.IsolationApp";
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

  @Test
  void anApplicationBundlingOtherVersionsKeepsItsOwnAndStillGetsTraced() throws Exception {
    AppJvm.Builder builder =
        AppJvm.builder(APP)
            .property("otel.service.name", "bundling")
            .property("otel.exporter.otlp.endpoint", receiver.endpoint());
    try (Stream<Path> jars = Files.list(AppJvm.APP_LIBS)) {
      jars.forEach(jar -> builder.classpath(jar.toString()));
    }
    try (AppJvm jvm = builder.start()) {
      Map<String, String> checks = jvm.checks();
      assertThat(checks.get("net.bytebuddy.ByteBuddy")).contains("byte-buddy-1.14.19.jar");
      assertThat(checks.get("io.opentelemetry.api.GlobalOpenTelemetry"))
          .contains("opentelemetry-api-1.40.0.jar");
      assertThat(checks.get("io.opentelemetry.sdk.trace.SdkTracerProvider"))
          .contains("opentelemetry-sdk-trace-1.40.0.jar");
      assertThat(checks.get("com.sun.jna.Native")).contains("jna-5.13.0.jar");
      assertThat(checks.get("jna-works")).startsWith("pointer-size-");
      assertAgentInternalsAbsent(checks);

      assertThat(jvm.get("/hello").statusCode()).isEqualTo(200);
      assertThat(
              SPANS.await(
                  r -> "bundling".equals(r.service()) && r.span().getKind() == Span.SpanKind.SPAN_KIND_SERVER,
                  1,
                  20_000))
          .isNotEmpty();
    }
  }

  @Test
  void anApplicationBundlingNothingCannotSeeTheAgentsLibraries() throws Exception {
    try (AppJvm jvm =
        AppJvm.builder(APP).property("otel.exporter.otlp.endpoint", receiver.endpoint()).start()) {
      Map<String, String> checks = jvm.checks();
      assertThat(checks.get("net.bytebuddy.ByteBuddy")).isEqualTo("absent");
      assertThat(checks.get("io.opentelemetry.api.GlobalOpenTelemetry")).isEqualTo("absent");
      assertThat(checks.get("io.opentelemetry.sdk.trace.SdkTracerProvider")).isEqualTo("absent");
      assertThat(checks.get("com.sun.jna.Native")).isEqualTo("absent");
      assertThat(checks.get("jna-works")).isEqualTo("absent");
      assertAgentInternalsAbsent(checks);
    }
  }

  private static void assertAgentInternalsAbsent(Map<String, String> checks) {
    for (String hidden :
        new String[] {
          "io.zeromon.agent.AgentStarter",
          "io.zeromon.instrumentation.Instrumentations",
          "io.zeromon.shaded.io.opentelemetry.api.trace.Span",
          "io.prometheus.metrics.core.metrics.Counter",
          "oshi.SystemInfo",
          "okhttp3.OkHttpClient",
          "kotlin.Unit"
        }) {
      assertThat(checks.get(hidden)).as(hidden).isEqualTo("absent");
    }
  }
}
