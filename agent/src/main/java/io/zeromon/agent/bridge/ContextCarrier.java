package io.zeromon.agent.bridge;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.Callable;

/**
 * Carries the trace context across threads: captured when a task is handed over, current while
 * it runs, and nothing held once it ends (wrappers only reference the captured context).
 */
final class ContextCarrier {

  /** The context worth carrying, or null: a thread with no span and no baggage carries nothing. */
  static Context capture(Context current) {
    if (!Span.fromContext(current).getSpanContext().isValid()
        && Baggage.fromContext(current).isEmpty()) {
      return null;
    }
    return current;
  }

  /** A context from {@link #capture}, or the context of a client or RPC handle. */
  static Scope makeCurrent(Object context) {
    if (context instanceof Context) {
      return ((Context) context).makeCurrent();
    }
    if (context instanceof ClientCall) {
      return ((ClientCall) context).context.makeCurrent();
    }
    if (context instanceof RpcCall) {
      return ((RpcCall) context).context.makeCurrent();
    }
    return null;
  }

  static Runnable wrap(Context current, Runnable task) {
    Context context = capture(current);
    if (context == null || task instanceof ContextRunnable) {
      return task;
    }
    return new ContextRunnable(context, task);
  }

  static <T> Callable<T> wrap(Context current, Callable<T> task) {
    Context context = capture(current);
    if (context == null || task instanceof ContextCallable) {
      return task;
    }
    return new ContextCallable<>(context, task);
  }

  /** The task inside a wrapper from {@link #wrap(Context, Runnable)}, else {@code task}. */
  static Runnable unwrap(Runnable task) {
    return task instanceof ContextRunnable ? ((ContextRunnable) task).task : task;
  }

  /** A task run in the context it was handed over in. */
  static final class ContextRunnable implements Runnable {
    private final Context context;
    private final Runnable task;

    ContextRunnable(Context context, Runnable task) {
      this.context = context;
      this.task = task;
    }

    @Override
    public void run() {
      try (Scope ignored = context.makeCurrent()) {
        task.run();
      }
    }

    @Override
    public String toString() {
      return task.toString();
    }
  }

  /** A task called in the context it was handed over in. */
  static final class ContextCallable<T> implements Callable<T> {
    private final Context context;
    private final Callable<T> task;

    ContextCallable(Context context, Callable<T> task) {
      this.context = context;
      this.task = task;
    }

    @Override
    public T call() throws Exception {
      try (Scope ignored = context.makeCurrent()) {
        return task.call();
      }
    }

    @Override
    public String toString() {
      return task.toString();
    }
  }
}
