package io.zeromon.agent.metrics.container;

import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.zeromon.agent.AgentLog;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;

/** Registers cAdvisor-named container metrics of the JVM's own cgroup (v1 or v2). */
public final class ContainerMetrics {

  private static final long TTL_NANOS = TimeUnit.SECONDS.toNanos(1);

  private ContainerMetrics() {}

  /**
   * Registers the container metrics when this JVM runs under cgroups on Linux. Files are read at
   * scrape time, at most once a second. Returns false, having registered nothing, when there is no
   * cgroup to read or registration failed (e.g. a name already taken). Never throws.
   */
  public static boolean register(PrometheusRegistry registry) {
    String os = System.getProperty("os.name", "");
    if (!os.toLowerCase(Locale.ROOT).startsWith("linux")) {
      AgentLog.debug("container metrics: not on Linux (" + os + "), no cgroups to read");
      return false;
    }
    return register(registry, Paths.get("/"));
  }

  /** As {@link #register(PrometheusRegistry)}, with /proc and /sys resolved under {@code root}. */
  static boolean register(PrometheusRegistry registry, Path root) {
    try {
      CgroupFiles files = CgroupFiles.locate(root);
      if (files == null) {
        AgentLog.debug("container metrics: no cgroup found for this process");
        return false;
      }
      CachedStats stats =
          new CachedStats(() -> CgroupSampler.sample(files), TTL_NANOS, System::nanoTime);
      return registerAll(registry, collectors(stats));
    } catch (RuntimeException | LinkageError e) {
      AgentLog.warn("container metrics disabled: " + e);
      return false;
    }
  }

  private static List<Collector> collectors(CachedStats stats) {
    // Explicit properties: PrometheusProperties.get() would read the application's own settings.
    PrometheusProperties properties = PrometheusProperties.builder().build();
    List<Collector> collectors = new ArrayList<>();
    for (ContainerSeries series : ContainerSeries.values()) {
      collectors.add(
          series.counter ? counter(series, stats, properties) : gauge(series, stats, properties));
    }
    return collectors;
  }

  private static Collector counter(
      ContainerSeries series, CachedStats stats, PrometheusProperties properties) {
    CounterWithCallback.Builder builder =
        CounterWithCallback.builder(properties).name(series.metricName).help(series.help);
    if (series.unit != null) {
      builder.unit(series.unit);
    }
    return builder.callback(callback -> emit(stats, series, callback::call)).build();
  }

  private static Collector gauge(
      ContainerSeries series, CachedStats stats, PrometheusProperties properties) {
    GaugeWithCallback.Builder builder =
        GaugeWithCallback.builder(properties).name(series.metricName).help(series.help);
    if (series.unit != null) {
      builder.unit(series.unit);
    }
    return builder.callback(callback -> emit(stats, series, callback::call)).build();
  }

  /** An absent series gives no sample at all, rather than a misleading 0 or NaN. */
  private static void emit(CachedStats stats, ContainerSeries series, DoubleConsumer sample) {
    double value = stats.get().get(series);
    if (!Double.isNaN(value)) {
      sample.accept(value);
    }
  }

  /** All or nothing, so a failed registration leaves no half set of container metrics behind. */
  private static boolean registerAll(PrometheusRegistry registry, List<Collector> collectors) {
    List<Collector> registered = new ArrayList<>();
    try {
      for (Collector collector : collectors) {
        registry.register(collector);
        registered.add(collector);
      }
      return true;
    } catch (RuntimeException e) {
      for (Collector collector : registered) {
        registry.unregister(collector);
      }
      AgentLog.warn("container metrics not registered: " + e.getMessage());
      return false;
    }
  }
}
