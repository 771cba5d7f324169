package io.zeromon.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.zeromon.bootstrap.Bridge;
import io.zeromon.instrumentation.AdviceRegistry;
import io.zeromon.instrumentation.TypeInstrumentation;
import java.util.concurrent.Executor;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code CompletableFuture}'s async tasks, which are {@code ForkJoinTask}s and Runnables at once.
 * {@code supplyAsync}/{@code runAsync} tasks, and the completions of {@code *Async} stages that
 * have to wait for their source, take the context of the thread that created them (the stage's
 * caller, not the thread that later completes the source), kept with the task object; {@code
 * run()}, which any executor but a {@code ForkJoinPool} calls, makes it current ({@code
 * ForkJoinTask.doExec} does on a pool). A completion created without a context takes the one of
 * the thread that submits it, through the executor's own instrumentation. On JDK 11 to 17 with
 * one or two CPUs the default executor starts a thread per task: it is wrapped here.
 */
public final class CompletableFutureInstrumentation implements TypeInstrumentation {

  private static final String PREFIX = "java.util.concurrent.CompletableFuture$";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return namedOneOf(
        PREFIX + "AsyncSupply",
        PREFIX + "AsyncRun",
        PREFIX + "Completion",
        PREFIX + "UniCompletion",
        PREFIX + "ThreadPerTaskExecutor");
  }

  @Override
  public void transform(AdviceRegistry advice) {
    String shared = TaskContextAdvice.class.getName();
    advice.applyAdvice(
        isConstructor().and(isDeclaredBy(namedOneOf(PREFIX + "AsyncSupply", PREFIX + "AsyncRun"))),
        shared + "$AttachOnConstruction");
    advice.applyAdvice(
        isConstructor()
            .and(isDeclaredBy(named(PREFIX + "UniCompletion")))
            .and(takesArgument(0, Executor.class)),
        getClass().getName() + "$AsyncCompletionAdvice");
    ElementMatcher<TypeDescription> tasks =
        namedOneOf(PREFIX + "AsyncSupply", PREFIX + "AsyncRun", PREFIX + "Completion");
    advice.applyAdvice(
        named("run").and(takesArguments(0)).and(isDeclaredBy(tasks)), shared + "$RestoreOnRun");
    advice.applyAdvice(
        named("execute")
            .and(takesArguments(1))
            .and(isDeclaredBy(named(PREFIX + "ThreadPerTaskExecutor"))),
        shared + "$WrapRunnableArgument0");
  }

  /** The completion of an {@code *Async} stage (it has an executor) keeps the current context. */
  public static final class AsyncCompletionAdvice {
    private AsyncCompletionAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.This Object completion, @Advice.Argument(0) Executor executor) {
      if (executor != null) {
        Bridge.attach(completion, Bridge.currentContext());
      }
    }
  }
}
