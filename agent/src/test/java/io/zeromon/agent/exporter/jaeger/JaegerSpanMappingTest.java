package io.zeromon.agent.exporter.jaeger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.jaegertracing.thriftjava.Batch;
import io.jaegertracing.thriftjava.Log;
import io.jaegertracing.thriftjava.Span;
import io.jaegertracing.thriftjava.SpanRef;
import io.jaegertracing.thriftjava.SpanRefType;
import io.jaegertracing.thriftjava.Tag;
import io.jaegertracing.thriftjava.TagType;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The OTel → Jaeger mapping, as a Jaeger agent decodes it from udp/thrift.compact packets. */
class JaegerSpanMappingTest {

  private static final String LINKED_TRACE = "00000000000000010000000000000002";
  private static final String LINKED_SPAN = "ffffffffffffffff";

  @Test
  void mapsEveryPartOfASpan() throws Exception {
    Batch batch = exportOne(fullSpan());
    Span span = batch.getSpans().get(0);

    assertThat(span.getTraceIdHigh()).isEqualTo(0xf0e1d2c3b4a59687L).isNegative();
    assertThat(span.getTraceIdLow()).isEqualTo(0x78695a4b3c2d1e0fL);
    assertThat(span.getSpanId()).isEqualTo(0x8a7b6c5d4e3f2a1bL).isNegative();
    assertThat(span.getParentSpanId()).isEqualTo(0x0102030405060708L);
    assertThat(span.getOperationName()).isEqualTo("GET /orders/{id}");
    assertThat(span.getFlags()).isEqualTo(1);
    assertThat(span.getStartTime()).isEqualTo(1_700_000_000_123_456L); // µs, truncated
    assertThat(span.getDuration()).isEqualTo(1_500L);

    assertThat(span.getReferences())
        .containsExactly(
            new SpanRef(
                SpanRefType.CHILD_OF,
                0x78695a4b3c2d1e0fL,
                0xf0e1d2c3b4a59687L,
                0x0102030405060708L),
            new SpanRef(SpanRefType.FOLLOWS_FROM, 2L, 1L, -1L));

    Map<String, Tag> tags = byKey(span.getTags());
    assertThat(tags.get("http.route").getVType()).isEqualTo(TagType.STRING);
    assertThat(tags.get("http.route").getVStr()).isEqualTo("/orders/{id}");
    assertThat(tags.get("http.response.status_code").getVType()).isEqualTo(TagType.LONG);
    assertThat(tags.get("http.response.status_code").getVLong()).isEqualTo(500L);
    assertThat(tags.get("cache.hit").getVType()).isEqualTo(TagType.BOOL);
    assertThat(tags.get("cache.hit").isVBool()).isFalse();
    assertThat(tags.get("ratio").getVType()).isEqualTo(TagType.DOUBLE);
    assertThat(tags.get("ratio").getVDouble()).isEqualTo(0.25);
    assertThat(tags.get("names").getVStr()).isEqualTo("[\"a\",\"b \\\"q\\\"\"]");
    assertThat(tags.get("codes").getVStr()).isEqualTo("[1,2,3]");
    assertThat(tags.get("flags").getVStr()).isEqualTo("[true,false]");
    assertThat(tags.get("weights").getVStr()).isEqualTo("[1.5,\"NaN\"]");
    assertThat(tags.get("span.kind").getVStr()).isEqualTo("server");
    assertThat(tags.get("error").getVType()).isEqualTo(TagType.BOOL);
    assertThat(tags.get("error").isVBool()).isTrue();
    assertThat(tags.get("otel.status_code").getVStr()).isEqualTo("ERROR");
    assertThat(tags.get("otel.status_description").getVStr()).isEqualTo("database down");
    assertThat(tags.get("otel.scope.name").getVStr()).isEqualTo("io.zeromon.servlet");
    assertThat(tags.get("otel.scope.version").getVStr()).isEqualTo("0.1.0");
    assertThat(tags.get("otel.library.name").getVStr()).isEqualTo("io.zeromon.servlet");
    assertThat(tags.get("otel.library.version").getVStr()).isEqualTo("0.1.0");
    assertThat(tags.get("otel.dropped_attributes_count").getVLong()).isEqualTo(2L);

    assertThat(span.getLogs()).hasSize(2);
    Log exception = span.getLogs().get(0);
    assertThat(exception.getTimestamp()).isEqualTo(1_700_000_000_124_456L);
    Map<String, Tag> fields = byKey(exception.getFields());
    assertThat(fields.get("event").getVStr()).isEqualTo("exception");
    assertThat(fields.get("exception.type").getVStr()).isEqualTo("java.sql.SQLException");
    assertThat(fields.get("retry").getVLong()).isEqualTo(3L);
    assertThat(byKey(span.getLogs().get(1).getFields()).keySet()).containsExactly("event");
  }

