package io.zeromon.instrumentation.apachehttpclient.v5;

import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.zeromon.bootstrap.Bridge;
import io.zeromon.instrumentation.AdviceRegistry;
import io.zeromon.instrumentation.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import org.apache.hc.client5.http.impl.async.H2AsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;

/**
 * HttpClient 5.x async: when {@code HttpAsyncClientBuilder} or {@code H2AsyncClientBuilder} builds
 * a client, a {@link TracingExecHandler} goes first into its exec chain. The async client only
 * creates the request inside {@code doExecute} (from a request producer), and the exec chain is
 * where the library hands it, mutable, to extensions; the handler then sees the outcome through the
 * chain's callback. Minimal async clients (no exec chain) are not traced.
 */
public final class AsyncClientBuilderInstrumentation implements TypeInstrumentation {

  @Override
  public String[] markerClassNames() {
    // exec-chain handlers: 5.0+
    return new String[] {"org.apache.hc.client5.http.async.AsyncExecChainHandler"};
  }

  @Override
  public String[] helperClassNames() {
    // names, not class literals: the agent must never load a class that links to the library
    return new String[] {
      "io.zeromon.instrumentation.apachehttpclient.v5.TracingExecHandler",
      "io.zeromon.instrumentation.apachehttpclient.v5.TracingExecHandler$TracingCallback"
    };
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return namedOneOf(
        "org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder",
        "org.apache.hc.client5.http.impl.async.H2AsyncClientBuilder");
  }

  @Override
  public void transform(AdviceRegistry advice) {
    String prefix = getClass().getName();
    advice.applyAdvice(
        named("build")
            .and(takesArguments(0))
            .and(
                isDeclaredBy(
                    named("org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder"))),
        prefix + "$HttpBuildAdvice");
    advice.applyAdvice(
        named("build")
            .and(takesArguments(0))
            .and(isDeclaredBy(named("org.apache.hc.client5.http.impl.async.H2AsyncClientBuilder"))),
        prefix + "$H2BuildAdvice");
  }

  /** Adds the handler, once per builder. */
  public static final class HttpBuildAdvice {
    private HttpBuildAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.This HttpAsyncClientBuilder builder) {
      if (!Bridge.isAttached(builder)) {
        Bridge.attach(builder, Boolean.TRUE);
        builder.addExecInterceptorFirst("zeromon-tracing", new TracingExecHandler());
      }
    }
  }

  /** Adds the handler, once per builder. */
  public static final class H2BuildAdvice {
    private H2BuildAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.This H2AsyncClientBuilder builder) {
      if (!Bridge.isAttached(builder)) {
        Bridge.attach(builder, Boolean.TRUE);
        builder.addExecInterceptorFirst("zeromon-tracing", new TracingExecHandler());
      }
    }
  }
}
