package io.zeromon.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.jaegertracing.thriftjava.Batch;
import io.jaegertracing.thriftjava.Span;
import io.jaegertracing.thriftjava.SpanRefType;
import io.jaegertracing.thriftjava.Tag;
import io.zeromon.smoke.ReceivedSpans.Received;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The jaeger exporter beside OTLP in the same JVMs: the frontend sends Thrift compact over UDP to
 * a Jaeger agent, the backend Thrift binary over HTTP to a collector; both copies of each span
 * must agree.
 */
class JaegerExportIT {

  private static final String APP = "io.zeromon.smoke.apps.HttpServerApp";
  private static final ReceivedSpans OTLP = new ReceivedSpans();
  private static OtlpHttpReceiver otlp;
  private static JaegerReceivers jaeger;
  private static AppJvm backend;
  private static AppJvm frontend;

  @BeforeAll
  static void start() throws Exception {
    otlp = new OtlpHttpReceiver(OTLP);
    jaeger = new JaegerReceivers();
    backend =
        AppJvm.builder(APP)
            .property("otel.service.name", "jaeger-backend")
            .property("otel.traces.exporter", "otlp,jaeger")
            .property("otel.exporter.otlp.endpoint", otlp.endpoint())
            .property("otel.exporter.jaeger.protocol", "http/thrift.binary")
            .property("otel.exporter.jaeger.endpoint", jaeger.httpEndpoint())
            .start();
    frontend =
        AppJvm.builder(APP)
            .property("otel.service.name", "jaeger-frontend")
            .property("otel.traces.exporter", "otlp,jaeger")
            .property("otel.exporter.otlp.endpoint", otlp.endpoint())
            .env("JAEGER_AGENT_HOST", "127.0.0.1")
            .env("JAEGER_AGENT_PORT", Integer.toString(jaeger.udpPort()))
            .env("JAEGER_TAGS", "datacenter=dc1")
            .property("app.downstream", backend.baseUrl())
            .start();
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {frontend, backend, otlp, jaeger}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception ignored) {
        // best effort
      }
    }
  }

  @Test
  void bothProtocolsCarryTheSameSpansAsOtlp() throws Exception {
    assertThat(frontend.get("/chain").statusCode()).isEqualTo(200);
    Received root =
        OTLP.await(r -> "jaeger-frontend".equals(r.service()) && "/chain".equals(r.attribute("url.path")), 1, 20_000)
            .get(0);
    List<Received> trace = OTLP.await(r -> r.traceId().equals(root.traceId()), 3, 20_000);
    assertThat(trace).hasSize(3);
    long high = Long.parseUnsignedLong(root.traceId().substring(0, 16), 16);
    long low = Long.parseUnsignedLong(root.traceId().substring(16), 16);

    List<Batch> batches = jaeger.awaitSpans(low, 3, 20_000);
    Map<Long, Span> byId = new HashMap<>();
    Map<Long, Batch> batchOf = new HashMap<>();
    for (Batch batch : batches) {
      for (Span span : batch.getSpans()) {
        if (span.getTraceIdLow() == low) {
          byId.put(span.getSpanId(), span);
          batchOf.put(span.getSpanId(), batch);
        }
      }
    }
    assertThat(byId).hasSize(3);
    for (Received otel : trace) {
      Span span = byId.get(Long.parseUnsignedLong(otel.spanId(), 16));
      assertThat(span).as(otel.span().getName()).isNotNull();
      assertThat(span.getTraceIdHigh()).isEqualTo(high);
      assertThat(span.getOperationName()).isEqualTo(otel.span().getName());
      assertThat(span.getStartTime()).isEqualTo(otel.span().getStartTimeUnixNano() / 1000);
      assertThat(span.getDuration())
          .isEqualTo((otel.span().getEndTimeUnixNano() - otel.span().getStartTimeUnixNano()) / 1000);
      if (otel.parentSpanId().isEmpty()) {
        assertThat(span.getParentSpanId()).isZero();
      } else {
        long parent = Long.parseUnsignedLong(otel.parentSpanId(), 16);
        assertThat(span.getParentSpanId()).isEqualTo(parent);
        assertThat(span.getReferences())
            .anySatisfy(
                ref -> {
                  assertThat(ref.getRefType()).isEqualTo(SpanRefType.CHILD_OF);
                  assertThat(ref.getSpanId()).isEqualTo(parent);
                });
      }
      Map<String, Tag> tags = tags(span.getTags());
      assertThat(tags.get("span.kind").getVStr())
          .isEqualTo(otel.span().getKind().name().replace("SPAN_KIND_", "").toLowerCase());
      assertThat(tags.get("http.request.method").getVStr()).isEqualTo("GET");
      assertThat(tags.get("http.response.status_code").getVLong()).isEqualTo(200L);
      Batch batch = batchOf.get(span.getSpanId());
      assertThat(batch.getProcess().getServiceName()).isEqualTo(otel.service());
      Map<String, Tag> process = tags(batch.getProcess().getTags());
      assertThat(process).containsKeys("hostname", "ip", "jaeger.version", "service.instance.id");
    }
    Span frontendRoot = byId.get(Long.parseUnsignedLong(root.spanId(), 16));
    assertThat(tags(batchOf.get(frontendRoot.getSpanId()).getProcess().getTags()).get("datacenter").getVStr())
        .isEqualTo("dc1");
  }

  @Test
  void errorsBecomeErrorTags() throws Exception {
    assertThat(frontend.get("/fail").statusCode()).isEqualTo(500);
    Received fail =
        OTLP.await(r -> "jaeger-frontend".equals(r.service()) && "/fail".equals(r.attribute("url.path")), 1, 20_000)
            .get(0);
    long low = Long.parseUnsignedLong(fail.traceId().substring(16), 16);
    List<Span> spans = new ArrayList<>();
    for (Batch batch : jaeger.awaitSpans(low, 1, 20_000)) {
      batch.getSpans().stream().filter(s -> s.getTraceIdLow() == low).forEach(spans::add);
    }
    assertThat(spans).hasSize(1);
    Map<String, Tag> tags = tags(spans.get(0).getTags());
    assertThat(tags.get("error").isVBool()).isTrue();
    assertThat(tags.get("otel.status_code").getVStr()).isEqualTo("ERROR");
  }

  private static Map<String, Tag> tags(List<Tag> tags) {
    Map<String, Tag> byKey = new HashMap<>();
    if (tags != null) {
      tags.forEach(t -> byKey.put(t.getKey(), t));
    }
    return byKey;
  }
}
