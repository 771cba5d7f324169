package io.zeromon.instrumentation.httpurlconnection;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.zeromon.bootstrap.Bridge;
import io.zeromon.bootstrap.CallDepth;
import io.zeromon.instrumentation.AdviceRegistry;
import io.zeromon.instrumentation.TypeInstrumentation;
import java.net.HttpURLConnection;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The JDK's HTTP connection. The span starts at the first of {@code connect}, {@code
 * getOutputStream} or {@code getInputStream} on an unconnected connection (the last moment the
 * propagation headers can still be set) and ends when {@code getInputStream} returns or throws,
 * which {@code getResponseCode} and the header getters also go through. The span is kept with the
 * connection object in between; the https implementation delegates to this same class.
 */
public final class HttpUrlConnectionInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("sun.net.www.protocol.http.HttpURLConnection");
  }

  @Override
  public void transform(AdviceRegistry advice) {
    advice.applyAdvice(
        namedOneOf("connect", "getOutputStream", "getInputStream")
            .and(isPublic())
            .and(takesArguments(0)),
        getClass().getName() + "$ConnectionAdvice");
  }

  /**
   * Starts the span and injects the headers on the first call; ends it when {@code getInputStream}
   * completes, or when connecting failed.
   */
  public static final class ConnectionAdvice {
    private ConnectionAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static int enter(
        @Advice.This HttpURLConnection connection,
        @Advice.FieldValue("connected") boolean connected) {
      int depth = CallDepth.enter(CallDepth.HTTP_URL_CONNECTION);
      if (depth == 0 && !connected && !Bridge.isAttached(connection)) {
        Object handle =
            Bridge.startClient(connection.getRequestMethod(), connection.getURL().toString());
        if (handle != null) {
          String[] headers = Bridge.clientHeaders(handle);
          for (int i = 0; i + 1 < headers.length; i += 2) {
            connection.setRequestProperty(headers[i], headers[i + 1]);
          }
          Bridge.attach(connection, handle);
        }
      }
      return depth;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(
        @Advice.This HttpURLConnection connection,
        @Advice.Origin("#m") String method,
        @Advice.FieldValue("responseCode") int status,
        @Advice.Thrown Throwable error) {
      if (CallDepth.exit(CallDepth.HTTP_URL_CONNECTION) != 0) {
        return;
      }
      if (error != null || "getInputStream".equals(method)) {
        Bridge.endClient(Bridge.detach(connection), status, error);
      }
    }
  }
}
