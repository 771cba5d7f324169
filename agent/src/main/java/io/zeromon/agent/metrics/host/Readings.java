package io.zeromon.agent.metrics.host;

/** Immutable values read from the host; fields are raw OSHI figures in base units. */
final class Readings {

  private Readings() {}

  /** Physical memory and swap, in bytes. */
  static final class Memory {
    final long total;
    final long available;
    final long swapTotal;
    final long swapUsed;

    Memory(long total, long available, long swapTotal, long swapUsed) {
      this.total = total;
      this.available = available;
      this.swapTotal = swapTotal;
      this.swapUsed = swapUsed;
    }
  }

  /** One network interface's counters since boot (or since the interface appeared). */
  static final class Interface {
    final String name;
    final long bytesReceived;
    final long bytesSent;
    final long packetsReceived;
    final long packetsSent;
    final long errorsIn;
    final long errorsOut;
    final long dropsIn;

    Interface(
        String name,
        long bytesReceived,
        long bytesSent,
        long packetsReceived,
        long packetsSent,
        long errorsIn,
        long errorsOut,
        long dropsIn) {
      this.name = name;
      this.bytesReceived = bytesReceived;
      this.bytesSent = bytesSent;
      this.packetsReceived = packetsReceived;
      this.packetsSent = packetsSent;
      this.errorsIn = errorsIn;
      this.errorsOut = errorsOut;
      this.dropsIn = dropsIn;
    }
  }

  /** One block device's counters since boot. */
  static final class Disk {
    final String name;
    final long reads;
    final long readBytes;
    final long writes;
    final long writeBytes;

    Disk(String name, long reads, long readBytes, long writes, long writeBytes) {
      this.name = name;
      this.reads = reads;
      this.readBytes = readBytes;
      this.writes = writes;
      this.writeBytes = writeBytes;
    }
  }

  /** One mounted file system; {@code free} counts root-reserved blocks, {@code usable} not. */
  static final class FileStore {
    final String device;
    final String mountPoint;
    final String type;
    final long total;
    final long free;
    final long usable;
    final long totalInodes;
    final long freeInodes;

    FileStore(
        String device,
        String mountPoint,
        String type,
        long total,
        long free,
        long usable,
        long totalInodes,
        long freeInodes) {
      this.device = device;
      this.mountPoint = mountPoint;
      this.type = type;
      this.total = total;
      this.free = free;
      this.usable = usable;
      this.totalInodes = totalInodes;
      this.freeInodes = freeInodes;
    }
  }

  /** Process and thread counts. */
  static final class Tasks {
    final int processes;
    final int threads;

    Tasks(int processes, int threads) {
      this.processes = processes;
      this.threads = threads;
    }
  }
}
