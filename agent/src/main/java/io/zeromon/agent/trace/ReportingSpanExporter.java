package io.zeromon.agent.trace;

import io.zeromon.agent.AgentLog;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what an exporter delivers and reports failures at a bounded rate: the first failure at
 * once, then at most one line per interval, saying how many batches and spans failed since.
 */
final class ReportingSpanExporter implements SpanExporter {

  private final SpanExporter delegate;
  private final String destination;
  private final long intervalNanos;
  private final AtomicLong exportedSpans = new AtomicLong();
  private final AtomicLong failedSpans = new AtomicLong();
  private final AtomicLong failedBatchesSinceReport = new AtomicLong();
  private final AtomicLong failedSpansSinceReport = new AtomicLong();
  private volatile long nextReportNanos = Long.MIN_VALUE;

  ReportingSpanExporter(SpanExporter delegate, String destination, long intervalMillis) {
    this.delegate = delegate;
    this.destination = destination;
    this.intervalNanos = intervalMillis * 1_000_000L;
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    int count = spans.size();
    CompletableResultCode result;
    try {
      result = delegate.export(spans);
    } catch (RuntimeException e) {
      result = CompletableResultCode.ofExceptionalFailure(e);
    }
    CompletableResultCode done = result;
    result.whenComplete(
        () -> {
          if (done.isSuccess()) {
            exportedSpans.addAndGet(count);
          } else {
            failedSpans.addAndGet(count);
            failed(count, done.getFailureThrowable());
          }
        });
    return result;
  }

  private void failed(int spans, Throwable cause) {
    long batches = failedBatchesSinceReport.incrementAndGet();
    long lost = failedSpansSinceReport.addAndGet(spans);
    long now = System.nanoTime();
    long next = nextReportNanos;
    if (next != Long.MIN_VALUE && now - next < 0) {
      return;
    }
    synchronized (this) {
      if (nextReportNanos != next) {
        return; // another thread reported
      }
      nextReportNanos = now + intervalNanos;
      failedBatchesSinceReport.set(0);
      failedSpansSinceReport.set(0);
    }
    AgentLog.warn(
        "span export to "
            + destination
            + " failed ("
            + batches
            + " batch(es), "
            + lost
            + " span(s) since the last report): "
            + (cause == null ? "the exporter reported a failure" : cause.toString())
            + "; next report in "
            + intervalNanos / 1_000_000_000L
            + " s at the earliest");
  }

  long exportedSpans() {
    return exportedSpans.get();
  }

  long failedSpans() {
    return failedSpans.get();
  }

  @Override
  public CompletableResultCode flush() {
    return delegate.flush();
  }

  @Override
  public CompletableResultCode shutdown() {
    return delegate.shutdown();
  }
}
