package io.zeromon.smoke.apps.executors;

import com.sun.net.httpserver.HttpServer;
import example.pools.RecordingPool;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What the application can observe of the hand-offs: task identity ({@code /identity}), that no
 * task handed over in a trace is kept after it was rejected, cancelled or removed ({@code /leak}
 * then {@code /leak-check}), and the cost of {@code execute} ({@code /bench}). Answers are {@code
 * key=value} lines.
 */
final class Checks {

  private static final List<WeakReference<Object>> HANDED_OVER = new ArrayList<>();

  private Checks() {}

  static void register(HttpServer server) {
    ExecutorsApp.route(server, "/identity", Checks::identity);
    ExecutorsApp.route(server, "/leak", Checks::leak);
    ExecutorsApp.route(server, "/leak-check", Checks::leakCheck);
    ExecutorsApp.route(server, "/bench", Checks::bench);
  }

  /** A task object of its own (a non-capturing lambda would be one shared instance). */
  static class Task implements Runnable, Callable<String>, Supplier<String> {
    private final CountDownLatch ran = new CountDownLatch(1);

    @Override
    public void run() {
      ran.countDown();
    }

    @Override
    public String call() {
      run();
      return "done";
    }

    @Override
    public String get() {
      return call();
    }

    boolean awaitRun() throws InterruptedException {
      return ran.await(10, TimeUnit.SECONDS);
    }
  }

  /** Blocks a pool's only worker until released. */
  static final class Blocker implements Runnable {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public void run() {
      started.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    Blocker occupy(ExecutorService pool) throws InterruptedException {
      pool.execute(this);
      started.await(10, TimeUnit.SECONDS);
      return this;
    }
  }

  /** Runs outside any trace (at start-up): the queue holds the very task handed over. */
  static boolean outsideTraceSameInstance() throws InterruptedException {
    RecordingPool pool = new RecordingPool(1);
    try {
      Blocker blocker = new Blocker().occupy(pool);
      Task task = new Task();
      pool.execute(task);
      boolean same = pool.getQueue().peek() == task;
      blocker.release.countDown();
      return task.awaitRun() && same;
    } finally {
      pool.shutdown();
    }
  }

  private static String identity() throws Exception {
    Map<String, Object> answers = new TreeMap<>();
    RecordingPool pool = new RecordingPool(1);
    Task executed = new Task();
    pool.execute(executed);
    answers.put("execute-runs", executed.awaitRun());
    awaitCompleted(pool, 1);
    // the hooks see the wrapper of a plain Runnable, which shows as the task
    answers.put(
        "hooks-see-a-wrapper-of-the-task",
        pool.lastBefore() != executed && executed.toString().equals(pool.lastBefore().toString()));
    Future<String> future = pool.submit((Callable<String>) new Task());
    future.get(10, TimeUnit.SECONDS);
    awaitCompleted(pool, 2);
    answers.put("hooks-get-the-future", pool.lastBefore() == future && pool.lastAfter() == future);

    Blocker blocker = new Blocker().occupy(pool);
    Task queued = new Task();
    pool.execute(queued);
    // in a trace, the queue holds the wrapper that carries the context
    answers.put("queued-in-trace-as-wrapper", pool.getQueue().peek() != queued);
    Task rejected = new Task();
    pool.execute(rejected);
    answers.put("rejection-handler-gets-the-task", pool.lastRejected() == rejected);
    answers.put("remove-finds-the-task", pool.remove(queued));
    Task left = new Task();
    pool.execute(left);
    List<Runnable> drained = pool.shutdownNow();
    answers.put("shutdown-now-returns-the-task", drained.size() == 1 && drained.get(0) == left);
    blocker.release.countDown();

    ThreadPoolExecutor priority =
        new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new PriorityBlockingQueue<>());
    try {
      Blocker priorityBlocker = new Blocker().occupy(priority);
      Prioritized first = new Prioritized(1);
      priority.execute(first);
      priority.execute(new Prioritized(2));
      priorityBlocker.release.countDown();
      answers.put("priority-queue-runs", first.awaitRun());
    } finally {
      priority.shutdown();
    }
    return lines(answers);
  }

  /** afterExecute runs after the task (and its future) completed: wait for it, bounded. */
  private static void awaitCompleted(RecordingPool pool, int tasks) throws InterruptedException {
    // the pool counts a task as completed after its afterExecute
    for (int i = 0; i < 500 && pool.getCompletedTaskCount() < tasks; i++) {
      Thread.sleep(2);
    }
  }

  /** A task a priority queue orders: it must reach the queue as itself. */
  static final class Prioritized extends Task implements Comparable<Prioritized> {
    private final int rank;

    Prioritized(int rank) {
      this.rank = rank;
    }

    @Override
    public int compareTo(Prioritized other) {
      return Integer.compare(rank, other.rank);
    }
  }

