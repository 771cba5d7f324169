package io.zeromon.agent.metrics;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.zeromon.agent.AgentLog;
import io.zeromon.agent.config.AgentConfig;
import io.zeromon.agent.metrics.host.HostMetrics;

/** Host metrics through OSHI (loaded on the first scrape, not here). */
final class HostCollectors {

  private HostCollectors() {}

  static void register(PrometheusRegistry registry, AgentConfig.MetricsSettings settings) {
    try {
      HostMetrics.register(registry, settings.hostSettings);
    } catch (RuntimeException e) {
      AgentLog.warn("host metrics are off: " + e);
    }
  }
}
