package io.zeromon.agent.metrics.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs against this machine's own /proc and /sys; skips only where there is no cgroup at all. */
class ContainerMetricsLiveTest {

  @Test
  void liveCgroupGivesSaneValues() {
    CgroupFiles files = CgroupFiles.locate(Path.of("/"));
    if (files == null) {
      System.out.println("ContainerMetricsLiveTest skipped: no cgroup for this process");
    }
    assumeTrue(files != null, "no cgroup for this process (not Linux, or /sys not mounted)");
    PrometheusRegistry registry = new PrometheusRegistry();

    assertThat(ContainerMetrics.register(registry)).isTrue();
    Map<String, Double> samples = Scrapes.samples(registry);
    System.out.println(
        "live cgroup " + (files.isV2() ? "v2 " + files.directory("") : "v1") + ": " + samples);

    assertThat(samples).isNotEmpty();
    assertThat(samples.values()).allSatisfy(value -> assertThat(value).isNotNegative());
    assertThat(samples).containsKey("container_cpu_usage_seconds_total");
    Double usage = samples.get("container_memory_usage_bytes");
    Double workingSet = samples.get("container_memory_working_set_bytes");
    if (usage != null) {
      assertThat(workingSet).isNotNull().isLessThanOrEqualTo(usage);
    }
    Double limit = samples.get("container_spec_memory_limit_bytes");
    if (usage != null && limit != null && limit > 0) {
      assertThat(usage).isLessThanOrEqualTo(limit);
    }
  }
}
