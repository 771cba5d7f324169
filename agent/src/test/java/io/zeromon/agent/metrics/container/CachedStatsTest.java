package io.zeromon.agent.metrics.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedStatsTest {

  private final AtomicLong now = new AtomicLong(1_000);
  private final AtomicInteger loads = new AtomicInteger();

  @Test
  void readsAgainOnlyAfterTheTimeToLive() {
    CachedStats cache =
        new CachedStats(
            () ->
                new CgroupStats()
                    .set(ContainerSeries.THREADS, OptionalLong.of(loads.incrementAndGet())),
            100,
            now::get);

    assertThat(cache.get().get(ContainerSeries.THREADS)).isEqualTo(1);
    now.addAndGet(99);
    assertThat(cache.get().get(ContainerSeries.THREADS)).isEqualTo(1);
    now.addAndGet(1);
    assertThat(cache.get().get(ContainerSeries.THREADS)).isEqualTo(2);
    assertThat(loads).hasValue(2);
  }

  @Test
  void aFailingReadGivesEverySeriesAbsent() {
    CachedStats cache =
        new CachedStats(
            () -> {
              throw new IllegalStateException("disk on fire");
            },
            100,
            now::get);

    CgroupStats stats = cache.get();

    for (ContainerSeries series : ContainerSeries.values()) {
      assertThat(stats.has(series)).as(series.name()).isFalse();
    }
  }
}
