package io.zeromon.agent.metrics.host;

import io.prometheus.metrics.model.snapshots.MetricFamilyDescriptor;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Space and inodes of local file systems; see {@link #select} for which mounts count. */
final class FileSystemMetrics implements Section {

  private static final MetricFamilyDescriptor USAGE =
      Family.gauge(
          "system_filesystem_usage_bytes",
          "File system space by state; reserved is free space only root may use.",
          Unit.BYTES,
          "device",
          "mountpoint",
          "type",
          "state");
  private static final MetricFamilyDescriptor LIMIT =
      Family.gauge(
          "system_filesystem_limit_bytes",
          "File system size.",
          Unit.BYTES,
          "device",
          "mountpoint",
          "type");
  private static final MetricFamilyDescriptor INODES =
      Family.gauge(
          "system_filesystem_inodes_usage",
          "File system inodes by state.",
          null,
          "device",
          "mountpoint",
          "type",
          "state");

  private final Set<String> typeExcludes;

  FileSystemMetrics(Collection<String> typeExcludes) {
    this.typeExcludes = new HashSet<>(typeExcludes);
  }

  @Override
  public List<MetricFamilyDescriptor> families() {
    return Arrays.asList(USAGE, LIMIT, INODES);
  }

  @Override
  public void collect(HostSource source, List<MetricSnapshot> out) {
    List<Readings.FileStore> all = source.fileStores();
    if (all == null) {
      return;
    }
    Family usage = Family.of(USAGE);
    Family limit = Family.of(LIMIT);
    Family inodes = Family.of(INODES);
    for (Readings.FileStore f : select(all, typeExcludes)) {
      String[] ids = {"device", f.device, "mountpoint", f.mountPoint, "type", f.type};
      long free = clamp(f.free, f.total);
      long usable = clamp(f.usable, free);
      usage.add(f.total - free, with(ids, "state", "used"));
      usage.add(usable, with(ids, "state", "free"));
      usage.add(free - usable, with(ids, "state", "reserved"));
      limit.add(f.total, ids);
      if (f.totalInodes > 0) { // btrfs and some others have no fixed inode table
        long freeInodes = clamp(f.freeInodes, f.totalInodes);
        inodes.add(f.totalInodes - freeInodes, with(ids, "state", "used"));
        inodes.add(freeInodes, with(ids, "state", "free"));
      }
    }
    usage.addTo(out);
    limit.addTo(out);
    inodes.addTo(out);
  }

  /**
   * Mounts worth a series: not of an excluded type (the root mount always stays: in a container it
   * is an overlay and the only disk the application writes to), not empty, one per mount point (the
   * last listed is the one visible), and one per block device, at its shortest mount point, since
   * bind mounts of a device repeat the same figures.
   */
  static List<Readings.FileStore> select(List<Readings.FileStore> all, Set<String> typeExcludes) {
    Map<String, Readings.FileStore> byMount = new TreeMap<>();
    for (Readings.FileStore f : all) {
      boolean root = "/".equals(f.mountPoint);
      if (f.total > 0 && (root || !typeExcludes.contains(f.type))) {
        byMount.put(f.mountPoint, f);
      }
    }
    Map<String, Readings.FileStore> byDevice = new HashMap<>();
    List<Readings.FileStore> result = new ArrayList<>();
    for (Readings.FileStore f : byMount.values()) {
      if (!f.device.startsWith("/dev/")) {
        result.add(f); // "tmpfs", "overlay", zfs datasets: the name says nothing about identity
        continue;
      }
      Readings.FileStore seen = byDevice.get(f.device);
      if (seen == null || f.mountPoint.length() < seen.mountPoint.length()) {
        byDevice.put(f.device, f);
      }
    }
    result.addAll(byDevice.values());
    result.sort((a, b) -> a.mountPoint.compareTo(b.mountPoint));
    return Devices.first(result);
  }

  private static long clamp(long value, long max) {
    return Math.max(0, Math.min(value, max));
  }

  private static String[] with(String[] ids, String name, String value) {
    String[] labels = Arrays.copyOf(ids, ids.length + 2);
    labels[ids.length] = name;
    labels[ids.length + 1] = value;
    return labels;
  }
}
