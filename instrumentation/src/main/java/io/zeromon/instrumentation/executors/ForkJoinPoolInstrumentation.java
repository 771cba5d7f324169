package io.zeromon.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import io.zeromon.bootstrap.Bridge;
import io.zeromon.instrumentation.AdviceRegistry;
import io.zeromon.instrumentation.TypeInstrumentation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.FutureTask;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The public ways into a {@code ForkJoinPool}: {@code execute}, {@code submit}, {@code invoke},
 * {@code invokeAll}, {@code invokeAny}, and on JDK 25 its one-shot {@code schedule} and {@code
 * submitWithTimeout} (periodic tasks carry no context, see {@link
 * ScheduledThreadPoolExecutorInstrumentation}). A Runnable or Callable is wrapped before the pool
 * adapts it into a task; a {@code ForkJoinTask} gets the context attached, restored by {@link
 * ForkJoinTaskInstrumentation}. {@code externalSubmit} and {@code lazySubmit} are left alone:
 * virtual threads submit their continuations through them, and a carrier thread must not take a
 * virtual thread's context.
 */
public final class ForkJoinPoolInstrumentation implements TypeInstrumentation {

  private static final String FORK_JOIN_TASK = "java.util.concurrent.ForkJoinTask";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("java.util.concurrent.ForkJoinPool");
  }

  @Override
  public void transform(AdviceRegistry advice) {
    String prefix = getClass().getName();
    advice.applyAdvice(
        namedOneOf("execute", "submit", "invoke")
            .and(isPublic())
            .and(takesArgument(0, named(FORK_JOIN_TASK))),
        prefix + "$TaskAdvice");
    advice.applyAdvice(
        namedOneOf("execute", "submit", "schedule")
            .and(isPublic())
            .and(takesArgument(0, Runnable.class)),
        prefix + "$RunnableAdvice");
    advice.applyAdvice(
        namedOneOf("submit", "schedule", "submitWithTimeout")
            .and(isPublic())
            .and(takesArgument(0, Callable.class)),
        prefix + "$CallableAdvice");
    advice.applyAdvice(
        namedOneOf("invokeAll", "invokeAny", "invokeAllUninterruptibly")
            .and(isPublic())
            .and(takesArgument(0, Collection.class)),
        prefix + "$CallablesAdvice");
  }

  /** A {@code ForkJoinTask} handed to the pool: the context is attached to it. */
  public static final class TaskAdvice {
    private TaskAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(0) ForkJoinTask<?> task) {
      Object context = Bridge.currentContext();
      // a CompletableFuture task keeps the context of the stage that created it, if it had one
      if (context != null
          && !(task instanceof CompletableFuture.AsynchronousCompletionTask
              && Bridge.isAttached(task))) {
        Bridge.attach(task, context);
      }
    }

    /** A rejected task keeps nothing. */
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(
        @Advice.Argument(0) ForkJoinTask<?> task, @Advice.Thrown Throwable error) {
      if (error != null) {
        Bridge.detach(task);
      }
    }
  }

  /**
   * A Runnable handed to the pool: wrapped, or attached to when it is a {@code ForkJoinTask}
   * already (CompletableFuture's tasks); a {@code FutureTask} carries its own context.
   */
  public static final class RunnableAdvice {
    private RunnableAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(value = 0, readOnly = false) Runnable task) {
      if (task instanceof FutureTask) {
        return;
      }
      Object context = Bridge.currentContext();
      if (context == null) {
        return;
      }
      if (task instanceof ForkJoinTask) {
        if (!(task instanceof CompletableFuture.AsynchronousCompletionTask
            && Bridge.isAttached(task))) {
          Bridge.attach(task, context);
        }
        return;
      }
      // JDK 25: a virtual thread submits its own continuation (this::runContinuation), which
      // would take the virtual thread's context to the carrier thread
      if (task.getClass().getName().startsWith("java.lang.VirtualThread")) {
        return;
      }
      task = Bridge.wrap(task);
    }

    /** A rejected task keeps nothing. */
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Argument(0) Runnable task, @Advice.Thrown Throwable error) {
      if (error != null && task instanceof ForkJoinTask) {
        Bridge.detach(task);
      }
    }
  }

  /** A Callable handed to the pool: wrapped. */
  public static final class CallableAdvice {
    private CallableAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(value = 0, readOnly = false) Callable<?> task) {
      task = Bridge.wrap(task);
    }
  }

  /** The Callables of {@code invokeAll}/{@code invokeAny}: a copy of the collection, wrapped. */
  public static final class CallablesAdvice {
    private CallablesAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(value = 0, readOnly = false) Collection<?> tasks) {
      if (tasks == null || Bridge.currentContext() == null) {
        return;
      }
      ArrayList<Object> wrapped = new ArrayList<>(tasks.size());
      for (Object task : tasks) {
        wrapped.add(task instanceof Callable ? Bridge.wrap((Callable<?>) task) : task);
      }
      tasks = wrapped;
    }
  }
}
