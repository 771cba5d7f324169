package io.zeromon.instrumentation.apachehttpclient.v4;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
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
import org.apache.http.RequestLine;
import org.apache.http.client.methods.CloseableHttpResponse;

/**
 * HttpClient 4.x classic: {@code doExecute(HttpHost, HttpRequest, HttpContext)}, which every {@code
 * execute} overload of {@code CloseableHttpClient} ends in. One span per call, redirects and
 * retries included; the request object is mutable, so the headers are set on it directly.
 */
public final class ClassicClientInstrumentation implements TypeInstrumentation {

  @Override
  public String[] markerClassNames() {
    // CloseableHttpClient and doExecute: 4.3+
    return new String[] {"org.apache.http.impl.client.CloseableHttpClient"};
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    // the implementations of the abstract doExecute (AbstractHttpClient: the deprecated
    // DefaultHttpClient family)
    return namedOneOf(
        "org.apache.http.impl.client.InternalHttpClient",
        "org.apache.http.impl.client.MinimalHttpClient",
        "org.apache.http.impl.client.AbstractHttpClient");
  }

  @Override
  public void transform(AdviceRegistry advice) {
    advice.applyAdvice(
        named("doExecute")
            .and(takesArguments(3))
            .and(takesArgument(0, named("org.apache.http.HttpHost")))
            .and(takesArgument(1, named("org.apache.http.HttpRequest"))),
        getClass().getName() + "$DoExecuteAdvice");
  }

  /** Starts the span and sets the propagation headers; ends it with the response. */
  public static final class DoExecuteAdvice {
    private DoExecuteAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(
        @Advice.Argument(0) HttpHost target, @Advice.Argument(1) HttpRequest request) {
      if (CallDepth.enter(CallDepth.APACHE_HTTP_CLIENT) != 0) {
        return null;
      }
      RequestLine line = request.getRequestLine();
      String url = line.getUri();
      // a request URI is absolute or starts with '/': the latter is relative to the target
      if (target != null && (url.isEmpty() || url.charAt(0) == '/')) {
        url = target.toURI().concat(url.isEmpty() ? "/" : url);
      }
      Object handle = Bridge.startClient(line.getMethod(), url);
      String[] headers = Bridge.clientHeaders(handle);
      for (int i = 0; i + 1 < headers.length; i += 2) {
        request.setHeader(headers[i], headers[i + 1]);
      }
      return handle;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(
        @Advice.Enter Object handle,
        @Advice.Return CloseableHttpResponse response,
        @Advice.Thrown Throwable error) {
      CallDepth.exit(CallDepth.APACHE_HTTP_CLIENT);
      if (handle != null) {
        int status =
            response == null || response.getStatusLine() == null
                ? -1
                : response.getStatusLine().getStatusCode();
        Bridge.endClient(handle, status, error);
      }
    }
  }
}
