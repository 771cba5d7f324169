package io.zeromon.instrumentation.undertow;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.undertow.server.HttpServerExchange;
import io.zeromon.instrumentation.AdviceRegistry;
import io.zeromon.instrumentation.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code Connectors.executeRootHandler(handler, exchange)}: every protocol runs an exchange's
 * root handler through it, and every {@code exchange.dispatch(...)} runs the dispatched handler
 * through it again on the chosen thread. The first call starts the span, later ones make it
 * current; an exchange-completion listener ends it.
 */
public final class ConnectorsInstrumentation implements TypeInstrumentation {

  private static final String PACKAGE = "io.zeromon.instrumentation.undertow.";

  @Override
  public String[] markerClassNames() {
    return new String[] {
      "io.undertow.server.Connectors", "io.undertow.server.ExchangeCompletionListener"
    };
  }

  @Override
  public String[] helperClassNames() {
    // by name: the helpers link against Undertow, which the agent's own loader cannot see
    return new String[] {PACKAGE + "UndertowServerTracing", PACKAGE + "UndertowRequest"};
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("io.undertow.server.Connectors");
  }

  @Override
  public void transform(AdviceRegistry advice) {
    advice.applyAdvice(
        named("executeRootHandler").and(isStatic()).and(takesArguments(2)),
        getClass().getName() + "$ExecuteRootHandlerAdvice");
  }

  /** Starts the span (first call) or makes it current (a dispatch), and leaves it on exit. */
  public static final class ExecuteRootHandlerAdvice {
    private ExecuteRootHandlerAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(@Advice.Argument(1) HttpServerExchange exchange) {
      return UndertowServerTracing.enter(exchange);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter Object scope) {
      UndertowServerTracing.exit(scope);
    }
  }
}
