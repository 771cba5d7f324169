package io.zeromon.agent.metrics.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Against the real host, through OSHI. */
class HostMetricsTest {

  static final List<String> FAMILIES =
      List.of(
          "system_cpu_time_seconds",
          "system_cpu_utilization_ratio",
          "system_cpu_logical_cpus",
          "system_cpu_physical_cores",
          "system_cpu_load_average_1m",
          "system_cpu_load_average_5m",
          "system_cpu_load_average_15m",
          "system_memory_usage_bytes",
          "system_memory_limit_bytes",
          "system_paging_usage_bytes",
          "system_network_io_bytes",
          "system_network_packets",
          "system_network_errors",
          "system_network_dropped",
          "system_disk_io_bytes",
          "system_disk_operations",
          "system_filesystem_usage_bytes",
          "system_filesystem_limit_bytes",
          "system_filesystem_inodes_usage",
          "system_processes",
          "system_threads",
          "system_uptime_seconds");

  @Test
  void scrapesTheRealHostTwice() throws InterruptedException {
    PrometheusRegistry registry = new PrometheusRegistry();
    HostMetricsSettings settings =
        HostMetricsSettings.builder().cacheTtl(Duration.ofMillis(100)).build();
    HostMetrics.register(registry, settings);

    Map<String, MetricSnapshot> first = byName(registry.scrape());
    Map<String, MetricSnapshot> second = scrapeUntilUtilizationIsKnown(registry);

    assertThat(second.keySet()).containsAll(FAMILIES);
    assertThat(second.values()).allSatisfy(m -> assertThat(m.getMetadata().getHelp()).isNotBlank());
    assertThat(values(second)).allSatisfy(v -> assertThat(v).isFinite().isNotNegative());
    assertCountersNeverDecrease(first, second);
    assertThat(labelValues(second, "system_network_io_bytes", "device")).doesNotContain("lo");

    double memoryLimit = gauge(second, "system_memory_limit_bytes", Labels.EMPTY);
    double used = gauge(second, "system_memory_usage_bytes", Labels.of("state", "used"));
    double free = gauge(second, "system_memory_usage_bytes", Labels.of("state", "free"));
    assertThat(memoryLimit).isPositive().isGreaterThanOrEqualTo(used);
    assertThat(used + free).isEqualTo(memoryLimit);
    assertFileSystemsAddUp(second);
    assertThat(sum(second, "system_cpu_utilization_ratio")).isCloseTo(1.0, within(1e-9));
    double logical = gauge(second, "system_cpu_logical_cpus", Labels.EMPTY);
    assertThat(gauge(second, "system_cpu_physical_cores", Labels.EMPTY)).isBetween(1.0, logical);
    assertThat(gauge(second, "system_uptime_seconds", Labels.EMPTY)).isPositive();
    assertThat(gauge(second, "system_threads", Labels.EMPTY))
        .isGreaterThanOrEqualTo(gauge(second, "system_processes", Labels.EMPTY))
        .isPositive();
  }

  /** Utilization needs CPU ticks to move between two scrapes; OSHI memoizes them for 300 ms. */
  private static Map<String, MetricSnapshot> scrapeUntilUtilizationIsKnown(
      PrometheusRegistry registry) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      Thread.sleep(200);
      Map<String, MetricSnapshot> scrape = byName(registry.scrape());
      if (scrape.containsKey("system_cpu_utilization_ratio") || System.nanoTime() > deadline) {
        return scrape;
      }
    }
  }

  private static void assertCountersNeverDecrease(
      Map<String, MetricSnapshot> first, Map<String, MetricSnapshot> second) {
    int compared = 0;
    for (MetricSnapshot before : first.values()) {
      if (!(before instanceof CounterSnapshot)) {
        continue;
      }
      Map<Labels, Double> after = points(second.get(before.getMetadata().getName()));
      for (CounterDataPointSnapshot p : ((CounterSnapshot) before).getDataPoints()) {
        Double later = after.get(p.getLabels());
        if (later != null) {
          assertThat(later)
              .as("%s%s", before.getMetadata().getName(), p.getLabels())
              .isGreaterThanOrEqualTo(p.getValue());
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThan(CpuMetrics.STATES.length);
  }

  private static void assertFileSystemsAddUp(Map<String, MetricSnapshot> scrape) {
    Map<Labels, Double> sizes = points(scrape.get("system_filesystem_limit_bytes"));
    Map<Labels, Double> states = new HashMap<>();
    points(scrape.get("system_filesystem_usage_bytes"))
        .forEach(
            (labels, value) ->
                states.merge(
                    Labels.of(
                        "device",
                        labels.get("device"),
                        "mountpoint",
                        labels.get("mountpoint"),
                        "type",
                        labels.get("type")),
                    value,
                    Double::sum));
    assertThat(states.keySet()).isEqualTo(sizes.keySet());
    states.forEach((fs, total) -> assertThat(total).as("%s", fs).isEqualTo(sizes.get(fs)));
  }

  static Map<String, MetricSnapshot> byName(MetricSnapshots snapshots) {
    Map<String, MetricSnapshot> result = new HashMap<>();
    snapshots.forEach(s -> result.put(s.getMetadata().getName(), s));
    return result;
  }

  private static Map<Labels, Double> points(MetricSnapshot snapshot) {
    Map<Labels, Double> result = new HashMap<>();
    if (snapshot instanceof CounterSnapshot counter) {
      counter.getDataPoints().forEach(p -> result.put(p.getLabels(), p.getValue()));
    } else if (snapshot instanceof GaugeSnapshot gauge) {
      for (GaugeDataPointSnapshot p : gauge.getDataPoints()) {
        result.put(p.getLabels(), p.getValue());
      }
    }
    return result;
  }

  private static List<Double> values(Map<String, MetricSnapshot> scrape) {
    return scrape.values().stream().flatMap(s -> points(s).values().stream()).toList();
  }

  private static List<String> labelValues(
      Map<String, MetricSnapshot> scrape, String family, String label) {
    return points(scrape.get(family)).keySet().stream().map(l -> l.get(label)).toList();
  }

  private static double gauge(Map<String, MetricSnapshot> scrape, String family, Labels labels) {
    Double value = points(scrape.get(family)).get(labels);
    assertThat(value).as("%s%s", family, labels).isNotNull();
    return value;
  }

  private static double sum(Map<String, MetricSnapshot> scrape, String family) {
    return points(scrape.get(family)).values().stream().mapToDouble(Double::doubleValue).sum();
  }
}
