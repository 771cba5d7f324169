package io.zeromon.agent.bridge;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.api.impl.InstrumentationUtil;
import io.zeromon.bootstrap.BridgeImpl;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/** The agent's side of the bridge: spans from what the advice read, on the OTel SDK. */
public final class TracingBridge implements BridgeImpl {

  /** Marks a context that already has a SERVER span, so that nested handlers add none. */
  private static final ContextKey<Span> SERVER_SPAN = ContextKey.named("zeromon-server-span");

  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final ClassLoader agentLoader;
  private final RequestListener listener;
  private final AttachedHandles attached = new AttachedHandles();

  public TracingBridge(
      Tracer tracer, TextMapPropagator propagator, ClassLoader agentLoader, RequestListener listener) {
    this.tracer = tracer;
    this.propagator = propagator;
    this.agentLoader = agentLoader;
    this.listener = listener;
  }

  /**
   * The agent's own threads (exporters, metrics endpoint) inherit the agent's class loader as
   * their context loader, and exporters mark their calls as suppressed: neither makes spans.
   */
  private boolean ignored(Context current) {
    return Thread.currentThread().getContextClassLoader() == agentLoader
        || InstrumentationUtil.shouldSuppressInstrumentation(current);
  }

  @Override
  public Object startServer(
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
    Context current = Context.current();
    if (current.get(SERVER_SPAN) != null || ignored(current)) {
      return null;
    }
    long start = System.nanoTime();
    Context parent = propagator.extract(current, headers, HeaderMapGetter.INSTANCE);
    String normalized = HttpAttributes.method(method);
    String name = "_OTHER".equals(normalized) ? "HTTP" : normalized;
    SpanBuilder builder =
        tracer
            .spanBuilder(route == null ? name : name + " " + route)
            .setSpanKind(SpanKind.SERVER)
            .setParent(parent)
            .setAttribute("http.request.method", normalized)
            .setAttribute("url.path", path)
            .setAttribute("url.scheme", scheme);
    if (!normalized.equals(method)) {
      builder.setAttribute("http.request.method_original", method);
    }
    if (query != null) {
      builder.setAttribute("url.query", HttpAttributes.redactQuery(query));
    }
    if (route != null) {
      builder.setAttribute("http.route", route);
    }
    ServerAddress.set(builder, serverAddress, serverPort);
    if (protocol != null) {
      builder.setAttribute("network.protocol.version", HttpAttributes.protocolVersion(protocol));
    }
    if (clientAddress != null) {
      builder.setAttribute("client.address", clientAddress);
    }
    String userAgent = HeaderMapGetter.INSTANCE.get(headers, "User-Agent");
    if (userAgent != null) {
      builder.setAttribute("user_agent.original", userAgent);
    }
    Span span = builder.startSpan();
    return new ServerCall(
        span, parent.with(span).with(SERVER_SPAN, span).makeCurrent(), normalized, route, start);
  }

  @Override
  public void endServer(Object handle, int status, Throwable error) {
    ServerCall call = (ServerCall) handle;
    try {
      String errorType = null;
      if (status > 0) {
        call.span.setAttribute("http.response.status_code", (long) status);
      }
      if (status >= 500) {
        errorType = Integer.toString(status);
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
      listener.onRequestEnd(true, call.method, call.route, status, errorType, seconds, call.span);
      call.span.end();
    } finally {
      call.scope.close();
    }
  }

  @Override
  public Object startClient(String method, String url) {
    Context current = Context.current();
    if (ignored(current)) {
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
    return new ClientCall(span, current.with(span), normalized, start);
  }

  @Override
  public String[] clientHeaders(Object handle) {
    List<String> headers = new ArrayList<>(4);
    propagator.inject(
        ((ClientCall) handle).context,
        headers,
        (carrier, key, value) -> {
          carrier.add(key);
          carrier.add(value);
        });
    return headers.toArray(new String[0]);
  }

  @Override
  public void endClient(Object handle, int status, Throwable error) {
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

  @Override
  public void endClientWhenDone(Object handle, CompletionStage<?> response) {
    response.whenComplete(
        (result, error) ->
            endClient(
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

  @Override
  public void attach(Object owner, Object handle) {
    attached.put(owner, handle);
  }

  @Override
  public Object detach(Object owner) {
    return attached.remove(owner);
  }

  @Override
  public boolean isAttached(Object owner) {
    return attached.contains(owner);
  }
}
