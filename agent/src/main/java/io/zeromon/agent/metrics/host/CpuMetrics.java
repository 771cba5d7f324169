package io.zeromon.agent.metrics.host;

import io.prometheus.metrics.model.snapshots.MetricFamilyDescriptor;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.Arrays;
import java.util.List;

/** CPU time per state, utilization between scrapes, CPU counts and load averages. */
final class CpuMetrics implements Section {

  /**
   * OSHI's TickType order, named after OpenTelemetry's {@code cpu.mode} values where it has one
   * (iowait, interrupt); softirq as the Collector's hostmetrics receiver names it.
   */
  static final String[] STATES = {
    "user", "nice", "system", "idle", "iowait", "interrupt", "softirq", "steal"
  };

  private static final MetricFamilyDescriptor UTILIZATION =
      Family.gauge(
          "system_cpu_utilization_ratio",
          "Share of CPU time in each state since the previous scrape, 0 to 1, all CPUs.",
          Unit.RATIO,
          "state");
  private static final MetricFamilyDescriptor LOGICAL =
      Family.gauge("system_cpu_logical_cpus", "Number of logical CPUs (hardware threads).", null);
  private static final MetricFamilyDescriptor PHYSICAL =
      Family.gauge("system_cpu_physical_cores", "Number of physical CPU cores.", null);
  private static final MetricFamilyDescriptor[] LOAD = {
    load("1m", "1 minute"), load("5m", "5 minutes"), load("15m", "15 minutes")
  };

  private final boolean perCpu;
  private final MetricFamilyDescriptor time;
  // utilization needs the previous scrape's ticks; the collector serializes scrapes
  private long[] previousTicks;
  private double[] lastRatios;

  CpuMetrics(boolean perCpu) {
    this.perCpu = perCpu;
    String help =
        perCpu
            ? "CPU time per logical CPU and state since boot."
            : "CPU time per state since boot, summed over all logical CPUs.";
    String[] labels = perCpu ? new String[] {"cpu", "state"} : new String[] {"state"};
    this.time = Family.counter("system_cpu_time_seconds", help, Unit.SECONDS, labels);
  }

  private static MetricFamilyDescriptor load(String suffix, String window) {
    return Family.gauge(
        "system_cpu_load_average_" + suffix,
        "Run queue length averaged over " + window + ".",
        null);
  }

  @Override
  public List<MetricFamilyDescriptor> families() {
    return Arrays.asList(time, UTILIZATION, LOGICAL, PHYSICAL, LOAD[0], LOAD[1], LOAD[2]);
  }

  @Override
  public void collect(HostSource source, List<MetricSnapshot> out) {
    long[] ticks = source.cpuTicksMillis();
    Family times = Family.of(time);
    if (perCpu) {
      long[][] perCpuTicks = source.perCpuTicksMillis();
      for (int cpu = 0; cpu < perCpuTicks.length; cpu++) {
        addTimes(times, perCpuTicks[cpu], "cpu" + cpu);
      }
    } else {
      addTimes(times, ticks, null);
    }
    times.addTo(out);
    utilization(ticks).addTo(out);
    Family.of(LOGICAL).add(source.logicalCpuCount()).addTo(out);
    Family.of(PHYSICAL).add(source.physicalCpuCount()).addTo(out);
    double[] load = source.loadAverage();
    for (int i = 0; i < LOAD.length && i < load.length; i++) {
      if (load[i] >= 0) { // OSHI returns a negative value where the OS has no load average
        Family.of(LOAD[i]).add(load[i]).addTo(out);
      }
    }
  }

  private static void addTimes(Family times, long[] millis, String cpu) {
    for (int s = 0; s < STATES.length && s < millis.length; s++) {
      double seconds = millis[s] / 1000.0;
      if (cpu == null) {
        times.add(seconds, "state", STATES[s]);
      } else {
        times.add(seconds, "cpu", cpu, "state", STATES[s]);
      }
    }
  }

  /** Share of each state in the ticks since the previous scrape; absent on the first scrape. */
  private Family utilization(long[] ticks) {
    Family family = Family.of(UTILIZATION);
    if (previousTicks != null) {
      long[] delta = new long[Math.min(ticks.length, previousTicks.length)];
      long total = 0;
      for (int s = 0; s < delta.length; s++) {
        delta[s] = Math.max(0, ticks[s] - previousTicks[s]);
        total += delta[s];
      }
      // no tick elapsed (scrapes closer than OSHI's 300 ms memo): keep the last figures
      if (total > 0) {
        lastRatios = new double[delta.length];
        for (int s = 0; s < delta.length; s++) {
          lastRatios[s] = (double) delta[s] / total;
        }
        previousTicks = ticks.clone();
      }
    } else {
      previousTicks = ticks.clone();
    }
    if (lastRatios != null) {
      for (int s = 0; s < STATES.length && s < lastRatios.length; s++) {
        family.add(lastRatios[s], "state", STATES[s]);
      }
    }
    return family;
  }
}
