package io.zeromon.benchmarks.micro;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Realistic finished spans and a do-nothing exporter, shared by the microbenchmarks. */
public final class Spans {

  private Spans() {}

  /** An exporter that drops everything at once (the export path is measured elsewhere). */
  public static final class NoopExporter implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }

  public static Resource resource() {
    return Resource.getDefault().merge(Resource.create(Attributes.builder()
        .put("service.name", "bench")
        .put("telemetry.distro.name", "zeromon")
        .put("host.name", "bench-host")
        .put("process.pid", 4242L)
        .build()));
  }

  /** {@code count} SERVER spans as zeromon makes them for {@code GET /hello}. */
  public static List<SpanData> serverSpans(int count) {
    // with no span processor the SDK hands out a no-op tracer
    SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .setResource(resource())
            .addSpanProcessor(SimpleSpanProcessor.create(new NoopExporter()))
            .build();
    Tracer tracer = provider.get("io.zeromon", "0.1.0");
    List<SpanData> spans = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Span span =
          tracer
              .spanBuilder("GET /hello")
              .setSpanKind(SpanKind.SERVER)
              .setAttribute("http.request.method", "GET")
              .setAttribute("url.path", "/hello")
              .setAttribute("url.scheme", "http")
              .setAttribute("http.route", "/hello")
              .setAttribute("server.address", "127.0.0.1")
              .setAttribute("server.port", 8080L)
              .setAttribute("network.protocol.version", "1.1")
              .setAttribute("client.address", "127.0.0.1")
              .setAttribute("user_agent.original", "wrk")
              .startSpan();
      span.setAttribute("http.response.status_code", 200L);
      span.end();
      spans.add(((ReadableSpan) span).toSpanData());
    }
    provider.close();
    return spans;
  }
}
