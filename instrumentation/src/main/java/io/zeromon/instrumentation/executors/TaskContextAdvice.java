package io.zeromon.instrumentation.executors;

import io.zeromon.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Advice shared by the task types that cannot be wrapped (a {@code ForkJoinTask} must stay one):
 * the context is kept with the task object itself (weakly, by the bridge) when it is created or
 * handed over, and taken back off it when it runs, so that nothing stays once it has run.
 */
public final class TaskContextAdvice {

  private TaskContextAdvice() {}

  /** Keeps the current context, if any, with the task a constructor built. */
  public static final class AttachOnConstruction {
    private AttachOnConstruction() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.This Object task) {
      Bridge.attach(task, Bridge.currentContext());
    }
  }

  /** Makes the context kept with {@code this} task current while it runs, and drops it. */
  public static final class RestoreOnRun {
    private RestoreOnRun() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(@Advice.This Object task) {
      return Bridge.makeCurrent(Bridge.detach(task));
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter Object scope) {
      Bridge.closeScope(scope);
    }
  }

  /** Wraps the Runnable argument 0 (executors that start a thread per task). */
  public static final class WrapRunnableArgument0 {
    private WrapRunnableArgument0() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(value = 0, readOnly = false) Runnable task) {
      task = Bridge.wrap(task);
    }
  }
}
