package io.zeromon.agent.metrics.host;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * Caches the reads that cost milliseconds (device and mount enumeration, /proc listing) for the
 * configured TTL; CPU, memory, load and uptime pass through, OSHI memoizes them for 300 ms.
 */
final class CachedSource implements HostSource {

  private final HostSource delegate;
  private final Ttl<List<Readings.Interface>> interfaces;
  private final Ttl<List<Readings.Disk>> disks;
  private final Ttl<List<Readings.FileStore>> fileStores;
  private final Ttl<Readings.Tasks> tasks;

  CachedSource(HostSource delegate, long ttlNanos, LongSupplier nanoClock) {
    this.delegate = delegate;
    this.interfaces = new Ttl<>("network interfaces", delegate::interfaces, ttlNanos, nanoClock);
    this.disks = new Ttl<>("disk stores", delegate::disks, ttlNanos, nanoClock);
    this.fileStores = new Ttl<>("file systems", delegate::fileStores, ttlNanos, nanoClock);
    this.tasks = new Ttl<>("process counts", delegate::tasks, ttlNanos, nanoClock);
  }

  @Override
  public long[] cpuTicksMillis() {
    return delegate.cpuTicksMillis();
  }

  @Override
  public long[][] perCpuTicksMillis() {
    return delegate.perCpuTicksMillis();
  }

  @Override
  public int logicalCpuCount() {
    return delegate.logicalCpuCount();
  }

  @Override
  public int physicalCpuCount() {
    return delegate.physicalCpuCount();
  }

  @Override
  public double[] loadAverage() {
    return delegate.loadAverage();
  }

  @Override
  public Readings.Memory memory() {
    return delegate.memory();
  }

  /** Null when the read failed. */
  @Override
  public List<Readings.Interface> interfaces() {
    return interfaces.get();
  }

  /** Null when the read failed. */
  @Override
  public List<Readings.Disk> disks() {
    return disks.get();
  }

  /** Null when the read failed. */
  @Override
  public List<Readings.FileStore> fileStores() {
    return fileStores.get();
  }

  /** Null when the read failed. */
  @Override
  public Readings.Tasks tasks() {
    return tasks.get();
  }

  @Override
  public long uptimeSeconds() {
    return delegate.uptimeSeconds();
  }
}
