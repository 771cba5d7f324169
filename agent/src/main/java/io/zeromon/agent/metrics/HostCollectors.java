package io.zeromon.agent.metrics;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.zeromon.agent.config.AgentConfig;

/** Host metrics through OSHI. */
final class HostCollectors {

  private HostCollectors() {}

  static void register(PrometheusRegistry registry, AgentConfig.MetricsSettings settings) {
    // wired to io.zeromon.agent.metrics.host once it lands
  }
}
