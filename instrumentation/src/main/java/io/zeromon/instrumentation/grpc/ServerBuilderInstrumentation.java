package io.zeromon.instrumentation.grpc;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.grpc.ServerBuilder;
import io.zeromon.bootstrap.Bridge;
import io.zeromon.instrumentation.AdviceRegistry;
import io.zeromon.instrumentation.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Adds {@link TracingServerInterceptor} when a server is built. Every transport's builder
 * (Netty, shaded Netty, OkHttp, in-process) delegates to {@code ServerImplBuilder.build()}, which
 * applies its interceptors so that the last one added is called first: ours, added last, sees
 * each call before the application's own interceptors.
 */
public final class ServerBuilderInstrumentation implements TypeInstrumentation {

  private static final String HELPER = "io.zeromon.instrumentation.grpc.TracingServerInterceptor";

  @Override
  public String[] markerClassNames() {
    return new String[] {
      // ServerImplBuilder: grpc-core 1.33+, the one builder behind every transport
      "io.grpc.internal.ServerImplBuilder", "io.grpc.ForwardingServerCallListener"
    };
  }

  @Override
  public String[] helperClassNames() {
    // by name: the helpers link against gRPC, which the agent's own loader cannot see
    return new String[] {
      HELPER,
      HELPER + "$TracingServerCall",
      HELPER + "$TracingListener",
      "io.zeromon.instrumentation.grpc.GrpcNames"
    };
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("io.grpc.internal.ServerImplBuilder");
  }

  @Override
  public void transform(AdviceRegistry advice) {
    advice.applyAdvice(
        named("build").and(takesArguments(0)), getClass().getName() + "$BuildAdvice");
  }

  /** Adds the interceptor once per builder (a builder may be built more than once). */
  public static final class BuildAdvice {
    private BuildAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.This ServerBuilder<?> builder) {
      if (!Bridge.isAttached(builder)) {
        Bridge.attach(builder, Boolean.TRUE);
        builder.intercept(new TracingServerInterceptor());
      }
    }
  }
}
