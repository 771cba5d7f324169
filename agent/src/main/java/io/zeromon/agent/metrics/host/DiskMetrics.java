package io.zeromon.agent.metrics.host;

import io.prometheus.metrics.model.snapshots.MetricFamilyDescriptor;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Per-disk I/O counters (whole disks: OSHI reports no counters per partition). */
final class DiskMetrics implements Section {

  private static final MetricFamilyDescriptor IO =
      Family.counter(
          "system_disk_io_bytes",
          "Bytes read from and written to each disk.",
          Unit.BYTES,
          "device",
          "direction");
  private static final MetricFamilyDescriptor OPERATIONS =
      Family.counter(
          "system_disk_operations",
          "Read and write operations completed.",
          null,
          "device",
          "direction");

  private final NameFilter filter;

  DiskMetrics(NameFilter filter) {
    this.filter = filter;
  }

  @Override
  public List<MetricFamilyDescriptor> families() {
    return Arrays.asList(IO, OPERATIONS);
  }

  @Override
  public void collect(HostSource source, List<MetricSnapshot> out) {
    List<Readings.Disk> all = source.disks();
    if (all == null) {
      return;
    }
    Map<String, Readings.Disk> kept = new TreeMap<>();
    for (Readings.Disk d : all) {
      if (filter.accepts(d.name)) {
        kept.putIfAbsent(d.name, d);
      }
    }
    Family io = Family.of(IO);
    Family operations = Family.of(OPERATIONS);
    for (Readings.Disk d : Devices.first(kept.values())) {
      io.add(d.readBytes, "device", d.name, "direction", "read");
      io.add(d.writeBytes, "device", d.name, "direction", "write");
      operations.add(d.reads, "device", d.name, "direction", "read");
      operations.add(d.writes, "device", d.name, "direction", "write");
    }
    io.addTo(out);
    operations.addTo(out);
  }
}
