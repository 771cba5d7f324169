package io.zeromon.agent.metrics.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerMetricsTest {

  private final PrometheusRegistry registry = new PrometheusRegistry();

  @Test
  void v2Limited() {
    assertThat(ContainerMetrics.register(registry, Scrapes.fixture("v2-limited"))).isTrue();

    assertThat(Scrapes.samples(registry))
        .containsOnly(
            entry("container_cpu_usage_seconds_total", 12.345678),
            entry("container_cpu_cfs_periods_total", 4200.0),
            entry("container_cpu_cfs_throttled_periods_total", 150.0),
            entry("container_cpu_cfs_throttled_seconds_total", 2.5),
            entry("container_spec_cpu_quota", 50000.0),
            entry("container_spec_cpu_period", 100000.0),
            entry("container_memory_usage_bytes", 134217728.0),
            entry("container_memory_working_set_bytes", 134217728.0 - 33554432.0),
            entry("container_spec_memory_limit_bytes", 536870912.0),
            entry("container_oom_events_total", 1.0),
            entry("container_threads", 37.0));
  }

  @Test
  void v2UnlimitedReadsTheProcessCgroupNotTheRoot() {
    assertThat(ContainerMetrics.register(registry, Scrapes.fixture("v2-unlimited"))).isTrue();

    Map<String, Double> samples = Scrapes.samples(registry);

    assertThat(samples)
        .contains(
            entry("container_cpu_usage_seconds_total", 7.5),
            entry("container_cpu_cfs_periods_total", 0.0),
            entry("container_spec_cpu_period", 100000.0),
            entry("container_memory_usage_bytes", 268435456.0),
            entry("container_memory_working_set_bytes", 268435456.0 - 67108864.0),
            entry("container_spec_memory_limit_bytes", 0.0),
            entry("container_oom_events_total", 0.0),
            entry("container_threads", 12.0));
    assertThat(samples).doesNotContainKey("container_spec_cpu_quota").hasSize(10);
  }

  @Test
  void v1Limited() {
    assertThat(ContainerMetrics.register(registry, Scrapes.fixture("v1-limited"))).isTrue();

    assertThat(Scrapes.samples(registry))
        .containsOnly(
            entry("container_cpu_usage_seconds_total", 42.5),
            entry("container_cpu_cfs_periods_total", 9000.0),
            entry("container_cpu_cfs_throttled_periods_total", 320.0),
            entry("container_cpu_cfs_throttled_seconds_total", 8.123456789),
            entry("container_spec_cpu_quota", 150000.0),
            entry("container_spec_cpu_period", 100000.0),
            entry("container_memory_usage_bytes", 402653184.0),
            // total_inactive_file (104857600), not the cgroup-local inactive_file
            entry("container_memory_working_set_bytes", 402653184.0 - 104857600.0),
            entry("container_spec_memory_limit_bytes", 1073741824.0),
            entry("container_oom_events_total", 3.0),
            entry("container_threads", 58.0));
  }

  @Test
  void v1UnlimitedOnAHybridHost() {
    assertThat(ContainerMetrics.register(registry, Scrapes.fixture("v1-unlimited"))).isTrue();

    Map<String, Double> samples = Scrapes.samples(registry);

    assertThat(samples)
        .containsOnly(
            // cpuacct.usage in nanoseconds, not the v2 tree's cpu.stat mounted beside it
            entry("container_cpu_usage_seconds_total", 60.363496557),
            entry("container_cpu_cfs_periods_total", 0.0),
            entry("container_cpu_cfs_throttled_periods_total", 0.0),
            entry("container_cpu_cfs_throttled_seconds_total", 0.0),
            entry("container_spec_cpu_period", 100000.0),
            entry("container_memory_usage_bytes", 14237696.0),
            entry("container_memory_working_set_bytes", 14237696.0 - 2002944.0),
            entry("container_spec_memory_limit_bytes", 0.0),
            entry("container_oom_events_total", 0.0));
    // quota -1 means none; the root pids cgroup has no pids.current: both simply absent
  }

  @Test
  void textExpositionNamesTypesAndHelp() {
    ContainerMetrics.register(registry, Scrapes.fixture("v2-limited"));

    String text = Scrapes.text(registry);

    assertThat(text)
        .contains("# TYPE container_cpu_usage_seconds_total counter\n")
        .contains("# TYPE container_oom_events_total counter\n")
        .contains("# TYPE container_spec_cpu_quota gauge\n")
        .contains("# TYPE container_threads gauge\n")
        .contains("# HELP container_spec_cpu_quota CPU quota in microseconds")
        .contains("# HELP container_spec_memory_limit_bytes Memory limit of the cgroup; 0 when")
        .contains("\ncontainer_cpu_usage_seconds_total 12.345678\n");
  }

  @Test
  void noCgroupRegistersNothing(@TempDir Path empty) {
    assertThat(ContainerMetrics.register(registry, empty)).isFalse();
    assertThat(ContainerMetrics.register(registry, empty.resolve("missing"))).isFalse();

    assertThat(registry.scrape().size()).isZero();
  }

  @Test
  void aTakenNameLeavesNoHalfRegistrationAndDoesNotThrow() {
    Gauge.builder().name("container_threads").help("someone else's").register(registry);

    assertThat(ContainerMetrics.register(registry, Scrapes.fixture("v2-limited"))).isFalse();

    assertThat(registry.scrape().size()).isEqualTo(1);
  }

  @Test
  void filesVanishingAfterRegistrationGiveNoSamples(@TempDir Path root) throws Exception {
    Path cgroup = root.resolve("sys/fs/cgroup");
    java.nio.file.Files.createDirectories(cgroup);
    java.nio.file.Files.createDirectories(root.resolve("proc/self"));
    java.nio.file.Files.writeString(root.resolve("proc/self/cgroup"), "0::/\n");
    java.nio.file.Files.writeString(
        root.resolve("proc/self/mountinfo"),
        "30 23 0:26 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n");
    java.nio.file.Files.writeString(cgroup.resolve("memory.current"), "garbage");

    assertThat(ContainerMetrics.register(registry, root)).isTrue();

    assertThat(Scrapes.samples(registry)).isEmpty();
  }
}
