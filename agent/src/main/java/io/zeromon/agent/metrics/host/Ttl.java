package io.zeromon.agent.metrics.host;

import io.zeromon.agent.AgentLog;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A value reloaded at most once per time-to-live. A failed load yields null for one TTL too, so a
 * broken source is neither retried on every scrape nor reported more than once (at debug level).
 */
final class Ttl<T> {

  private final String name;
  private final Supplier<T> loader;
  private final long ttlNanos;
  private final LongSupplier nanoClock;
  private T value;
  private long loadedAt;
  private boolean loaded;
  private boolean failureLogged;

  Ttl(String name, Supplier<T> loader, long ttlNanos, LongSupplier nanoClock) {
    this.name = name;
    this.loader = loader;
    this.ttlNanos = ttlNanos;
    this.nanoClock = nanoClock;
  }

  /** The cached value, or null when the last load failed. */
  synchronized T get() {
    long now = nanoClock.getAsLong();
    if (loaded && now - loadedAt < ttlNanos) {
      return value;
    }
    loaded = true;
    loadedAt = now;
    try {
      value = loader.get();
    } catch (RuntimeException | LinkageError e) {
      value = null;
      if (!failureLogged) {
        failureLogged = true;
        AgentLog.debug("host metrics: cannot read " + name + ", skipping it: " + e);
      }
    }
    return value;
  }
}
