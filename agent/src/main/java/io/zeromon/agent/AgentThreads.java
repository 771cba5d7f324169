package io.zeromon.agent;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The agent's threads: named, daemon, and with the agent's class loader as context loader, which
 * is how the bridge recognises them and makes no spans for their work.
 */
public final class AgentThreads {

  private AgentThreads() {}

  public static Thread newThread(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.setContextClassLoader(AgentThreads.class.getClassLoader());
    return thread;
  }

  public static ThreadFactory factory(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> newThread(prefix + "-" + count.incrementAndGet(), task);
  }
}
