package io.zeromon.agent.exporter.jaeger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jaegertracing.thriftjava.Span;
import io.jaegertracing.thriftjava.SpanRefType;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Each protocol end to end, decoded by the Thrift library as a Jaeger agent or collector would. */
class JaegerProtocolsTest {

  @Test
  @SuppressWarnings("try") // the scope is only made current
  void udpBinaryCarriesSpansOfARealTracerProvider() throws Exception {
    try (UdpReceiver agent = new UdpReceiver(false)) {
      JaegerSpanExporter exporter =
          new JaegerSpanExporter(TestSpans.udp(JaegerExporterSettings.UDP_BINARY, agent.port()));
      SdkTracerProvider provider =
          SdkTracerProvider.builder()
              .setResource(Resource.create(Attributes.of(ProcessMapper.SERVICE_NAME, "billing")))
              .addSpanProcessor(SimpleSpanProcessor.create(exporter))
              .build();
      Tracer tracer = provider.get("test-scope", "9.9");
      io.opentelemetry.api.trace.Span parent =
          tracer.spanBuilder("parent").setSpanKind(SpanKind.SERVER).startSpan();
      try (Scope ignored = parent.makeCurrent()) {
        tracer.spanBuilder("child").setSpanKind(SpanKind.CLIENT).startSpan().end();
      } finally {
        parent.end();
      }
      provider.shutdown().join(5, TimeUnit.SECONDS);

      agent.await(2, Duration.ofSeconds(5));
      assertThat(agent.errors).isEmpty();
      List<Span> spans = agent.spans();
      assertThat(spans).extracting(Span::getOperationName).containsExactly("child", "parent");
      Span child = spans.get(0);
      Span parentSpan = spans.get(1);
      assertThat(child.getTraceIdHigh()).isEqualTo(parentSpan.getTraceIdHigh());
      assertThat(child.getTraceIdLow()).isEqualTo(parentSpan.getTraceIdLow());
      assertThat(child.getParentSpanId()).isEqualTo(parentSpan.getSpanId());
      assertThat(child.getReferences()).hasSize(1);
      assertThat(child.getReferences().get(0).getRefType()).isEqualTo(SpanRefType.CHILD_OF);
      assertThat(child.getReferences().get(0).getSpanId()).isEqualTo(parentSpan.getSpanId());
      assertThat(JaegerSpanMappingTest.byKey(child.getTags()).get("span.kind").getVStr())
          .isEqualTo("client");
      assertThat(agent.packets.get(0).batch().getProcess().getServiceName()).isEqualTo("billing");
      assertThat(exporter.spansSent()).isEqualTo(2);
      // the provider's shutdown shut the exporter down: a late export fails and is counted
      assertThat(exporter.export(List.of(TestSpans.builder("late").build())).isSuccess()).isFalse();
      assertThat(exporter.spansDroppedError()).isEqualTo(1);
    }
  }

  @Test
  void httpPostsABinaryBatchWithBasicAuth() throws Exception {
    try (HttpReceiver collector = new HttpReceiver()) {
      JaegerSpanExporter exporter =
          new JaegerSpanExporter(TestSpans.http(collector.endpoint(), "jaeger", "s3cret"));
      CompletableResultCode result =
          exporter.export(List.of(TestSpans.builder("a").build(), TestSpans.builder("b").build()));
      assertThat(result.join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
      assertThat(collector.errors).isEmpty();
      assertThat(collector.requests).hasSize(1);
      HttpReceiver.Request request = collector.requests.get(0);
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.path()).isEqualTo("/api/traces");
      assertThat(request.contentType()).isEqualTo("application/x-thrift");
      String credentials =
          new String(
              Base64.getDecoder().decode(request.authorization().substring("Basic ".length())),
              StandardCharsets.UTF_8);
      assertThat(credentials).isEqualTo("jaeger:s3cret");
      assertThat(request.batch().getProcess().getServiceName()).isEqualTo("checkout");
      assertThat(request.batch().getSpans())
          .extracting(Span::getOperationName)
          .containsExactly("a", "b");
      assertThat(request.batch().getSpans().get(0).getTraceIdHigh()).isEqualTo(0xf0e1d2c3b4a59687L);
      assertThat(exporter.spansSent()).isEqualTo(2);
      assertThat(exporter.packetsSent()).isEqualTo(1);
      assertThat(exporter.describe())
          .isEqualTo("Jaeger http/thrift.binary " + collector.endpoint() + " (basic auth)");
      assertThat(exporter.shutdown().join(5, TimeUnit.SECONDS).isSuccess()).isTrue();
    }
  }

  @Test
  void httpErrorsFailTheExportAndAreCounted() throws Exception {
    try (HttpReceiver collector = new HttpReceiver()) {
      collector.status = 503;
      JaegerSpanExporter exporter =
          new JaegerSpanExporter(TestSpans.http(collector.endpoint(), null, null));
      CompletableResultCode result = exporter.export(List.of(TestSpans.builder("a").build()));
      assertThat(result.join(10, TimeUnit.SECONDS).isSuccess()).isFalse();
      assertThat(collector.requests.get(0).authorization()).isNull();
      assertThat(exporter.spansDroppedError()).isEqualTo(1);
      assertThat(exporter.spansSent()).isZero();
      exporter.shutdown().join(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void httpToNobodyFailsWithinTheTimeout() {
    JaegerSpanExporter exporter =
        new JaegerSpanExporter(
            new JaegerExporterSettings(
                JaegerExporterSettings.HTTP_BINARY,
                "localhost",
                6831,
                "http://127.0.0.1:9/api/traces",
                2_000,
                null,
                null));
    long start = System.nanoTime();
    CompletableResultCode result = exporter.export(List.of(TestSpans.builder("a").build()));
    assertThat(result.join(10, TimeUnit.SECONDS).isSuccess()).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(exporter.spansDroppedError()).isEqualTo(1);
    exporter.shutdown().join(5, TimeUnit.SECONDS);
  }
}
