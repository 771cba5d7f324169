package io.zeromon.agent.metrics;

import io.opentelemetry.api.trace.Span;
import io.zeromon.agent.bridge.RequestListener;

/** Tells two listeners of every finished request. */
final class BothListeners implements RequestListener {

  private final RequestListener first;
  private final RequestListener second;

  BothListeners(RequestListener first, RequestListener second) {
    this.first = first;
    this.second = second;
  }

  @Override
  public void onRequestEnd(
      boolean server, String method, String route, int status, String errorType, double seconds, Span span) {
    first.onRequestEnd(server, method, route, status, errorType, seconds, span);
    second.onRequestEnd(server, method, route, status, errorType, seconds, span);
  }

  @Override
  public void onRpcEnd(
      boolean server, String system, String service, String method, int code, double seconds, Span span) {
    first.onRpcEnd(server, system, service, method, code, seconds, span);
    second.onRpcEnd(server, system, service, method, code, seconds, span);
  }
}
