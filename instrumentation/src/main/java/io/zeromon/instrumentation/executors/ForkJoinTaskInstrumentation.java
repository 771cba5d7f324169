package io.zeromon.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.zeromon.bootstrap.Bridge;
import io.zeromon.instrumentation.AdviceRegistry;
import io.zeromon.instrumentation.TypeInstrumentation;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinTask;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code ForkJoinTask}: {@code fork()} attaches the current context to the task (a subtask forked
 * by a task that runs in a trace, a parallel stream's parts), and {@code doExec()}, through which
 * every pool and every joining thread runs a task (JDK 11 to 25), makes the attached context
 * current while the task runs and drops it.
 */
public final class ForkJoinTaskInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("java.util.concurrent.ForkJoinTask");
  }

  @Override
  public void transform(AdviceRegistry advice) {
    advice.applyAdvice(
        named("fork").and(takesArguments(0)), getClass().getName() + "$ForkAdvice");
    advice.applyAdvice(
        named("doExec").and(takesArguments(0)),
        TaskContextAdvice.class.getName() + "$RestoreOnRun");
  }

  /** Attaches the current context before the task is pushed where another thread can take it. */
  public static final class ForkAdvice {
    private ForkAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.This ForkJoinTask<?> task) {
      Object context = Bridge.currentContext();
      if (context != null
          && !(task instanceof CompletableFuture.AsynchronousCompletionTask
              && Bridge.isAttached(task))) {
        Bridge.attach(task, context);
      }
    }
  }
}
