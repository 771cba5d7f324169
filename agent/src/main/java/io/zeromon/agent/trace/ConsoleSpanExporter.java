package io.zeromon.agent.trace;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.PrintStream;
import java.util.Collection;
import java.util.Locale;

/**
 * {@code otel.traces.exporter=console} (or {@code logging}): one line per span on stderr, for
 * local debugging and the demo. Written directly rather than through java.util.logging so that it
 * shows regardless of the application's logging configuration.
 */
final class ConsoleSpanExporter implements SpanExporter {

  private final PrintStream out;

  ConsoleSpanExporter(PrintStream out) {
    this.out = out;
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    StringBuilder lines = new StringBuilder();
    for (SpanData span : spans) {
      double millis = (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1e6;
      lines
          .append("[zeromon] span ")
          .append(span.getKind())
          .append(" '")
          .append(span.getName())
          .append("' trace=")
          .append(span.getTraceId())
          .append(" span=")
          .append(span.getSpanId())
          .append(" parent=")
          .append(span.getParentSpanContext().isValid() ? span.getParentSpanId() : "-")
          .append(String.format(Locale.ROOT, " %.3fms ", millis))
          .append(span.getStatus().getStatusCode())
          .append(' ')
          .append(span.getAttributes().asMap())
          .append(System.lineSeparator());
    }
    out.print(lines);
    out.flush();
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
