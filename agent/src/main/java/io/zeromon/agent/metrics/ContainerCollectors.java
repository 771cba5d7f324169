package io.zeromon.agent.metrics;

import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** Container (cgroup) metrics. */
final class ContainerCollectors {

  private ContainerCollectors() {}

  static void register(PrometheusRegistry registry) {
    // wired to io.zeromon.agent.metrics.container once it lands
  }
}
