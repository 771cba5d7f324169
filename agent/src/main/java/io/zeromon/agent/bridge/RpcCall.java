package io.zeromon.agent.bridge;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;

/** The handle of one RPC, server or client side, between start and end. */
final class RpcCall {
  final Span span;
  final boolean server;
  final String system;
  final String service;
  final String method;
  final long startNanos;
  Context context;

  RpcCall(Span span, boolean server, String system, String service, String method, long startNanos) {
    this.span = span;
    this.server = server;
    this.system = system;
    this.service = service;
    this.method = method;
    this.startNanos = startNanos;
  }
}
