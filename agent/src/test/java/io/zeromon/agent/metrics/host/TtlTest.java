package io.zeromon.agent.metrics.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TtlTest {

  private final AtomicLong now = new AtomicLong(1_000);
  private final AtomicInteger loads = new AtomicInteger();

  @Test
  void reloadsOnlyOncePerTtl() {
    Ttl<Integer> ttl = new Ttl<>("test", loads::incrementAndGet, 100, now::get);

    assertThat(ttl.get()).isEqualTo(1);
    now.addAndGet(99);
    assertThat(ttl.get()).isEqualTo(1);
    now.addAndGet(1);
    assertThat(ttl.get()).isEqualTo(2);
  }

  @Test
  void aFailureYieldsNullForOneTtlThenIsRetried() {
    Ttl<Integer> ttl =
        new Ttl<>(
            "test",
            () -> {
              if (loads.incrementAndGet() == 1) {
                throw new IllegalStateException("first read fails");
              }
              return loads.get();
            },
            100,
            now::get);

    assertThat(ttl.get()).isNull();
    now.addAndGet(50);
    assertThat(ttl.get()).isNull();
    assertThat(loads).hasValue(1);
    now.addAndGet(50);
    assertThat(ttl.get()).isEqualTo(2);
  }

  @Test
  void zeroTtlReadsEveryTime() {
    Ttl<Integer> ttl = new Ttl<>("test", loads::incrementAndGet, 0, now::get);

    ttl.get();
    ttl.get();

    assertThat(loads).hasValue(2);
  }
}
