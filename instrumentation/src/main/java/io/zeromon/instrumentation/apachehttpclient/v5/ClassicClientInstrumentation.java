package io.zeromon.instrumentation.apachehttpclient.v5;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.zeromon.bootstrap.Bridge;
import io.zeromon.bootstrap.CallDepth;
import io.zeromon.instrumentation.AdviceRegistry;
import io.zeromon.instrumentation.TypeInstrumentation;
import java.net.URISyntaxException;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpHost;

/**
 * HttpClient 5.x classic: {@code doExecute(HttpHost, ClassicHttpRequest, HttpContext)}, which every
 * {@code execute}/{@code executeOpen} of {@code CloseableHttpClient} ends in. Advice rather than an
 * exec-chain handler, so that minimal clients and clients built before a runtime attach are traced
 * too. One span per call, redirects and retries included; the headers are set on the request, which
 * the client copies for its exec chain right after.
 */
public final class ClassicClientInstrumentation implements TypeInstrumentation {

  @Override
  public String[] markerClassNames() {
    // 5.0+
    return new String[] {"org.apache.hc.client5.http.impl.classic.CloseableHttpClient"};
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    // not ClassicToAsyncAdaptor (5.4+): it runs an async client, which makes the span itself
    return namedOneOf(
        "org.apache.hc.client5.http.impl.classic.InternalHttpClient",
        "org.apache.hc.client5.http.impl.classic.MinimalHttpClient");
  }

  @Override
  public void transform(AdviceRegistry advice) {
    advice.applyAdvice(
        named("doExecute")
            .and(takesArguments(3))
            .and(takesArgument(0, named("org.apache.hc.core5.http.HttpHost")))
            .and(takesArgument(1, named("org.apache.hc.core5.http.ClassicHttpRequest"))),
        getClass().getName() + "$DoExecuteAdvice");
  }

  /** Starts the span and sets the propagation headers; ends it with the response. */
  public static final class DoExecuteAdvice {
    private DoExecuteAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(
        @Advice.Argument(0) HttpHost target, @Advice.Argument(1) ClassicHttpRequest request)
        throws URISyntaxException {
      if (CallDepth.enter(CallDepth.APACHE_HTTP_CLIENT) != 0) {
        return null;
      }
      String url;
      if (request.getAuthority() != null || target == null) {
        url = request.getUri().toString();
      } else {
        url = target.toURI().concat(request.getRequestUri());
      }
      Object handle = Bridge.startClient(request.getMethod(), url);
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
        Bridge.endClient(handle, response == null ? -1 : response.getCode(), error);
      }
    }
  }
}
