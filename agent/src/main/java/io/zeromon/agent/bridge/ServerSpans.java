package io.zeromon.agent.bridge;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.List;
import java.util.Map;

/** SERVER spans of HTTP requests. */
final class ServerSpans {

  /** The server call of a context, so that nested handlers add no second span. */
  static final ContextKey<ServerCall> SERVER_CALL = ContextKey.named("zeromon-server-call");

  // keys made once: setAttribute(String, ...) makes a new AttributeKey on every call
  private static final AttributeKey<String> HTTP_REQUEST_METHOD = AttributeKey.stringKey("http.request.method");
  private static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");
  private static final AttributeKey<String> URL_SCHEME = AttributeKey.stringKey("url.scheme");
  private static final AttributeKey<String> HTTP_REQUEST_METHOD_ORIGINAL = AttributeKey.stringKey("http.request.method_original");
  private static final AttributeKey<String> URL_QUERY = AttributeKey.stringKey("url.query");
  private static final AttributeKey<String> HTTP_ROUTE = AttributeKey.stringKey("http.route");
  private static final AttributeKey<String> NETWORK_PROTOCOL_VERSION = AttributeKey.stringKey("network.protocol.version");
  private static final AttributeKey<String> CLIENT_ADDRESS = AttributeKey.stringKey("client.address");
  private static final AttributeKey<String> USER_AGENT_ORIGINAL = AttributeKey.stringKey("user_agent.original");
  private static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE = AttributeKey.longKey("http.response.status_code");
  private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final RequestListener listener;

  ServerSpans(Tracer tracer, TextMapPropagator propagator, RequestListener listener) {
    this.tracer = tracer;
    this.propagator = propagator;
    this.listener = listener;
  }

  Object start(
      Context current,
      String method,
      String scheme,
      String path,
      String query,
      String serverAddress,
      int serverPort,
      String protocol,
      String clientAddress,
      Map<String, List<String>> headers,
      String route) {
    long start = System.nanoTime();
    Context parent = propagator.extract(current, headers, HeaderMapGetter.INSTANCE);
    String normalized = HttpAttributes.method(method);
    SpanBuilder builder =
        tracer
            .spanBuilder(spanName(normalized, route))
            .setSpanKind(SpanKind.SERVER)
            .setParent(parent)
            .setAttribute(HTTP_REQUEST_METHOD, normalized)
            .setAttribute(URL_PATH, path)
            .setAttribute(URL_SCHEME, scheme);
    if (!normalized.equals(method)) {
      builder.setAttribute(HTTP_REQUEST_METHOD_ORIGINAL, method);
    }
    if (query != null) {
      builder.setAttribute(URL_QUERY, HttpAttributes.redactQuery(query));
    }
    if (route != null) {
      builder.setAttribute(HTTP_ROUTE, route);
    }
    ServerAddress.set(builder, serverAddress, serverPort);
    if (protocol != null) {
      builder.setAttribute(NETWORK_PROTOCOL_VERSION, HttpAttributes.protocolVersion(protocol));
    }
    if (clientAddress != null) {
      builder.setAttribute(CLIENT_ADDRESS, clientAddress);
    }
    String userAgent = HeaderMapGetter.INSTANCE.get(headers, "User-Agent");
    if (userAgent != null) {
      builder.setAttribute(USER_AGENT_ORIGINAL, userAgent);
    }
    Span span = builder.startSpan();
    ServerCall call = new ServerCall(span, normalized, route, start);
    call.entered(parent.with(span).with(SERVER_CALL, call).makeCurrent());
    return call;
  }

  private static String spanName(String method, String route) {
    String name = "_OTHER".equals(method) ? "HTTP" : method;
    return route == null ? name : name + " " + route;
  }

  void end(Object handle, int status, Throwable error) {
    ServerCall call = (ServerCall) handle;
    try {
      String errorType = null;
      if (status > 0) {
        call.span.setAttribute(HTTP_RESPONSE_STATUS_CODE, (long) status);
      }
      if (status >= 500) {
        errorType = Integer.toString(status);
      }
      if (error != null) {
        errorType = error.getClass().getName();
        call.span.recordException(error);
      }
      if (errorType != null) {
        call.span.setAttribute(ERROR_TYPE, errorType);
        call.span.setStatus(StatusCode.ERROR);
      }
      double seconds = (System.nanoTime() - call.startNanos) / 1e9;
      listener.onRequestEnd(true, call.method, call.route, status, errorType, seconds, call.span);
      call.span.end();
    } finally {
      call.leaveThread();
    }
  }

  /** Names the route of the current server span (frameworks know it after routing). */
  void setRoute(Context current, String route) {
    ServerCall call = current.get(SERVER_CALL);
    if (call == null || route.equals(call.route)) {
      return;
    }
    call.route = route;
    call.span.setAttribute(HTTP_ROUTE, route);
    call.span.updateName(spanName(call.method, route));
  }
}
