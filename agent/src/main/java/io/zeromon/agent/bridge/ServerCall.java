package io.zeromon.agent.bridge;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;

/** The handle of one server request between start and end. */
final class ServerCall {
  final Span span;
  final String method;
  final long startNanos;
  private Scope scope;
  volatile String route;

  ServerCall(Span span, String method, String route, long startNanos) {
    this.span = span;
    this.method = method;
    this.route = route;
    this.startNanos = startNanos;
  }

  void entered(Scope scope) {
    this.scope = scope;
  }

  /** Closes the scope once, on the thread that opened it; ending the span may come later. */
  synchronized void leaveThread() {
    if (scope != null) {
      scope.close();
      scope = null;
    }
  }
}
