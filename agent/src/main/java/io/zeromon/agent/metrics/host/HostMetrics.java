package io.zeromon.agent.metrics.host;

import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * Host metrics (CPU, memory, swap, network, disk I/O, file systems, processes, uptime) read through
 * OSHI and named after OpenTelemetry's system semantic conventions, as the Collector's hostmetrics
 * receiver exposes them to Prometheus.
 */
public final class HostMetrics {

  private HostMetrics() {}

  /**
   * Registers the collector. Cheap: OSHI and JNA are loaded on the first scrape, not here, and a
   * host OSHI cannot read just yields no host metrics.
   *
   * @throws IllegalArgumentException if {@code registry} already holds one of these families
   */
  public static void register(PrometheusRegistry registry, HostMetricsSettings settings) {
    long ttlNanos = settings.cacheTtl().toNanos();
    // OshiHostSource is named only inside this lambda, so its OSHI types load on first scrape
    registry.register(
        new HostCollector(
            settings, () -> new CachedSource(new OshiHostSource(), ttlNanos, System::nanoTime)));
  }
}