  @Test
  void resourceBecomesTheProcess() throws Exception {
    Batch batch = exportOne(TestSpans.builder("op").build());
    assertThat(batch.getProcess().getServiceName()).isEqualTo("checkout");
    Map<String, Tag> tags = byKey(batch.getProcess().getTags());
    assertThat(tags).doesNotContainKey("service.name");
    assertThat(tags.get("host.name").getVStr()).isEqualTo("app-01");
    assertThat(tags.get("process.pid").getVLong()).isEqualTo(4242L);
    assertThat(tags.get("hostname").getVStr()).isEqualTo("app-01");
    assertThat(tags.get("ip").getVStr()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
    assertThat(tags.get("jaeger.version").getVStr()).isEqualTo("Java-zeromon-1.2.3");
  }

  @Test
  void quietSpansCarryNoStatusNoKindAndNoParent() throws Exception {
    SpanData ok =
        TestSpans.builder("internal")
            .setStatus(StatusData.ok())
            .setSpanContext(
                SpanContext.create(
                    TestSpans.TRACE_ID,
                    TestSpans.SPAN_ID,
                    TraceFlags.getDefault(),
                    TraceState.getDefault()))
            .setInstrumentationScopeInfo(InstrumentationScopeInfo.empty())
            .build();
    Span span = exportOne(ok).getSpans().get(0);
    Map<String, Tag> tags = byKey(span.getTags());
    assertThat(tags.get("otel.status_code").getVStr()).isEqualTo("OK");
    assertThat(tags)
        .doesNotContainKeys("error", "span.kind", "otel.scope.name", "otel.status_description");
    assertThat(span.getParentSpanId()).isZero();
    assertThat(span.isSetReferences()).isFalse();
    assertThat(span.getFlags()).isZero();
  }

  @Test
  void spansOfTwoResourcesGoInTwoBatches() throws Exception {
    Resource other = Resource.create(Attributes.of(ProcessMapper.SERVICE_NAME, "billing"));
    try (UdpReceiver agent = new UdpReceiver(true)) {
      JaegerSpanExporter exporter =
          new JaegerSpanExporter(TestSpans.udp(JaegerExporterSettings.UDP_COMPACT, agent.port()));
      List<SpanData> spans =
          List.of(
              TestSpans.builder("a").build(),
              TestSpans.builder("b").setResource(other).build(),
              TestSpans.builder("c").build());
      assertThat(exporter.export(spans).isSuccess()).isTrue();
      agent.await(3, Duration.ofSeconds(5));
      Map<String, List<String>> operations =
          agent.packets.stream()
              .collect(
                  Collectors.toMap(
                      p -> p.batch().getProcess().getServiceName(),
                      p -> p.batch().getSpans().stream().map(Span::getOperationName).toList()));
      assertThat(operations)
          .containsOnly(entry("checkout", List.of("a", "c")), entry("billing", List.of("b")));
      assertThat(
              byKey(agent.packets.get(1).batch().getProcess().getTags())
                  .get("jaeger.version")
                  .getVStr())
          .startsWith("Java-zeromon");
      exporter.shutdown();
    }
  }

  private static SpanData fullSpan() {
    Attributes attributes =
        Attributes.builder()
            .put("http.route", "/orders/{id}")
            .put("http.response.status_code", 500L)
            .put("cache.hit", false)
            .put("ratio", 0.25)
            .put(AttributeKey.stringArrayKey("names"), List.of("a", "b \"q\""))
            .put(AttributeKey.longArrayKey("codes"), List.of(1L, 2L, 3L))
            .put(AttributeKey.booleanArrayKey("flags"), List.of(true, false))
            .put(AttributeKey.doubleArrayKey("weights"), List.of(1.5, Double.NaN))
            .build();
    long eventNanos = TestSpans.START_NANOS + 1_000_000;
    return TestSpans.builder("GET /orders/{id}")
        .setParentSpanContext(
            SpanContext.create(
                TestSpans.TRACE_ID,
                TestSpans.PARENT_ID,
                TraceFlags.getSampled(),
                TraceState.getDefault()))
        .setKind(SpanKind.SERVER)
        .setAttributes(attributes)
        .setTotalAttributeCount(attributes.size() + 2)
        .setStatus(StatusData.create(io.opentelemetry.api.trace.StatusCode.ERROR, "database down"))
        .setEvents(
            List.of(
                EventData.create(
                    eventNanos,
                    "exception",
                    Attributes.builder()
                        .put("exception.type", "java.sql.SQLException")
                        .put("retry", 3L)
                        .build()),
                EventData.create(eventNanos + 5_000, "retried", Attributes.empty())))
        .setTotalRecordedEvents(2)
        .setLinks(
            List.of(
                LinkData.create(
                    SpanContext.create(
                        LINKED_TRACE,
                        LINKED_SPAN,
                        TraceFlags.getSampled(),
                        TraceState.getDefault()))))
        .setTotalRecordedLinks(1)
        .setInstrumentationScopeInfo(
            InstrumentationScopeInfo.builder("io.zeromon.servlet").setVersion("0.1.0").build())
        .build();
  }

  private static Batch exportOne(SpanData data) throws Exception {
    try (UdpReceiver agent = new UdpReceiver(true)) {
      JaegerSpanExporter exporter =
          new JaegerSpanExporter(TestSpans.udp(JaegerExporterSettings.UDP_COMPACT, agent.port()));
      try {
        assertThat(
                exporter
                    .export(List.of(data))
                    .join(5, java.util.concurrent.TimeUnit.SECONDS)
                    .isSuccess())
            .isTrue();
        List<UdpReceiver.Packet> packets = agent.await(1, Duration.ofSeconds(5));
        assertThat(agent.errors).isEmpty();
        assertThat(packets).hasSize(1);
        assertThat(packets.get(0).message().name).isEqualTo("emitBatch");
        assertThat(exporter.spansSent()).isEqualTo(1);
        assertThat(exporter.packetsSent()).isEqualTo(1);
        return packets.get(0).batch();
      } finally {
        exporter.shutdown();
      }
    }
  }

  static Map<String, Tag> byKey(List<Tag> tags) {
    return tags.stream().collect(Collectors.toMap(Tag::getKey, Function.identity()));
  }
}
