package io.zeromon.smoke.apps.executors;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Nanoseconds per hand-over of a no-op task, the best of 15 rounds (the first ones warm up; each
 * round is a call of its own, so that the JIT compiles the round, not only the loop):
 * {@code ThreadPoolExecutor.execute} and {@code submit} into a pool whose queue accepts and drops
 * every task but the last (so that only the hand-over is timed, with no worker competing for the
 * CPU and no queue growing), and {@code ForkJoinPool.execute} into a one-thread pool whose worker
 * is held while the tasks are handed over.
 */
final class Bench {

  private static final int ROUNDS = 15;
  private static final int OPS = 200_000;
  private static final Runnable NOOP = () -> {};

  private Bench() {}

  /** A queue that takes every task and keeps only the last (so that the JIT cannot drop it). */
  static final class DroppingQueue extends LinkedBlockingQueue<Runnable> {
    volatile Runnable last;

    @Override
    public boolean offer(Runnable task) {
      last = task;
      return true;
    }
  }

  static Map<String, Object> run(String suffix) {
    Map<String, Object> results = new TreeMap<>();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new DroppingQueue());
    pool.prestartCoreThread();
    ForkJoinPool forkJoin = new ForkJoinPool(1);
    try {
      long execute = Long.MAX_VALUE;
      long submit = Long.MAX_VALUE;
      long forkJoinExecute = Long.MAX_VALUE;
      for (int round = 0; round < ROUNDS; round++) {
        execute = Math.min(execute, execute(pool));
        submit = Math.min(submit, submit(pool));
        forkJoinExecute = Math.min(forkJoinExecute, held(forkJoin));
      }
      results.put("execute-ns" + suffix, execute);
      results.put("submit-ns" + suffix, submit);
      results.put("fork-join-execute-ns" + suffix, forkJoinExecute);
    } finally {
      pool.shutdown();
      forkJoin.shutdown();
    }
    return results;
  }

  private static long execute(ThreadPoolExecutor pool) {
    long start = System.nanoTime();
    for (int i = 0; i < OPS; i++) {
      pool.execute(NOOP);
    }
    return (System.nanoTime() - start) / OPS;
  }

  private static long submit(ThreadPoolExecutor pool) {
    long start = System.nanoTime();
    for (int i = 0; i < OPS; i++) {
      pool.submit(NOOP);
    }
    return (System.nanoTime() - start) / OPS;
  }

  private static long held(ForkJoinPool forkJoin) {
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    forkJoin.execute(
        () -> {
          held.countDown();
          await(release);
        });
    await(held);
    long start = System.nanoTime();
    for (int i = 0; i < OPS; i++) {
      forkJoin.execute(NOOP);
    }
    long perOp = (System.nanoTime() - start) / OPS;
    release.countDown();
    forkJoin.awaitQuiescence(30, TimeUnit.SECONDS);
    return perOp;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
