package io.zeromon.agent.metrics.container;

import static io.zeromon.agent.metrics.container.CgroupParsers.keyed;
import static io.zeromon.agent.metrics.container.CgroupParsers.single;
import static io.zeromon.agent.metrics.container.CgroupParsers.workingSet;
import static io.zeromon.agent.metrics.container.ContainerSeries.CFS_PERIODS;
import static io.zeromon.agent.metrics.container.ContainerSeries.CFS_THROTTLED_PERIODS;
import static io.zeromon.agent.metrics.container.ContainerSeries.CFS_THROTTLED_SECONDS;
import static io.zeromon.agent.metrics.container.ContainerSeries.CPU_USAGE;
import static io.zeromon.agent.metrics.container.ContainerSeries.MEMORY_USAGE;
import static io.zeromon.agent.metrics.container.ContainerSeries.MEMORY_WORKING_SET;
import static io.zeromon.agent.metrics.container.ContainerSeries.OOM_EVENTS;
import static io.zeromon.agent.metrics.container.ContainerSeries.SPEC_CPU_PERIOD;
import static io.zeromon.agent.metrics.container.ContainerSeries.SPEC_CPU_QUOTA;
import static io.zeromon.agent.metrics.container.ContainerSeries.SPEC_MEMORY_LIMIT;
import static io.zeromon.agent.metrics.container.ContainerSeries.THREADS;

import java.util.OptionalLong;

/** Reads one {@link CgroupStats} from the cgroup files: which file holds what, per version. */
final class CgroupSampler {

  private CgroupSampler() {}

  static CgroupStats sample(CgroupFiles files) {
    return files.isV2() ? sampleV2(files) : sampleV1(files);
  }

  private static CgroupStats sampleV2(CgroupFiles files) {
    CgroupStats stats = new CgroupStats();
    // nr_periods and friends appear only when the cpu controller is enabled for the cgroup
    String cpuStat = files.unified("cpu.stat");
    stats.microsAsSeconds(CPU_USAGE, keyed(cpuStat, "usage_usec"));
    stats.set(CFS_PERIODS, keyed(cpuStat, "nr_periods"));
    stats.set(CFS_THROTTLED_PERIODS, keyed(cpuStat, "nr_throttled"));
    stats.microsAsSeconds(CFS_THROTTLED_SECONDS, keyed(cpuStat, "throttled_usec"));
    String cpuMax = files.unified("cpu.max");
    stats.set(SPEC_CPU_QUOTA, CgroupParsers.cpuMaxQuota(cpuMax));
    stats.set(SPEC_CPU_PERIOD, CgroupParsers.cpuMaxPeriod(cpuMax));
    OptionalLong usage = single(files.unified("memory.current"));
    stats.set(MEMORY_USAGE, usage);
    OptionalLong inactive = keyed(files.unified("memory.stat"), "inactive_file");
    stats.set(MEMORY_WORKING_SET, workingSet(usage, inactive));
    stats.set(SPEC_MEMORY_LIMIT, CgroupParsers.memoryLimit(files.unified("memory.max")));
    stats.set(OOM_EVENTS, keyed(files.unified("memory.events"), "oom_kill"));
    stats.set(THREADS, single(files.unified("pids.current")));
    return stats;
  }

  private static CgroupStats sampleV1(CgroupFiles files) {
    CgroupStats stats = new CgroupStats();
    stats.nanosAsSeconds(CPU_USAGE, single(files.file("cpuacct", "cpuacct.usage")));
    String cpuStat = files.file("cpu", "cpu.stat");
    stats.set(CFS_PERIODS, keyed(cpuStat, "nr_periods"));
    stats.set(CFS_THROTTLED_PERIODS, keyed(cpuStat, "nr_throttled"));
    stats.nanosAsSeconds(CFS_THROTTLED_SECONDS, keyed(cpuStat, "throttled_time"));
    stats.set(SPEC_CPU_QUOTA, CgroupParsers.cfsQuota(files.file("cpu", "cpu.cfs_quota_us")));
    stats.set(SPEC_CPU_PERIOD, CgroupParsers.cfsPeriod(files.file("cpu", "cpu.cfs_period_us")));
    OptionalLong usage = single(files.file("memory", "memory.usage_in_bytes"));
    stats.set(MEMORY_USAGE, usage);
    // total_ includes child cgroups, as usage_in_bytes does; cAdvisor uses it for the same reason
    OptionalLong inactive = keyed(files.file("memory", "memory.stat"), "total_inactive_file");
    stats.set(MEMORY_WORKING_SET, workingSet(usage, inactive));
    String limit = files.file("memory", "memory.limit_in_bytes");
    stats.set(SPEC_MEMORY_LIMIT, CgroupParsers.memoryLimit(limit));
    // oom_kill arrived in memory.oom_control with Linux 4.13; older kernels leave it absent
    stats.set(OOM_EVENTS, keyed(files.file("memory", "memory.oom_control"), "oom_kill"));
    stats.set(THREADS, single(files.file("pids", "pids.current")));
    return stats;
  }
}
