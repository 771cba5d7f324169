package io.zeromon.agent.bridge;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;

/** The handle of one server request between start and end. */
final class ServerCall {
  final Span span;
  final Scope scope;
  final String method;
  final String route;
  final long startNanos;

  ServerCall(Span span, Scope scope, String method, String route, long startNanos) {
    this.span = span;
    this.scope = scope;
    this.method = method;
    this.route = route;
    this.startNanos = startNanos;
  }
}
