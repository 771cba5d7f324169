package io.zeromon.agent.metrics.container;

import io.prometheus.metrics.model.snapshots.Unit;

/**
 * The exposed series, named as cAdvisor names them so existing dashboards and alerts work. Counter
 * names leave out "_total": the Prometheus client appends it.
 */
enum ContainerSeries {
  CPU_USAGE(
      "container_cpu_usage_seconds",
      true,
      Unit.SECONDS,
      "Cumulative CPU time consumed by the processes of this container's cgroup."),
  CFS_PERIODS(
      "container_cpu_cfs_periods", true, null, "Number of elapsed CFS enforcement periods."),
  CFS_THROTTLED_PERIODS(
      "container_cpu_cfs_throttled_periods",
      true,
      null,
      "Number of CFS enforcement periods in which the cgroup was throttled."),
  CFS_THROTTLED_SECONDS(
      "container_cpu_cfs_throttled_seconds",
      true,
      Unit.SECONDS,
      "Total time the cgroup has been throttled by its CFS quota."),
  SPEC_CPU_QUOTA(
      "container_spec_cpu_quota",
      false,
      null,
      "CPU quota in microseconds of CPU time per CFS period (as cAdvisor); absent when unlimited."),
  SPEC_CPU_PERIOD(
      "container_spec_cpu_period", false, null, "CFS period in microseconds (as cAdvisor)."),
  MEMORY_USAGE(
      "container_memory_usage_bytes",
      false,
      Unit.BYTES,
      "Current memory usage of the cgroup, including page cache (memory.current/usage_in_bytes)."),
  MEMORY_WORKING_SET(
      "container_memory_working_set_bytes",
      false,
      Unit.BYTES,
      "Memory usage minus inactive file cache (as cAdvisor)."),
  SPEC_MEMORY_LIMIT(
      "container_spec_memory_limit_bytes",
      false,
      Unit.BYTES,
      "Memory limit of the cgroup; 0 when unlimited (as cAdvisor)."),
  OOM_EVENTS(
      "container_oom_events",
      true,
      null,
      "Number of processes of the cgroup killed by the OOM killer (oom_kill)."),
  THREADS(
      "container_threads", false, null, "Number of threads (tasks) in the cgroup (pids.current).");

  final String metricName;
  final boolean counter;
  final Unit unit;
  final String help;

  ContainerSeries(String metricName, boolean counter, Unit unit, String help) {
    this.metricName = metricName;
    this.counter = counter;
    this.unit = unit;
    this.help = help;
  }
}
