package io.zeromon.agent.bridge;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/** CLIENT spans of outbound HTTP calls, and the headers that carry their context. */
final class ClientSpans {

  /** Marks a context inside a client call, so that a client wrapping another adds no span. */
  static final ContextKey<ClientCall> CLIENT_CALL = ContextKey.named("zeromon-client-call");

  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final RequestListener listener;

  ClientSpans(Tracer tracer, TextMapPropagator propagator, RequestListener listener) {
    this.tracer = tracer;
    this.propagator = propagator;
    this.listener = listener;
  }

  Object start(Context current, String method, String url) {
    if (current.get(CLIENT_CALL) != null) {
      return null;
    }
    long start = System.nanoTime();
    URI uri = URI.create(url);
    String normalized = HttpAttributes.method(method);
    SpanBuilder builder =
        tracer
            .spanBuilder("_OTHER".equals(normalized) ? "HTTP" : normalized)
            .setSpanKind(SpanKind.CLIENT)
            .setParent(current)
            .setAttribute("http.request.method", normalized)
            .setAttribute("url.full", HttpAttributes.redactUrl(uri))
            .setAttribute("server.address", uri.getHost())
            .setAttribute("server.port", (long) HttpAttributes.port(uri));
    if (!normalized.equals(method)) {
      builder.setAttribute("http.request.method_original", method);
    }
    Span span = builder.startSpan();
    ClientCall call = new ClientCall(span, null, normalized, start);
    call.context = current.with(span).with(CLIENT_CALL, call);
    return call;
  }

  String[] headers(Object handle) {
    Context context = handle instanceof ClientCall ? ((ClientCall) handle).context : ((RpcCall) handle).context;
    List<String> headers = new ArrayList<>(4);
    propagator.inject(
        context,
        headers,
        (carrier, key, value) -> {
          carrier.add(key);
          carrier.add(value);
        });
    return headers.toArray(new String[0]);
  }

  void end(Object handle, int status, Throwable error) {
    ClientCall call = (ClientCall) handle;
    String errorType = null;
    if (status > 0) {
      call.span.setAttribute("http.response.status_code", (long) status);
      if (status >= 400) {
        errorType = Integer.toString(status);
      }
    }
    if (error != null && status <= 0) {
      errorType = error.getClass().getName();
      call.span.recordException(error);
    }
    if (errorType != null) {
      call.span.setAttribute("error.type", errorType);
      call.span.setStatus(StatusCode.ERROR);
    }
    double seconds = (System.nanoTime() - call.startNanos) / 1e9;
    listener.onRequestEnd(false, call.method, null, status, errorType, seconds, call.span);
    call.span.end();
  }

  void endWhenDone(Object handle, CompletionStage<?> response) {
    response.whenComplete(
        (result, error) ->
            end(
                handle,
                result instanceof HttpResponse ? ((HttpResponse<?>) result).statusCode() : -1,
                unwrap(error)));
  }

  private static Throwable unwrap(Throwable error) {
    if ((error instanceof CompletionException || error instanceof ExecutionException)
        && error.getCause() != null) {
      return error.getCause();
    }
    return error;
  }
}
