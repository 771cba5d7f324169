package io.zeromon.agent.bridge;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.List;
import java.util.Map;

/**
 * RPC spans named {@code service/method}, with the widely used attributes ({@code rpc.system},
 * {@code rpc.service}, {@code rpc.method}, {@code rpc.grpc.status_code}) and the newer {@code
 * rpc.system.name}/{@code rpc.response.status_code} beside them.
 */
final class RpcSpans {

  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final RequestListener listener;

  RpcSpans(Tracer tracer, TextMapPropagator propagator, RequestListener listener) {
    this.tracer = tracer;
    this.propagator = propagator;
    this.listener = listener;
  }

  Object startServer(
      Context current,
      String system,
      String service,
      String method,
      String clientAddress,
      Map<String, List<String>> metadata) {
    long start = System.nanoTime();
    Context parent = propagator.extract(current, metadata, HeaderMapGetter.INSTANCE);
    Span span =
        tracer
            .spanBuilder(service + "/" + method)
            .setSpanKind(SpanKind.SERVER)
            .setParent(parent)
            .setAttribute("rpc.system", system)
            .setAttribute("rpc.system.name", system)
            .setAttribute("rpc.service", service)
            .setAttribute("rpc.method", method)
            .startSpan();
    if (clientAddress != null) {
      span.setAttribute("client.address", clientAddress);
    }
    RpcCall call = new RpcCall(span, true, system, service, method, start);
    call.context = parent.with(span).with(ServerSpans.SERVER_CALL, placeholder(span, start));
    return call;
  }

  /** Marks the context as inside a server call, so that an HTTP server span is not nested. */
  private static ServerCall placeholder(Span span, long start) {
    return new ServerCall(span, "", null, start);
  }

  Object startClient(
      Context current, String system, String service, String method, String address, int port) {
    long start = System.nanoTime();
    Span span =
        tracer
            .spanBuilder(service + "/" + method)
            .setSpanKind(SpanKind.CLIENT)
            .setParent(current)
            .setAttribute("rpc.system", system)
            .setAttribute("rpc.system.name", system)
            .setAttribute("rpc.service", service)
            .setAttribute("rpc.method", method)
            .startSpan();
    if (address != null) {
      span.setAttribute("server.address", address);
    }
    if (port > 0) {
      span.setAttribute("server.port", (long) port);
    }
    RpcCall call = new RpcCall(span, false, system, service, method, start);
    call.context = current.with(span);
    return call;
  }

  void end(Object handle, int code, Throwable error) {
    RpcCall call = (RpcCall) handle;
    if ("grpc".equals(call.system)) {
      call.span.setAttribute("rpc.grpc.status_code", (long) code);
    }
    call.span.setAttribute("rpc.response.status_code", Integer.toString(code));
    String errorType = null;
    if (RpcStatus.isError(call.server, code)) {
      errorType = Integer.toString(code);
    }
    if (error != null) {
      errorType = error.getClass().getName();
      call.span.recordException(error);
    }
    if (errorType != null) {
      call.span.setAttribute("error.type", errorType);
      call.span.setStatus(StatusCode.ERROR);
    }
    double seconds = (System.nanoTime() - call.startNanos) / 1e9;
    listener.onRpcEnd(call.server, call.system, call.service, call.method, code, seconds, call.span);
    call.span.end();
  }
}
