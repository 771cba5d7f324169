package io.zeromon.agent.metrics;

import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/** The agent's own health, {@code zeromon_*}, and the resource as {@code target_info}. */
final class AgentHealthMetrics {

  private AgentHealthMetrics() {}

  static void register(
      PrometheusProperties properties, PrometheusRegistry registry, AgentStatus status) {
    counter(properties, registry, "zeromon_spans_exported", "Spans the exporters delivered.", status.exportedSpans);
    counter(properties, registry, "zeromon_spans_export_failed", "Spans lost because an export failed.", status.failedSpans);
    counter(properties, registry, "zeromon_spans_ended", "Sampled spans ended and handed to the export queue.", status.endedSpans);
    counter(properties, registry, "zeromon_transformation_errors", "Classes the agent meant to instrument but could not.", status.transformationErrors);
    counter(properties, registry, "zeromon_classes_instrumented", "Classes the agent instrumented.", status.transformedClasses);
    counter(properties, registry, "zeromon_metric_series_overflow", "Observations recorded in an overflow series because a metric reached its series limit.", () -> status.seriesOverflow.getAsLong());
    counter(properties, registry, "zeromon_metrics_http_rejected", "Connections to the metrics endpoint turned away because it was busy.", () -> status.rejectedScrapes.getAsLong());
    registry.register(new SdkMetricsCollector(status.sdkMetrics));
    GaugeWithCallback.builder(properties)
        .name("zeromon_scrape_duration_seconds")
        .help("Duration of the previous scrape of this endpoint.")
        .unit(Unit.SECONDS)
        .callback(cb -> cb.call(status.lastScrapeSeconds()))
        .register(registry);
    GaugeWithCallback.builder(properties)
        .name("zeromon_instrumentation_enabled")
        .help("Instrumentations installed (1) in this JVM.")
        .labelNames("instrumentation")
        .callback(
            cb -> {
              for (String name : status.instrumentations) {
                cb.call(1, name);
              }
            })
        .register(registry);
  }

  private static void counter(
      PrometheusProperties properties,
      PrometheusRegistry registry,
      String name,
      String help,
      LongSupplier value) {
    CounterWithCallback.builder(properties)
        .name(name)
        .help(help)
        .callback(cb -> cb.call(value.getAsLong()))
        .register(registry);
  }

  /** {@code target_info}: the resource attributes as labels, as OpenTelemetry maps them. */
  static void registerTargetInfo(
      PrometheusProperties properties, PrometheusRegistry registry, Map<String, String> resource) {
    List<String> keys = new java.util.ArrayList<>(resource.keySet());
    String[] names = new String[keys.size()];
    String[] values = new String[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      names[i] = keys.get(i).replaceAll("[^a-zA-Z0-9_]", "_");
      values[i] = resource.get(keys.get(i));
    }
    Info.builder(properties)
        .name("target_info")
        .help("Target metadata: the OpenTelemetry resource of this process.")
        .labelNames(names)
        .register(registry)
        .setLabelValues(values);
  }
}
