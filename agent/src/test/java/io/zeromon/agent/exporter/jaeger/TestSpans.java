package io.zeromon.agent.exporter.jaeger;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.List;

/** Spans and settings shared by the tests. */
final class TestSpans {

  // high bits set in both halves' first byte where it matters: Jaeger's ids are signed longs
  static final String TRACE_ID = "f0e1d2c3b4a5968778695a4b3c2d1e0f";
  static final String SPAN_ID = "8a7b6c5d4e3f2a1b";
  static final String PARENT_ID = "0102030405060708";
  static final long START_NANOS = 1_700_000_000_123_456_789L;

  static final Resource RESOURCE =
      Resource.create(
          Attributes.builder()
              .put("service.name", "checkout")
              .put("host.name", "app-01")
              .put("telemetry.distro.version", "1.2.3")
              .put("process.pid", 4242L)
              .build());

  private TestSpans() {}

  static TestSpanData.Builder builder(String name) {
    return TestSpanData.builder()
        .setSpanContext(
            SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault()))
        .setParentSpanContext(SpanContext.getInvalid())
        .setName(name)
        .setKind(SpanKind.INTERNAL)
        .setStartEpochNanos(START_NANOS)
        .setEndEpochNanos(START_NANOS + 1_500_000)
        .setAttributes(Attributes.empty())
        .setEvents(List.of())
        .setLinks(List.of())
        .setStatus(StatusData.unset())
        .setHasEnded(true)
        .setTotalRecordedEvents(0)
        .setTotalRecordedLinks(0)
        .setTotalAttributeCount(0)
        .setResource(RESOURCE)
        .setInstrumentationScopeInfo(InstrumentationScopeInfo.create("io.zeromon"));
  }

  /** A span with one string attribute of {@code bytes} characters, and a span id from {@code n}. */
  static SpanData large(int n, int bytes) {
    String id = String.format("%016x", n + 1L);
    return builder("large-" + n)
        .setSpanContext(
            SpanContext.create(TRACE_ID, id, TraceFlags.getSampled(), TraceState.getDefault()))
        .setAttributes(Attributes.of(AttributeKey.stringKey("payload"), "x".repeat(bytes)))
        .setTotalAttributeCount(1)
        .build();
  }

  static JaegerExporterSettings udp(String protocol, int port) {
    return new JaegerExporterSettings(protocol, "127.0.0.1", port, null, 10_000, null, null);
  }

  static JaegerExporterSettings http(String endpoint, String user, String password) {
    return new JaegerExporterSettings(
        JaegerExporterSettings.HTTP_BINARY, "localhost", 6831, endpoint, 10_000, user, password);
  }
}