  /**
   * In a trace, hands over {@code n} tasks each way that never run: rejected by a full pool
   * (AbortPolicy), by a full pool under CompletableFuture, by a shut-down ForkJoinPool, cancelled
   * while queued, removed from the queue. Weak references to them are kept; each task is made in
   * a method of its own, so that no local variable of this frame keeps the last one.
   */
  private static String leak() throws Exception {
    int n = 200;
    Map<String, Object> answers = new TreeMap<>();
    ThreadPoolExecutor full =
        new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1));
    Blocker blocker = new Blocker().occupy(full);
    full.execute(new Task());
    int rejected = 0;
    int supplyRejected = 0;
    for (int i = 0; i < n; i++) {
      rejected += rejectedByFullPool(full);
      supplyRejected += rejectedUnderCompletableFuture(full);
    }
    answers.put("rejected", rejected + "/" + n);
    answers.put("supply-async-rejected", supplyRejected + "/" + n);
    blocker.release.countDown();
    full.shutdown();

    ThreadPoolExecutor queue =
        new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
    Blocker queueBlocker = new Blocker().occupy(queue);
    List<WeakReference<Object>> cancelledTasks = new ArrayList<>();
    int cancelled = 0;
    int removed = 0;
    for (int i = 0; i < n; i++) {
      cancelled += cancelledWhileQueued(queue, cancelledTasks);
      removed += removedFromQueue(queue);
    }
    answers.put("cancelled", cancelled + "/" + n);
    answers.put("removed", removed + "/" + n);
    // the cancelled futures are still queued behind the blocker: their tasks must be free already
    answers.put("cancelled-while-queued-cleared", awaitCleared(cancelledTasks) + "/" + n);
    queueBlocker.release.countDown();
    queue.shutdown();

    ForkJoinPool stopped = new ForkJoinPool(1);
    stopped.shutdown();
    int forkJoinRejected = 0;
    for (int i = 0; i < n; i++) {
      forkJoinRejected += rejectedByForkJoinPool(stopped);
    }
    answers.put("fork-join-rejected", forkJoinRejected + "/" + n);
    return lines(answers);
  }

  private static int rejectedByFullPool(ThreadPoolExecutor full) {
    try {
      full.execute(remember(new Task()));
      return 0;
    } catch (RejectedExecutionException expected) {
      return 1;
    }
  }

  private static int rejectedUnderCompletableFuture(ThreadPoolExecutor full) {
    try {
      CompletableFuture.supplyAsync(remember(new Task()), full);
      return 0;
    } catch (RejectedExecutionException expected) {
      return 1;
    }
  }

  private static int cancelledWhileQueued(
      ThreadPoolExecutor queue, List<WeakReference<Object>> cancelledTasks) {
    Task task = remember(new Task());
    cancelledTasks.add(new WeakReference<>(task));
    return queue.submit((Callable<String>) task).cancel(false) ? 1 : 0;
  }

  private static int removedFromQueue(ThreadPoolExecutor queue) {
    Task task = remember(new Task());
    queue.execute(task);
    return queue.remove(task) ? 1 : 0;
  }

  private static int rejectedByForkJoinPool(ForkJoinPool stopped) {
    try {
      stopped.execute(remember(new Action()));
      return 0;
    } catch (RejectedExecutionException expected) {
      return 1;
    }
  }

  static final class Action extends RecursiveAction {
    @Override
    protected void compute() {}
  }

  private static synchronized <T> T remember(T task) {
    HANDED_OVER.add(new WeakReference<>(task));
    return task;
  }

  private static int awaitCleared(List<WeakReference<Object>> refs) throws InterruptedException {
    int cleared = 0;
    for (int attempt = 0; attempt < 50; attempt++) {
      System.gc();
      cleared = (int) refs.stream().filter(ref -> ref.get() == null).count();
      if (cleared == refs.size()) {
        break;
      }
      Thread.sleep(20);
    }
    return cleared;
  }

  private static synchronized String leakCheck() throws InterruptedException {
    int cleared = awaitCleared(HANDED_OVER);
    return lines(Map.of("cleared", cleared + "/" + HANDED_OVER.size()));
  }

  /**
   * The cost of handing a no-op task over ({@link Bench}), in the request's trace and on a thread
   * outside any trace.
   */
  private static String bench() throws Exception {
    Map<String, Object> answers = new TreeMap<>(Bench.run(""));
    Map<String, Object> outside = new TreeMap<>();
    // a platform thread started here carries no context
    Thread thread = new Thread(() -> outside.putAll(Bench.run("-outside-trace")));
    thread.start();
    thread.join(60_000);
    answers.putAll(outside);
    return lines(answers);
  }

  static String lines(Map<String, ?> answers) {
    StringBuilder out = new StringBuilder();
    answers.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
    return out.toString();
  }
}
