package io.zeromon.instrumentation.netty;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.zeromon.bootstrap.CallDepth;
import io.zeromon.instrumentation.AdviceRegistry;
import io.zeromon.instrumentation.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code DefaultChannelPipeline}'s add methods, where every other add method ends: after an HTTP
 * server codec joins a pipeline, {@link NettyServerTracing} puts {@link NettyServerHandler} right
 * behind it. Netty shaded into other libraries (grpc-netty-shaded) has other names and is left
 * alone.
 */
public final class ChannelPipelineInstrumentation implements TypeInstrumentation {

  private static final String PACKAGE = "io.zeromon.instrumentation.netty.";
  private static final String HANDLER = "io.netty.channel.ChannelHandler";

  @Override
  public String[] markerClassNames() {
    return new String[] {
      "io.netty.channel.DefaultChannelPipeline", "io.netty.handler.codec.http.HttpServerCodec"
    };
  }

  @Override
  public String[] helperClassNames() {
    // by name: the helpers link against Netty, which the agent's own loader cannot see
    return new String[] {
      PACKAGE + "NettyServerTracing", PACKAGE + "NettyServerHandler", PACKAGE + "NettyRequest"
    };
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("io.netty.channel.DefaultChannelPipeline");
  }

  @Override
  public void transform(AdviceRegistry advice) {
    advice.applyAdvice(
        namedOneOf("addFirst", "addLast")
            .and(takesArguments(3))
            .and(takesArgument(2, named(HANDLER))),
        getClass().getName() + "$AddAdvice");
    advice.applyAdvice(
        namedOneOf("addBefore", "addAfter")
            .and(takesArguments(4))
            .and(takesArgument(3, named(HANDLER))),
        getClass().getName() + "$AddRelativeAdvice");
  }

  /** {@code addFirst/addLast(group, name, handler)}. */
  public static final class AddAdvice {
    private AddAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter() {
      CallDepth.enter(CallDepth.NETTY);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(
        @Advice.This ChannelPipeline pipeline,
        @Advice.Argument(2) ChannelHandler handler,
        @Advice.Thrown Throwable error) {
      // our own addAfter below runs nested: depth 1, ignored
      if (CallDepth.exit(CallDepth.NETTY) == 0 && error == null) {
        NettyServerTracing.added(pipeline, handler);
      }
    }
  }

  /** {@code addBefore/addAfter(group, baseName, name, handler)}. */
  public static final class AddRelativeAdvice {
    private AddRelativeAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter() {
      CallDepth.enter(CallDepth.NETTY);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(
        @Advice.This ChannelPipeline pipeline,
        @Advice.Argument(3) ChannelHandler handler,
        @Advice.Thrown Throwable error) {
      if (CallDepth.exit(CallDepth.NETTY) == 0 && error == null) {
        NettyServerTracing.added(pipeline, handler);
      }
    }
  }
}
