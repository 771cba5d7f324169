package example.pools;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * An application's pool that records the tasks its hooks and its rejection handler are given. In a
 * package of its own, not under {@code io.zeromon} (whose classes the agent never transforms), as
 * an application's would be.
 */
public final class RecordingPool extends ThreadPoolExecutor {
  private volatile Runnable lastBefore;
  private volatile Runnable lastAfter;
  private volatile Runnable lastRejected;

  public RecordingPool(int queue) {
    super(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue));
    setRejectedExecutionHandler((task, pool) -> lastRejected = task);
  }

  @Override
  protected void beforeExecute(Thread thread, Runnable task) {
    lastBefore = task;
  }

  @Override
  protected void afterExecute(Runnable task, Throwable error) {
    lastAfter = task;
  }

  public Runnable lastBefore() {
    return lastBefore;
  }

  public Runnable lastAfter() {
    return lastAfter;
  }

  public Runnable lastRejected() {
    return lastRejected;
  }
}
