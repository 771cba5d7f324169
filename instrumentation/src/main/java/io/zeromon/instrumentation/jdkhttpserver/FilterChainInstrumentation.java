package io.zeromon.instrumentation.jdkhttpserver;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import io.zeromon.bootstrap.Bridge;
import io.zeromon.bootstrap.CallDepth;
import io.zeromon.instrumentation.AdviceRegistry;
import io.zeromon.instrumentation.TypeInstrumentation;
import java.net.InetSocketAddress;
import java.net.URI;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Wraps {@code Filter.Chain.doFilter}: every exchange of every context passes through it, first
 * in the server's own filter chain, then in the context's. The outermost call starts the span (the
 * bridge refuses a second SERVER span while one is current), so each exchange gets exactly one.
 */
public final class FilterChainInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("com.sun.net.httpserver.Filter$Chain");
  }

  @Override
  public void transform(AdviceRegistry advice) {
    advice.applyAdvice(
        named("doFilter").and(takesArguments(1)), getClass().getName() + "$DoFilterAdvice");
  }

  /** Starts and ends the SERVER span around the exchange. */
  public static final class DoFilterAdvice {
    private DoFilterAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(@Advice.Argument(0) HttpExchange exchange) {
      // the chain calls itself once per filter and again for the context's chain: only the
      // outermost call reads the exchange
      if (CallDepth.enter(CallDepth.JDK_HTTP_SERVER) != 0) {
        return null;
      }
      URI uri = exchange.getRequestURI();
      InetSocketAddress local = exchange.getLocalAddress();
      InetSocketAddress remote = exchange.getRemoteAddress();
      String path = uri.getRawPath();
      String context = exchange.getHttpContext().getPath();
      String route = context;
      if (!context.equals(path)) {
        // concat, not +: string concatenation compiles to invokedynamic, kept out of advice
        route = context.concat(context.endsWith("/") ? "*" : "/*");
      }
      return Bridge.startServer(
          exchange.getRequestMethod(),
          exchange instanceof HttpsExchange ? "https" : "http",
          path,
          uri.getRawQuery(),
          exchange.getRequestHeaders().getFirst("Host"),
          local == null ? -1 : local.getPort(),
          exchange.getProtocol(),
          remote == null || remote.getAddress() == null
              ? null
              : remote.getAddress().getHostAddress(),
          exchange.getRequestHeaders(),
          route);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(
        @Advice.Enter Object handle,
        @Advice.Argument(0) HttpExchange exchange,
        @Advice.Thrown Throwable error) {
      CallDepth.exit(CallDepth.JDK_HTTP_SERVER);
      if (handle != null) {
        Bridge.endServer(handle, exchange.getResponseCode(), error);
      }
    }
  }
}
