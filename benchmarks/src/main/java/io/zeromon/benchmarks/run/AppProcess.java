package io.zeromon.benchmarks.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The benchmarked JVM: started pinned to its core, polled until it serves, stopped politely. */
final class AppProcess implements AutoCloseable {

  private final Process process;
  private final long launchNanos;

  private AppProcess(Process process, long launchNanos) {
    this.process = process;
    this.launchNanos = launchNanos;
  }

  /** {@code taskset -c CPU java FLAGS -cp CLASSPATH MAIN ARGS}, output to {@code log}. */
  static AppProcess start(
      String cpu, Path java, List<String> jvmArgs, String classpath, Path log, String... main)
      throws IOException {
    List<String> command = new ArrayList<>();
    if (cpu != null) {
      command.addAll(List.of("taskset", "-c", cpu));
    }
    command.add(java.toString());
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(classpath);
    command.addAll(List.of(main));
    Files.createDirectories(log.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    long launch = System.nanoTime();
    return new AppProcess(builder.start(), launch);
  }

  /** Nanoseconds from launch to the first 200 from {@code url}. */
  long awaitFirstResponse(String url, long timeoutMillis) throws IOException, InterruptedException {
    long deadline = launchNanos + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("the application exited with " + process.exitValue());
      }
      try {
        if (Http.get(url, 2_000).status() == 200) {
          return System.nanoTime() - launchNanos;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(2);
    }
    throw new IOException("no answer from " + url + " within " + timeoutMillis + " ms");
  }

  long pid() {
    return process.pid();
  }

  /** Resident set size from /proc, in bytes. */
  long rssBytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IOException("no VmRSS for " + pid());
  }

  /**
   * CPU time the process used so far (all its threads, exited ones included), from
   * /proc/PID/stat utime + stime: robust to other load on the machine, unlike wall time.
   */
  double cpuMillis() throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // fields after the command: state(3) ... utime(14) stime(15), so index 11 and 12 here
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return ticks * 1000.0 / CLOCK_TICKS;
  }

  /** USER_HZ; 100 on every Linux we run on. */
  private static final int CLOCK_TICKS = 100;

  /** SIGTERM, so that agents flush their span queues in their shutdown hooks. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
