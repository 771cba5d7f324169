package io.zeromon.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;

import io.zeromon.bootstrap.Bridge;
import io.zeromon.bootstrap.CallDepth;
import io.zeromon.instrumentation.AdviceRegistry;
import io.zeromon.instrumentation.TypeInstrumentation;
import java.util.concurrent.Callable;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code FutureTask}, which {@code AbstractExecutorService.submit/invokeAll/invokeAny},
 * {@code ExecutorCompletionService} and {@code ScheduledThreadPoolExecutor} (its {@code
 * ScheduledFutureTask}) build for every task: the constructor wraps the task's own callable, so the
 * future keeps its type and identity (for {@code afterExecute} hooks, {@code shutdownNow}, {@code
 * remove}, a scheduler's queue), and the context goes when the future completes or is cancelled,
 * which is when it drops its callable, even if it still sits in a queue.
 */
public final class FutureTaskInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("java.util.concurrent.FutureTask");
  }

  @Override
  public void transform(AdviceRegistry advice) {
    advice.applyAdvice(isConstructor(), getClass().getName() + "$ConstructorAdvice");
  }

  /** Wraps the callable the constructor stored (the task, or the adapter of a Runnable). */
  public static final class ConstructorAdvice {
    private ConstructorAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(
        @Advice.FieldValue(value = "callable", readOnly = false) Callable<?> callable) {
      Callable<?> wrapped = Bridge.wrap(callable);
      if (wrapped != callable) {
        // not for a periodic task (see ScheduledThreadPoolExecutorInstrumentation)
        if (CallDepth.enter(CallDepth.EXECUTOR) == 0) {
          callable = wrapped;
        }
        CallDepth.exit(CallDepth.EXECUTOR);
      }
    }
  }
}
