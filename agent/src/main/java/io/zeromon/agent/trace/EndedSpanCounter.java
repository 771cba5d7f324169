package io.zeromon.agent.trace;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.concurrent.atomic.LongAdder;

/** Counts sampled spans as they end, the input side of the export pipeline. */
final class EndedSpanCounter implements SpanProcessor {

  private final LongAdder ended = new LongAdder();

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {}

  @Override
  public boolean isStartRequired() {
    return false;
  }

  @Override
  public void onEnd(ReadableSpan span) {
    if (span.getSpanContext().isSampled()) {
      ended.increment();
    }
  }

  @Override
  public boolean isEndRequired() {
    return true;
  }

  long count() {
    return ended.sum();
  }
}
