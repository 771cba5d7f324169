package io.zeromon.instrumentation.apachehttpclient.v4;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.zeromon.bootstrap.Bridge;
import io.zeromon.bootstrap.CallDepth;
import io.zeromon.instrumentation.AdviceRegistry;
import io.zeromon.instrumentation.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;
import org.apache.http.RequestLine;
import org.apache.http.concurrent.FutureCallback;

/**
 * httpasyncclient 4.x: {@code CloseableHttpAsyncClient.execute(HttpHost, HttpRequest, HttpContext,
 * FutureCallback)}, which the request-based overloads end in. The headers go on the (mutable)
 * request; the callback is replaced by a {@link TracingFutureCallback} that ends the span when the
 * response, the failure or the cancellation arrives on the I/O thread. Calls made with a
 * caller-supplied request producer and response consumer are not traced.
 */
public final class AsyncClientInstrumentation implements TypeInstrumentation {

  @Override
  public String[] markerClassNames() {
    // httpasyncclient 4.0+
    return new String[] {"org.apache.http.impl.nio.client.CloseableHttpAsyncClient"};
  }

  @Override
  public String[] helperClassNames() {
    // names, not class literals: the agent must never load a class that links to the library
    return new String[] {"io.zeromon.instrumentation.apachehttpclient.v4.TracingFutureCallback"};
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("org.apache.http.impl.nio.client.CloseableHttpAsyncClient");
  }

  @Override
  public void transform(AdviceRegistry advice) {
    advice.applyAdvice(
        named("execute")
            .and(takesArguments(4))
            .and(takesArgument(0, named("org.apache.http.HttpHost")))
            .and(takesArgument(1, named("org.apache.http.HttpRequest")))
            .and(takesArgument(3, named("org.apache.http.concurrent.FutureCallback"))),
        getClass().getName() + "$ExecuteAdvice");
  }

  /** Starts the span, sets the headers and wraps the callback; ends the span if execute throws. */
  public static final class ExecuteAdvice {
    private ExecuteAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static TracingFutureCallback enter(
        @Advice.Argument(0) HttpHost target,
        @Advice.Argument(1) HttpRequest request,
        @Advice.Argument(value = 3, readOnly = false) FutureCallback<HttpResponse> callback) {
      if (CallDepth.enter(CallDepth.APACHE_HTTP_CLIENT) != 0) {
        return null;
      }
      RequestLine line = request.getRequestLine();
      String url = line.getUri();
      if (target != null && (url.isEmpty() || url.charAt(0) == '/')) {
        url = target.toURI().concat(url.isEmpty() ? "/" : url);
      }
      Object handle = Bridge.startClient(line.getMethod(), url);
      if (handle == null) {
        return null;
      }
      String[] headers = Bridge.clientHeaders(handle);
      for (int i = 0; i + 1 < headers.length; i += 2) {
        request.setHeader(headers[i], headers[i + 1]);
      }
      TracingFutureCallback traced = new TracingFutureCallback(handle, callback);
      callback = traced;
      return traced;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(
        @Advice.Enter TracingFutureCallback traced, @Advice.Thrown Throwable error) {
      CallDepth.exit(CallDepth.APACHE_HTTP_CLIENT);
      if (traced != null && error != null) {
        // e.g. a client not started: the callback is never called
        traced.end(-1, error);
      }
    }
  }
}
