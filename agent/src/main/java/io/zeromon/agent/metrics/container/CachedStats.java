package io.zeromon.agent.metrics.container;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The latest {@link CgroupStats}, re-read at most once per time-to-live: each series' callback asks
 * for it, so one scrape (and scrapes racing each other) read the files once.
 */
final class CachedStats {

  private final Supplier<CgroupStats> loader;
  private final long ttlNanos;
  private final LongSupplier nanoClock;
  private CgroupStats current;
  private long loadedAt;

  CachedStats(Supplier<CgroupStats> loader, long ttlNanos, LongSupplier nanoClock) {
    this.loader = loader;
    this.ttlNanos = ttlNanos;
    this.nanoClock = nanoClock;
  }

  /** Never throws; a failed read gives a reading with every series absent. */
  synchronized CgroupStats get() {
    long now = nanoClock.getAsLong();
    if (current == null || now - loadedAt >= ttlNanos) {
      current = load();
      loadedAt = now;
    }
    return current;
  }

  private CgroupStats load() {
    try {
      CgroupStats stats = loader.get();
      return stats == null ? new CgroupStats() : stats;
    } catch (RuntimeException e) {
      return new CgroupStats();
    }
  }
}
