package io.zeromon.agent.metrics.host;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;
import oshi.hardware.VirtualMemory;
import oshi.software.os.OSFileStore;
import oshi.software.os.OperatingSystem;

/**
 * Host readings through OSHI. Constructing it loads OSHI and JNA (a few hundred milliseconds),
 * which is why the collector builds it on the first scrape, on the scrape thread. OSHI itself
 * memoizes CPU ticks and memory for 300 ms; the slower lists are cached by {@link CachedSource}.
 */
final class OshiHostSource implements HostSource {

  private static final String DEV = "/dev/";

  private final HardwareAbstractionLayer hardware;
  private final OperatingSystem os;
  private final CentralProcessor processor;
  private final GlobalMemory memory;

  OshiHostSource() {
    SystemInfo systemInfo = new SystemInfo();
    this.hardware = systemInfo.getHardware();
    this.os = systemInfo.getOperatingSystem();
    this.processor = hardware.getProcessor();
    this.memory = hardware.getMemory();
  }

  @Override
  public long[] cpuTicksMillis() {
    return processor.getSystemCpuLoadTicks();
  }

  @Override
  public long[][] perCpuTicksMillis() {
    return processor.getProcessorCpuLoadTicks();
  }

  @Override
  public int logicalCpuCount() {
    return processor.getLogicalProcessorCount();
  }

  @Override
  public int physicalCpuCount() {
    return processor.getPhysicalProcessorCount();
  }

  @Override
  public double[] loadAverage() {
    return processor.getSystemLoadAverage(3);
  }

  @Override
  public Readings.Memory memory() {
    VirtualMemory swap = memory.getVirtualMemory();
    return new Readings.Memory(
        memory.getTotal(), memory.getAvailable(), swap.getSwapTotal(), swap.getSwapUsed());
  }

  @Override
  public List<Readings.Interface> interfaces() {
    // true: loopback too, so that the name filter alone decides (include=lo brings it back)
    List<NetworkIF> found = hardware.getNetworkIFs(true);
    List<Readings.Interface> result = new ArrayList<>(found.size());
    for (NetworkIF n : found) {
      result.add(
          new Readings.Interface(
              text(n.getName()),
              n.getBytesRecv(),
              n.getBytesSent(),
              n.getPacketsRecv(),
              n.getPacketsSent(),
              n.getInErrors(),
              n.getOutErrors(),
              n.getInDrops()));
    }
    return result;
  }

  @Override
  public List<Readings.Disk> disks() {
    List<HWDiskStore> found = hardware.getDiskStores();
    List<Readings.Disk> result = new ArrayList<>(found.size());
    for (HWDiskStore d : found) {
      // "sda", not "/dev/sda": the device name other collectors (and dashboards) use
      String name = text(d.getName());
      name = name.startsWith(DEV) ? name.substring(DEV.length()) : name;
      result.add(
          new Readings.Disk(
              name, d.getReads(), d.getReadBytes(), d.getWrites(), d.getWriteBytes()));
    }
    return result;
  }

  @Override
  public List<Readings.FileStore> fileStores() {
    // local only: statvfs on a hung NFS/CIFS mount would stall the scrape thread
    List<OSFileStore> found = os.getFileSystem().getFileStores(true);
    List<Readings.FileStore> result = new ArrayList<>(found.size());
    for (OSFileStore f : found) {
      String mount = text(f.getMount());
      if (!new File(mount).isDirectory()) {
        continue; // a file bind-mounted into a container (/etc/hosts), not a file system
      }
      result.add(
          new Readings.FileStore(
              text(f.getVolume()),
              mount,
              text(f.getType()),
              f.getTotalSpace(),
              f.getFreeSpace(),
              f.getUsableSpace(),
              f.getTotalInodes(),
              f.getFreeInodes()));
    }
    return result;
  }

  @Override
  public Readings.Tasks tasks() {
    // counts only: per-process state needs OSHI to read several /proc files per process
    return new Readings.Tasks(os.getProcessCount(), os.getThreadCount());
  }

  @Override
  public long uptimeSeconds() {
    return os.getSystemUptime();
  }

  /** A label value: Labels reject null, and one odd device must not cost the whole section. */
  private static String text(String value) {
    return value == null ? "" : value;
  }
}
