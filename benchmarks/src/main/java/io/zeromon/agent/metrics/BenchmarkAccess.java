package io.zeromon.agent.metrics;

import io.prometheus.metrics.config.ExporterProperties;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.zeromon.agent.bridge.RequestListener;

/** Lets the microbenchmarks build the agent's package-private RED metrics. */
public final class BenchmarkAccess {

  private BenchmarkAccess() {}

  public static RequestListener requestMetrics() {
    return new RequestMetrics(properties(), new PrometheusRegistry(), 1000);
  }

  /** As {@link MetricsEndpoint} builds them. */
  static PrometheusProperties properties() {
    return PrometheusProperties.builder()
        .exporterProperties(
            ExporterProperties.builder()
                .includeCreatedTimestamps(false)
                .exemplarsOnAllMetricTypes(false)
                .prometheusTimestampsInMs(false)
                .build())
        .build();
  }
}
