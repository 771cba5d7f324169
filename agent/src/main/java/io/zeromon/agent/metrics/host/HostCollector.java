package io.zeromon.agent.metrics.host;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricFamilyDescriptor;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.zeromon.agent.AgentLog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * The host metrics of one scrape. The source is built on the first scrape (on the exporter's
 * thread, never at agent start-up); a section whose reads fail is left out of that scrape, and
 * nothing escapes {@link #collect()}. Scrapes are serialized: they are rare, two concurrent first
 * scrapes must not both build the source, and CPU utilization keeps the previous scrape's ticks.
 */
final class HostCollector implements MultiCollector {

  private final Supplier<HostSource> sourceFactory;
  private final List<Section> sections;
  private final List<MetricFamilyDescriptor> families;
  private final boolean[] failureLogged;
  private HostSource source;
  private boolean unavailable;

  HostCollector(HostMetricsSettings settings, Supplier<HostSource> sourceFactory) {
    this.sourceFactory = sourceFactory;
    this.sections =
        Arrays.asList(
            new CpuMetrics(settings.perCpu()),
            new MemoryMetrics(),
            new NetworkMetrics(settings.networkFilter()),
            new DiskMetrics(settings.diskFilter()),
            new FileSystemMetrics(settings.filesystemTypeExcludes()),
            new SystemMetrics());
    List<MetricFamilyDescriptor> all = new ArrayList<>();
    for (Section section : sections) {
      all.addAll(section.families());
    }
    this.families = Collections.unmodifiableList(all);
    this.failureLogged = new boolean[sections.size()];
  }

  @Override
  public synchronized MetricSnapshots collect() {
    List<MetricSnapshot> out = new ArrayList<>();
    try {
      HostSource s = source();
      if (s == null) {
        return MetricSnapshots.of();
      }
      for (int i = 0; i < sections.size(); i++) {
        List<MetricSnapshot> part = new ArrayList<>();
        try {
          sections.get(i).collect(s, part);
          out.addAll(part); // all of a section or nothing, never half its families
        } catch (RuntimeException | LinkageError e) {
          logFailureOnce(i, e);
        }
      }
      return new MetricSnapshots(out);
    } catch (RuntimeException | LinkageError e) {
      return MetricSnapshots.of();
    }
  }

  /** Lets the registry reject a clashing collector and skip this one under a name filter. */
  @Override
  public List<MetricFamilyDescriptor> getMetricFamilyDescriptors() {
    return families;
  }

  private HostSource source() {
    if (source == null && !unavailable) {
      try {
        source = sourceFactory.get();
      } catch (RuntimeException | LinkageError e) {
        // one line, once: OSHI does not support this OS, or JNA cannot load its native library
        unavailable = true;
        AgentLog.warn("host metrics are off, OSHI cannot read this host: " + e);
      }
    }
    return source;
  }

  private void logFailureOnce(int section, Throwable e) {
    if (!failureLogged[section]) {
      failureLogged[section] = true;
      String name = sections.get(section).getClass().getSimpleName();
      AgentLog.debug("host metrics: " + name + " failed, skipping it: " + e);
    }
  }
}
