package io.zeromon.agent.bridge;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;

/** The handle of one outbound request between start and end. */
final class ClientCall {
  final Span span;
  final String method;
  final long startNanos;
  Context context;

  ClientCall(Span span, Context context, String method, long startNanos) {
    this.span = span;
    this.context = context;
    this.method = method;
    this.startNanos = startNanos;
  }
}
