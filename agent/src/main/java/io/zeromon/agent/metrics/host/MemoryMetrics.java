package io.zeromon.agent.metrics.host;

import io.prometheus.metrics.model.snapshots.MetricFamilyDescriptor;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.Arrays;
import java.util.List;

/**
 * Physical memory and swap. OSHI gives total and available only, so the memory states are {@code
 * used} (total - available) and {@code free} (= available: on Linux MemAvailable, which counts
 * reclaimable page cache as free); both sum to the limit.
 */
final class MemoryMetrics implements Section {

  private static final MetricFamilyDescriptor USAGE =
      Family.gauge(
          "system_memory_usage_bytes",
          "Physical memory by state; free is what new processes can get without swapping.",
          Unit.BYTES,
          "state");
  private static final MetricFamilyDescriptor LIMIT =
      Family.gauge("system_memory_limit_bytes", "Total physical memory.", Unit.BYTES);
  private static final MetricFamilyDescriptor PAGING =
      Family.gauge(
          "system_paging_usage_bytes",
          "Swap space by state; both zero when there is no swap.",
          Unit.BYTES,
          "state");

  @Override
  public List<MetricFamilyDescriptor> families() {
    return Arrays.asList(USAGE, LIMIT, PAGING);
  }

  @Override
  public void collect(HostSource source, List<MetricSnapshot> out) {
    Readings.Memory m = source.memory();
    long available = Math.min(m.available, m.total);
    Family.of(USAGE)
        .add(m.total - available, "state", "used")
        .add(available, "state", "free")
        .addTo(out);
    Family.of(LIMIT).add(m.total).addTo(out);
    long swapUsed = Math.min(m.swapUsed, m.swapTotal);
    Family.of(PAGING)
        .add(swapUsed, "state", "used")
        .add(m.swapTotal - swapUsed, "state", "free")
        .addTo(out);
  }
}
