package io.zeromon.instrumentation.okhttp;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.zeromon.bootstrap.Bridge;
import io.zeromon.instrumentation.AdviceRegistry;
import io.zeromon.instrumentation.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code RealCall.enqueue}: keeps the caller's trace context with the call, for the dispatcher
 * thread that will run it ({@link AsyncCallInstrumentation}).
 */
public final class RealCallInstrumentation implements TypeInstrumentation {

  @Override
  public String[] markerClassNames() {
    return new String[] {OkHttpModule.MARKER};
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(OkHttpModule.MARKER);
  }

  @Override
  public void transform(AdviceRegistry advice) {
    advice.applyAdvice(
        named("enqueue").and(takesArguments(1)), getClass().getName() + "$EnqueueAdvice");
  }

  /** Attaches the current context (if there is one to carry) to the call. */
  public static final class EnqueueAdvice {
    private EnqueueAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.This Object call) {
      Bridge.attach(call, Bridge.currentContext());
    }
  }
}
