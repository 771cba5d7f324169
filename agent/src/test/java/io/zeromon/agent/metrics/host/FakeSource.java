package io.zeromon.agent.metrics.host;

import java.util.List;

/** A fixed host: 2 CPUs, eth0 + lo + a veth, a disk and a loop device, / and a tmpfs. */
class FakeSource implements HostSource {

  long[] ticks = {1000, 0, 500, 8000, 100, 0, 20, 0};
  RuntimeException cpuFailure;
  RuntimeException networkFailure;

  @Override
  public long[] cpuTicksMillis() {
    if (cpuFailure != null) {
      throw cpuFailure;
    }
    return ticks.clone();
  }

  @Override
  public long[][] perCpuTicksMillis() {
    return new long[][] {{600, 0, 300, 4000, 50, 0, 10, 0}, {400, 0, 200, 4000, 50, 0, 10, 0}};
  }

  @Override
  public int logicalCpuCount() {
    return 2;
  }

  @Override
  public int physicalCpuCount() {
    return 1;
  }

  @Override
  public double[] loadAverage() {
    return new double[] {0.5, 0.25, -1};
  }

  @Override
  public Readings.Memory memory() {
    return new Readings.Memory(8000, 6000, 1000, 300);
  }

  @Override
  public List<Readings.Interface> interfaces() {
    if (networkFailure != null) {
      throw networkFailure;
    }
    return List.of(
        new Readings.Interface("lo", 10, 10, 1, 1, 0, 0, 0),
        new Readings.Interface("veth1a2b", 5, 5, 1, 1, 0, 0, 0),
        new Readings.Interface("eth0", 2000, 1000, 20, 10, 1, 2, 3));
  }

  @Override
  public List<Readings.Disk> disks() {
    return List.of(
        new Readings.Disk("sda", 4, 4096, 2, 8192), new Readings.Disk("loop0", 1, 512, 0, 0));
  }

  @Override
  public List<Readings.FileStore> fileStores() {
    return List.of(
        new Readings.FileStore("/dev/sda1", "/", "ext4", 1000, 300, 250, 100, 40),
        new Readings.FileStore("tmpfs", "/tmp", "tmpfs", 500, 500, 500, 10, 10));
  }

  @Override
  public Readings.Tasks tasks() {
    return new Readings.Tasks(120, 480);
  }

  @Override
  public long uptimeSeconds() {
    return 3600;
  }
}
