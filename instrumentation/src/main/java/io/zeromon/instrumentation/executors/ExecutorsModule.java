package io.zeromon.instrumentation.executors;

import io.zeromon.instrumentation.InstrumentationModule;
import io.zeromon.instrumentation.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;

/**
 * The trace context across the JDK's thread hand-offs (JDK 11+): executors ({@code
 * ThreadPoolExecutor}, {@code ScheduledThreadPoolExecutor}, every {@code AbstractExecutorService}
 * through {@code FutureTask}), {@code ForkJoinPool} and its tasks, {@code CompletableFuture} async
 * stages, and virtual threads (JDK 21+). The context is captured when a task is handed over and is
 * current while it runs; nothing is carried for a task handed over outside a trace, nor for a
 * periodic task (it outlives the request that scheduled it).
 */
public final class ExecutorsModule implements InstrumentationModule {

  @Override
  public String name() {
    return "executors";
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.asList(
        new FutureTaskInstrumentation(),
        new ThreadPoolExecutorInstrumentation(),
        new ScheduledThreadPoolExecutorInstrumentation(),
        new ForkJoinPoolInstrumentation(),
        new ForkJoinTaskInstrumentation(),
        new CompletableFutureInstrumentation(),
        new VirtualThreadInstrumentation());
  }
}
