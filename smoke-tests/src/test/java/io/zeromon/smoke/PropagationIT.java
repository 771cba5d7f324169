package io.zeromon.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.trace.v1.Span;
import io.zeromon.smoke.ReceivedSpans.Received;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each propagation format between two JVMs that speak only that format; malformed headers start
 * a new trace; the parent's sampling decision (and Jaeger's debug flag) is followed.
 */
class PropagationIT {

  private static final String APP = "io.zeromon.smoke.apps.HttpServerApp";
  private static final List<String> FORMATS = List.of("tracecontext", "b3", "b3multi", "jaeger");
  private static final ReceivedSpans SPANS = new ReceivedSpans();
  private static final Map<String, AppJvm> BACKENDS = new LinkedHashMap<>();
  private static final Map<String, AppJvm> FRONTENDS = new LinkedHashMap<>();
  private static OtlpHttpReceiver receiver;

  @BeforeAll
  static void start() throws Exception {
    AppJvm.javaBinary(); // skips here, not inside a starter thread, when the JDK is missing
    receiver = new OtlpHttpReceiver(SPANS);
    ExecutorService starter = Executors.newFixedThreadPool(4);
    try {
      Map<String, Future<AppJvm>> backends = new LinkedHashMap<>();
      for (String format : FORMATS) {
        backends.put(format, starter.submit(() -> jvm(format, "backend", null)));
      }
      Map<String, Future<AppJvm>> frontends = new LinkedHashMap<>();
      for (String format : FORMATS) {
        BACKENDS.put(format, backends.get(format).get());
        String downstream = BACKENDS.get(format).baseUrl();
        frontends.put(format, starter.submit(() -> jvm(format, "frontend", downstream)));
      }
      for (String format : FORMATS) {
        FRONTENDS.put(format, frontends.get(format).get());
      }
    } finally {
      starter.shutdown();
    }
  }

  private static AppJvm jvm(String format, String role, String downstream) throws Exception {
    AppJvm.Builder builder =
        AppJvm.builder(APP)
            .property("otel.service.name", role + "-" + format)
            .property("otel.propagators", format)
            .property("otel.exporter.otlp.endpoint", receiver.endpoint());
    if (downstream != null) {
      builder.property("app.downstream", downstream);
    }
    return builder.start();
  }

  @AfterAll
  static void stop() {
    List<AppJvm> all = new ArrayList<>(FRONTENDS.values());
    all.addAll(BACKENDS.values());
    all.forEach(AppJvm::close);
    if (receiver != null) {
      receiver.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tracecontext", "b3", "b3multi", "jaeger"})
  void eachFormatCarriesTheTraceToAJvmThatSpeaksOnlyIt(String format) throws Exception {
    assertThat(FRONTENDS.get(format).get("/chain").statusCode()).isEqualTo(200);
    Received root =
        SPANS.await(r -> ("frontend-" + format).equals(r.service()) && isServer(r), 1, 20_000).get(0);
    List<Received> trace = SPANS.await(r -> r.traceId().equals(root.traceId()), 3, 20_000);
    assertThat(trace).hasSize(3);
    Received client = trace.stream().filter(r -> r.span().getKind() == Span.SpanKind.SPAN_KIND_CLIENT).findFirst().orElseThrow();
    Received downstream = trace.stream().filter(r -> ("backend-" + format).equals(r.service())).findFirst().orElseThrow();
    assertThat(downstream.parentSpanId()).isEqualTo(client.spanId());
  }

  @ParameterizedTest
  @ValueSource(strings = {"tracecontext", "b3", "b3multi", "jaeger"})
  void malformedHeadersStartANewTrace(String format) throws Exception {
    AppJvm backend = BACKENDS.get(format);
    List<String[]> malformed =
        List.of(
            new String[] {"traceparent", "00-zzzz-not-hex-01"},
            new String[] {"traceparent", "ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-extra"},
            new String[] {"b3", "garbage"},
            new String[] {"b3", "0af7651916cd43dd8448eb211c80319c-"},
            new String[] {"X-B3-TraceId", "not-a-trace-id"},
            new String[] {"X-B3-SpanId", "0000000000000000"},
            new String[] {"uber-trace-id", "a:b:c"},
            new String[] {"uber-trace-id", "::::"},
            new String[] {"uber-trace-id", "0af7651916cd43dd8448eb211c80319c:%%%%:0:1"});
    for (String[] header : malformed) {
      assertThat(backend.get("/hello?malformed=" + header[0], header[0], header[1]).statusCode())
          .as(header[0] + ": " + header[1])
          .isEqualTo(200);
    }
    List<Received> spans =
        SPANS.await(
            r -> ("backend-" + format).equals(r.service()) && r.attribute("url.query") != null
                && r.attribute("url.query").startsWith("malformed="),
            malformed.size(),
            20_000);
    assertThat(spans).hasSize(malformed.size());
    assertThat(spans).allSatisfy(r -> assertThat(r.parentSpanId()).isEmpty());
    assertThat(backend.stderr()).doesNotContain("Exception");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sampled", "not-sampled"})
  void theParentsSamplingDecisionIsFollowed(String decision) throws Exception {
    boolean sampled = "sampled".equals(decision);
    String traceId = sampled ? "4bf92f3577b34da6a3ce929d0e0e4736" : "5bf92f3577b34da6a3ce929d0e0e4736";
    BACKENDS.get("tracecontext")
        .get("/hello", "traceparent", "00-" + traceId + "-00f067aa0ba902b7-" + (sampled ? "01" : "00"));
    String jaegerTrace = sampled ? "6bf92f3577b34da6a3ce929d0e0e4736" : "7bf92f3577b34da6a3ce929d0e0e4736";
    // Jaeger flags: bit 1 = sampled, bit 2 = debug (set with sampled, as Jaeger clients do)
    BACKENDS.get("jaeger")
        .get("/hello", "uber-trace-id", jaegerTrace + ":00f067aa0ba902b7:0:" + (sampled ? "3" : "0"));
    if (sampled) {
      assertThat(SPANS.await(r -> r.traceId().equals(traceId), 1, 20_000)).hasSize(1)
          .allSatisfy(r -> assertThat(r.parentSpanId()).isEqualTo("00f067aa0ba902b7"));
      assertThat(SPANS.await(r -> r.traceId().equals(jaegerTrace), 1, 20_000)).hasSize(1);
    } else {
      // a sampled request sent afterwards arrives; the unsampled ones must not be with it
      BACKENDS.get("tracecontext").get("/hello?after=1");
      SPANS.await(r -> "after=1".equals(r.attribute("url.query")), 1, 20_000);
      Thread.sleep(300);
      assertThat(SPANS.matching(r -> r.traceId().equals(traceId) || r.traceId().equals(jaegerTrace))).isEmpty();
    }
  }

  private static boolean isServer(Received r) {
    return r.span().getKind() == Span.SpanKind.SPAN_KIND_SERVER;
  }
}
