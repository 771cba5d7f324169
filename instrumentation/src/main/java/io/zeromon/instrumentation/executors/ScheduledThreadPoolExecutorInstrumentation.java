package io.zeromon.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;

import io.zeromon.bootstrap.CallDepth;
import io.zeromon.instrumentation.AdviceRegistry;
import io.zeromon.instrumentation.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code ScheduledThreadPoolExecutor}'s periodic tasks carry no context: they outlive the request
 * that scheduled them, which would keep its span alive and make every later run part of its trace.
 * Their {@code FutureTask} is built inside these methods, which the {@code EXECUTOR} call depth
 * marks for {@link FutureTaskInstrumentation}. One-shot {@code schedule} tasks do carry it.
 */
public final class ScheduledThreadPoolExecutorInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("java.util.concurrent.ScheduledThreadPoolExecutor");
  }

  @Override
  public void transform(AdviceRegistry advice) {
    advice.applyAdvice(
        namedOneOf("scheduleAtFixedRate", "scheduleWithFixedDelay"),
        getClass().getName() + "$PeriodicAdvice");
  }

  /** Marks the thread as scheduling a periodic task. */
  public static final class PeriodicAdvice {
    private PeriodicAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter() {
      CallDepth.enter(CallDepth.EXECUTOR);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit() {
      CallDepth.exit(CallDepth.EXECUTOR);
    }
  }
}
