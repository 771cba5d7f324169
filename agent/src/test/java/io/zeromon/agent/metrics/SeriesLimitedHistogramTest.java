package io.zeromon.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import org.junit.jupiter.api.Test;

class SeriesLimitedHistogramTest {

  @Test
  void beyondTheCapObservationsGoToOneCountedOverflowSeries() {
    PrometheusRegistry registry = new PrometheusRegistry();
    Histogram histogram =
        Histogram.builder(PrometheusProperties.builder().build())
            .name("test_seconds")
            .labelNames("route")
            .classicOnly()
            .register(registry);
    SeriesLimitedHistogram limited = new SeriesLimitedHistogram(histogram, 1, 2);

    limited.point("/a").observe(1);
    assertThat(histogram.collect().getDataPoints()).as("no empty overflow series up front").hasSize(1);
    limited.point("/b").observe(1);
    limited.point("/a").observe(1);
    for (int i = 0; i < 5; i++) {
      assertThat(limited.isOverflow(limited.point("/user/" + i))).isTrue();
    }
    limited.point("/user/9").observe(1);

    assertThat(limited.overflowed()).isEqualTo(6);
    HistogramSnapshot snapshot = histogram.collect();
    assertThat(snapshot.getDataPoints()).hasSize(3);
    assertThat(snapshot.getDataPoints())
        .anySatisfy(
            p -> {
              assertThat(p.getLabels().get("route")).isEqualTo("_OTHER");
              assertThat(p.getCount()).isEqualTo(1);
            });
  }
}
