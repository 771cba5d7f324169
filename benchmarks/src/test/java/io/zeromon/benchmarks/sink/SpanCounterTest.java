package io.zeromon.benchmarks.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import org.junit.jupiter.api.Test;

class SpanCounterTest {

  @Test
  void countsSpansServerSpansAndHelloSpansAcrossResourcesAndScopes() {
    ExportTraceServiceRequest request =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(
                ResourceSpans.newBuilder()
                    .setResource(Resource.newBuilder().addAttributes(attribute("service.name", "a")))
                    .addScopeSpans(
                        ScopeSpans.newBuilder()
                            .setScope(InstrumentationScope.newBuilder().setName("io.zeromon"))
                            .addSpans(span(Span.SpanKind.SPAN_KIND_SERVER, "/hello"))
                            .addSpans(span(Span.SpanKind.SPAN_KIND_SERVER, "/stats"))
                            .addSpans(span(Span.SpanKind.SPAN_KIND_CLIENT, "/hello")))
                    .setSchemaUrl("https://opentelemetry.io/schemas/1.24.0"))
            .addResourceSpans(
                ResourceSpans.newBuilder()
                    .addScopeSpans(
                        ScopeSpans.newBuilder()
                            .addSpans(span(Span.SpanKind.SPAN_KIND_SERVER, "/hello"))))
            .build();

    SpanCounter.Counts counts = SpanCounter.count(request.toByteArray());

    assertThat(counts.spans).isEqualTo(4);
    assertThat(counts.serverSpans).isEqualTo(3);
    assertThat(counts.helloSpans).isEqualTo(2);
  }

  @Test
  void anEmptyRequestHasNoSpans() {
    assertThat(SpanCounter.count(new byte[0]).spans).isZero();
  }

  private static Span span(Span.SpanKind kind, String path) {
    return Span.newBuilder()
        .setTraceId(ByteString.copyFrom(new byte[16]))
        .setSpanId(ByteString.copyFrom(new byte[8]))
        .setName("GET " + path)
        .setKind(kind)
        .setStartTimeUnixNano(1_700_000_000_000_000_000L)
        .setEndTimeUnixNano(1_700_000_000_000_100_000L)
        .addAttributes(attribute("http.request.method", "GET"))
        .addAttributes(attribute("url.path", path))
        .addAttributes(
            KeyValue.newBuilder()
                .setKey("http.response.status_code")
                .setValue(AnyValue.newBuilder().setIntValue(200)))
        .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_UNSET))
        .setFlags(0x101)
        .build();
  }

  private static KeyValue attribute(String key, String value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setStringValue(value))
        .build();
  }
}
