package io.zeromon.agent.trace;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * Builds its exporter on the first export, on the batch processor's thread: an OTLP exporter
 * loads its HTTP client (OkHttp and Kotlin's runtime, some hundreds of classes), which need not
 * delay the application's start.
 */
final class LazySpanExporter implements SpanExporter {

  private final Supplier<SpanExporter> factory;
  private volatile SpanExporter delegate;

  LazySpanExporter(Supplier<SpanExporter> factory) {
    this.factory = factory;
  }

  private SpanExporter delegate() {
    SpanExporter exporter = delegate;
    if (exporter == null) {
      synchronized (this) {
        exporter = delegate;
        if (exporter == null) {
          exporter = factory.get();
          delegate = exporter;
        }
      }
    }
    return exporter;
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    return delegate().export(spans);
  }

  @Override
  public CompletableResultCode flush() {
    SpanExporter exporter = delegate;
    return exporter == null ? CompletableResultCode.ofSuccess() : exporter.flush();
  }

  @Override
  public CompletableResultCode shutdown() {
    SpanExporter exporter = delegate;
    return exporter == null ? CompletableResultCode.ofSuccess() : exporter.shutdown();
  }
}
