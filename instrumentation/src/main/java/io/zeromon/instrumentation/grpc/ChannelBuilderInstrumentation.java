package io.zeromon.instrumentation.grpc;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannelBuilder;
import io.zeromon.bootstrap.Bridge;
import io.zeromon.instrumentation.AdviceRegistry;
import io.zeromon.instrumentation.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Adds {@link TracingClientInterceptor} when a channel is built. Every transport's channel
 * builder delegates to {@code ManagedChannelImplBuilder.build()}; the interceptor added last is
 * called first, so ours starts the span before the application's interceptors run.
 */
public final class ChannelBuilderInstrumentation implements TypeInstrumentation {

  private static final String HELPER = "io.zeromon.instrumentation.grpc.TracingClientInterceptor";

  @Override
  public String[] markerClassNames() {
    return new String[] {
      // ManagedChannelImplBuilder: grpc-core 1.33+, the one builder behind every transport
      "io.grpc.internal.ManagedChannelImplBuilder", "io.grpc.ForwardingClientCallListener"
    };
  }

  @Override
  public String[] helperClassNames() {
    // by name: the helpers link against gRPC, which the agent's own loader cannot see
    return new String[] {
      HELPER,
      HELPER + "$TracingClientCall",
      HELPER + "$TracingListener",
      "io.zeromon.instrumentation.grpc.GrpcNames"
    };
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("io.grpc.internal.ManagedChannelImplBuilder");
  }

  @Override
  public void transform(AdviceRegistry advice) {
    advice.applyAdvice(
        named("build").and(takesArguments(0)), getClass().getName() + "$BuildAdvice");
  }

  /** Adds the interceptor once per builder (a builder may build several channels). */
  public static final class BuildAdvice {
    private BuildAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.This ManagedChannelBuilder<?> builder) {
      if (!Bridge.isAttached(builder)) {
        Bridge.attach(builder, Boolean.TRUE);
        builder.intercept(new ClientInterceptor[] {new TracingClientInterceptor()});
      }
    }
  }
}
