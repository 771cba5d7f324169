package io.zeromon.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.zeromon.bootstrap.Bridge;
import io.zeromon.instrumentation.AdviceRegistry;
import io.zeromon.instrumentation.TypeInstrumentation;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadPoolExecutor;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code ThreadPoolExecutor.execute}, where every task of a pool (and of its subclasses that call
 * {@code super.execute}) arrives: a plain Runnable is wrapped. Where the pool hands a task back to
 * the application (the rejection handler, {@code shutdownNow}, {@code remove}), the advice gives
 * back the application's own task. The {@code beforeExecute}/{@code afterExecute} hooks of a
 * subclass and {@code getQueue()} see the wrapper of a plain Runnable (its {@code toString} is the
 * task's); giving them the task would mean matching every class the application loads by its
 * methods and superclasses. A {@code FutureTask} ({@code submit}, {@code invokeAll}) is never
 * wrapped, so the hooks' usual {@code r instanceof Future} sees it. {@code
 * ScheduledThreadPoolExecutor} does not come here: its tasks are {@code FutureTask}s.
 */
public final class ThreadPoolExecutorInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("java.util.concurrent.ThreadPoolExecutor");
  }

  @Override
  public void transform(AdviceRegistry advice) {
    String prefix = getClass().getName();
    advice.applyAdvice(
        named("execute").and(takesArguments(1)).and(takesArgument(0, Runnable.class)),
        prefix + "$ExecuteAdvice");
    advice.applyAdvice(
        named("reject").and(takesArguments(1)).and(takesArgument(0, Runnable.class)),
        prefix + "$RejectAdvice");
    advice.applyAdvice(
        named("remove").and(takesArguments(1)).and(takesArgument(0, Runnable.class)),
        prefix + "$RemoveAdvice");
    advice.applyAdvice(named("shutdownNow").and(takesArguments(0)), prefix + "$ShutdownNowAdvice");
  }

  /**
   * Wraps the task in the current context, if there is one. Left as they are: a {@code
   * FutureTask} (its callable is wrapped already, and {@code afterExecute} hooks look for the
   * future), and a {@code Comparable} task, which a priority queue orders (a wrapper would fail
   * there): such a task runs without the context.
   */
  public static final class ExecuteAdvice {
    private ExecuteAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(value = 0, readOnly = false) Runnable task) {
      if (task instanceof FutureTask || task instanceof Comparable) {
        return;
      }
      task = Bridge.wrap(task);
    }

    /** A rejected CompletableFuture task keeps nothing (its context is attached, see there). */
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Argument(0) Runnable task, @Advice.Thrown Throwable error) {
      if (error != null) {
        Runnable original = Bridge.unwrap(task);
        if (original instanceof CompletableFuture.AsynchronousCompletionTask) {
          Bridge.detach(original);
        }
      }
    }
  }

  /** The rejection handler sees the application's task (CallerRunsPolicy runs it in place). */
  public static final class RejectAdvice {
    private RejectAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(value = 0, readOnly = false) Runnable task) {
      task = Bridge.unwrap(task);
    }
  }

  /** {@code remove(task)} finds the wrapper the queue holds for the application's task. */
  public static final class RemoveAdvice {
    private RemoveAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(
        @Advice.This ThreadPoolExecutor executor,
        @Advice.Argument(0) Runnable task,
        @Advice.Return(readOnly = false) boolean removed) {
      if (removed || task == null || task instanceof FutureTask) {
        return;
      }
      for (Runnable queued : executor.getQueue()) {
        if (queued != task && Bridge.unwrap(queued) == task) {
          removed = executor.remove(queued);
          return;
        }
      }
    }
  }

  /** The tasks {@code shutdownNow} returns are the application's own. */
  public static final class ShutdownNowAdvice {
    private ShutdownNowAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.Return List<Runnable> tasks) {
      if (tasks == null) {
        return;
      }
      for (int i = 0; i < tasks.size(); i++) {
        Runnable queued = tasks.get(i);
        Runnable task = Bridge.unwrap(queued);
        if (task != queued) {
          tasks.set(i, task);
        }
      }
    }
  }
}
