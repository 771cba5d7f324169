package io.zeromon.agent.metrics.host;

import io.prometheus.metrics.model.snapshots.MetricFamilyDescriptor;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.Arrays;
import java.util.List;

/**
 * Process and thread counts and uptime. Counts only, no breakdown by process state: OSHI reads
 * several /proc files per process for that, tens of milliseconds for a hundred processes.
 */
final class SystemMetrics implements Section {

  private static final MetricFamilyDescriptor PROCESSES =
      Family.gauge("system_processes", "Number of processes on the host.", null);
  private static final MetricFamilyDescriptor THREADS =
      Family.gauge("system_threads", "Number of threads (kernel tasks) on the host.", null);
  private static final MetricFamilyDescriptor UPTIME =
      Family.gauge("system_uptime_seconds", "Seconds since the host booted.", Unit.SECONDS);

  @Override
  public List<MetricFamilyDescriptor> families() {
    return Arrays.asList(PROCESSES, THREADS, UPTIME);
  }

  @Override
  public void collect(HostSource source, List<MetricSnapshot> out) {
    Readings.Tasks tasks = source.tasks();
    if (tasks != null) {
      Family.of(PROCESSES).add(tasks.processes).addTo(out);
      Family.of(THREADS).add(tasks.threads).addTo(out);
    }
    Family.of(UPTIME).add(source.uptimeSeconds()).addTo(out);
  }
}
