package io.zeromon.agent.metrics.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricFamilyDescriptor;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HostCollectorTest {

  private static List<String> names(MetricSnapshots snapshots) {
    return snapshots.stream()
        .map(s -> s.getMetadata().getPrometheusName())
        .collect(Collectors.toList());
  }

  @Test
  void buildsTheSourceOnTheFirstScrapeNotAtRegistration() {
    AtomicInteger built = new AtomicInteger();
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register(
        new HostCollector(
            HostMetricsSettings.defaults(),
            () -> {
              built.incrementAndGet();
              return new FakeSource();
            }));
    assertThat(built).hasValue(0);

    registry.scrape();
    registry.scrape();

    assertThat(built).hasValue(1);
  }

  @Test
  void aFailingSourceLeavesOnlyItsOwnFamiliesOut() {
    FakeSource fake = new FakeSource();
    fake.networkFailure = new IllegalStateException("no /sys/class/net");
    HostCollector collector = new HostCollector(HostMetricsSettings.defaults(), () -> fake);

    List<String> names = names(collector.collect());

    assertThat(names).noneMatch(n -> n.startsWith("system_network_"));
    assertThat(names)
        .contains(
            "system_cpu_time_seconds",
            "system_memory_usage_bytes",
            "system_disk_io_bytes",
            "system_filesystem_usage_bytes",
            "system_processes",
            "system_uptime_seconds");
  }

  @Test
  void aFailingCpuReadDropsTheWholeCpuSectionOnly() {
    FakeSource fake = new FakeSource();
    fake.cpuFailure = new UnsupportedOperationException("no ticks");
    HostCollector collector = new HostCollector(HostMetricsSettings.defaults(), () -> fake);

    List<String> names = names(collector.collect());

    assertThat(names).noneMatch(n -> n.startsWith("system_cpu_"));
    assertThat(names).contains("system_network_io_bytes", "system_memory_limit_bytes");
  }

  @Test
  void aHostOshiCannotReadYieldsAnEmptyScrapeAndIsNotRetried() {
    AtomicInteger attempts = new AtomicInteger();
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register(
        new HostCollector(
            HostMetricsSettings.defaults(),
            () -> {
              attempts.incrementAndGet();
              throw new UnsatisfiedLinkError("jnidispatch");
            }));

    assertThat(registry.scrape().size()).isZero();
    assertThat(registry.scrape().size()).isZero();
    assertThat(attempts).hasValue(1);
  }

  @Test
  void aFailedCachedReadIsSkippedLikeAThrowingOne() {
    FakeSource fake = new FakeSource();
    fake.networkFailure = new IllegalStateException("boom");
    HostCollector collector =
        new HostCollector(
            HostMetricsSettings.defaults(), () -> new CachedSource(fake, 1_000_000_000L, () -> 0));

    assertThat(names(collector.collect()))
        .noneMatch(n -> n.startsWith("system_network_"))
        .contains("system_disk_io_bytes");
  }

  @Test
  void perCpuTimeReplacesTheAggregateSoThatSumsStayRight() {
    HostMetricsSettings settings = HostMetricsSettings.builder().perCpu(true).build();
    HostCollector collector = new HostCollector(settings, FakeSource::new);

    MetricSnapshot time =
        collector.collect().stream()
            .filter(s -> s.getMetadata().getName().equals("system_cpu_time_seconds"))
            .findFirst()
            .orElseThrow();

    assertThat(time.getDataPoints()).hasSize(2 * CpuMetrics.STATES.length);
    assertThat(time.getDataPoints()).allMatch(p -> p.getLabels().contains("cpu"));
  }

  @Test
  void declaresEveryNameItCanProduce() {
    FakeSource fake = new FakeSource();
    HostCollector collector = new HostCollector(HostMetricsSettings.defaults(), () -> fake);
    collector.collect();
    fake.ticks[0] += 100;

    List<String> declared =
        collector.getMetricFamilyDescriptors().stream()
            .map(MetricFamilyDescriptor::getPrometheusName)
            .collect(Collectors.toList());

    assertThat(declared).containsAll(names(collector.collect())).doesNotHaveDuplicates();
  }

  @Test
  void theRegistryKnowsTheFamiliesAndRejectsASecondCollectorWithThem() {
    PrometheusRegistry registry = new PrometheusRegistry();
    HostMetrics.register(registry, HostMetricsSettings.defaults());

    assertThatThrownBy(() -> HostMetrics.register(registry, HostMetricsSettings.defaults()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
