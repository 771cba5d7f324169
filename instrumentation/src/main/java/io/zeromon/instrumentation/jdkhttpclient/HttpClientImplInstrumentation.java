package io.zeromon.instrumentation.jdkhttpclient;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.zeromon.bootstrap.Bridge;
import io.zeromon.bootstrap.CallDepth;
import io.zeromon.instrumentation.AdviceRegistry;
import io.zeromon.instrumentation.TypeInstrumentation;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The JDK client's implementation class: {@code send} (which goes on through a private {@code
 * sendAsync}) and the public three-argument {@code sendAsync} (which the two-argument one calls).
 * Requests are immutable, so the advice replaces the request argument by a copy that carries the
 * propagation headers.
 */
public final class HttpClientImplInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("jdk.internal.net.http.HttpClientImpl");
  }

  @Override
  public void transform(AdviceRegistry advice) {
    String prefix = getClass().getName();
    advice.applyAdvice(
        named("send").and(isPublic()).and(takesArguments(2)),
        prefix + "$StartAdvice",
        prefix + "$SendExitAdvice");
    advice.applyAdvice(
        named("sendAsync").and(isPublic()).and(takesArguments(3)),
        prefix + "$StartAdvice",
        prefix + "$SendAsyncExitAdvice");
  }

  /** Starts the span and swaps the request for a copy carrying the propagation headers. */
  public static final class StartAdvice {
    private StartAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(
        @Advice.Argument(value = 0, readOnly = false) HttpRequest request) {
      if (CallDepth.enter(CallDepth.JDK_HTTP_CLIENT) != 0) {
        return null;
      }
      Object handle = Bridge.startClient(request.method(), request.uri().toString());
      String[] extra = Bridge.clientHeaders(handle);
      if (extra.length > 0) {
        // Java 11 API only (newBuilder(request, filter) is JDK 16+): copy the request by hand.
        HttpRequest.Builder copy =
            HttpRequest.newBuilder(request.uri())
                .method(
                    request.method(),
                    request.bodyPublisher().isPresent()
                        ? request.bodyPublisher().get()
                        : HttpRequest.BodyPublishers.noBody())
                .expectContinue(request.expectContinue());
        if (request.timeout().isPresent()) {
          copy.timeout(request.timeout().get());
        }
        if (request.version().isPresent()) {
          copy.version(request.version().get());
        }
        for (Map.Entry<String, List<String>> header : request.headers().map().entrySet()) {
          for (String value : header.getValue()) {
            copy.header(header.getKey(), value);
          }
        }
        for (int i = 0; i + 1 < extra.length; i += 2) {
          copy.setHeader(extra[i], extra[i + 1]);
        }
        request = copy.build();
      }
      return handle;
    }
  }

  /** Synchronous send: the span ends when the response (or the failure) is returned. */
  public static final class SendExitAdvice {
    private SendExitAdvice() {}

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(
        @Advice.Enter Object handle,
        @Advice.Return HttpResponse<?> response,
        @Advice.Thrown Throwable error) {
      CallDepth.exit(CallDepth.JDK_HTTP_CLIENT);
      if (handle != null) {
        Bridge.endClient(handle, response == null ? -1 : response.statusCode(), error);
      }
    }
  }

  /** Asynchronous send: the span ends when the returned future completes. */
  public static final class SendAsyncExitAdvice {
    private SendAsyncExitAdvice() {}

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(
        @Advice.Enter Object handle,
        @Advice.Return CompletableFuture<?> response,
        @Advice.Thrown Throwable error) {
      CallDepth.exit(CallDepth.JDK_HTTP_CLIENT);
      if (handle == null) {
        return;
      }
      if (error != null || response == null) {
        Bridge.endClient(handle, -1, error);
      } else {
        Bridge.endClientWhenDone(handle, response);
      }
    }
  }
}
