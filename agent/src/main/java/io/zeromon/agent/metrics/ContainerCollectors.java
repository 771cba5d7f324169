package io.zeromon.agent.metrics;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.zeromon.agent.AgentLog;
import io.zeromon.agent.metrics.container.ContainerMetrics;

/** Container (cgroup v1/v2) metrics, when the JVM runs under cgroups. */
final class ContainerCollectors {

  private ContainerCollectors() {}

  static void register(PrometheusRegistry registry) {
    if (!ContainerMetrics.register(registry)) {
      AgentLog.debug("no cgroup found: container metrics are off");
    }
  }
}
