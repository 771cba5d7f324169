package io.zeromon.agent.metrics.host;

import java.util.List;

/**
 * What the collector reads from the host, in plain values. The OSHI implementation is the only
 * class that touches OSHI, so tests can substitute a fake and OSHI loads on the first scrape only.
 * Any method may throw, and the list and task reads may return null; the collector skips what
 * failed.
 */
interface HostSource {

  /** Milliseconds per CPU state since boot, indexed like {@link CpuMetrics#STATES}. */
  long[] cpuTicksMillis();

  /** The same per logical CPU: {@code [cpu][state]}. */
  long[][] perCpuTicksMillis();

  int logicalCpuCount();

  int physicalCpuCount();

  /** 1, 5 and 15 minute load averages; a negative element means unavailable on this OS. */
  double[] loadAverage();

  Readings.Memory memory();

  List<Readings.Interface> interfaces();

  List<Readings.Disk> disks();

  List<Readings.FileStore> fileStores();

  Readings.Tasks tasks();

  long uptimeSeconds();
}
