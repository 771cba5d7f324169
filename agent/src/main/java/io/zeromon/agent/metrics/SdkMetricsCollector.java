package io.zeromon.agent.metrics;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.SumData;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.zeromon.agent.trace.SdkSelfMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SDK's self-telemetry as {@code zeromon_*} series: {@code otel.sdk.processor.span.processed}
 * becomes {@code zeromon_processor_span_processed_total{error_type=...}} (error_type
 * {@code queue_full} = dropped), and so on; long sums and gauges only.
 */
final class SdkMetricsCollector implements MultiCollector {

  private final SdkSelfMetrics source;

  SdkMetricsCollector(SdkSelfMetrics source) {
    this.source = source;
  }

  @Override
  public MetricSnapshots collect() {
    List<MetricSnapshot> snapshots = new ArrayList<>();
    for (MetricData metric : source.collect()) {
      MetricSnapshot snapshot = convert(metric);
      if (snapshot != null) {
        snapshots.add(snapshot);
      }
    }
    return new MetricSnapshots(snapshots);
  }

  static String name(String otelName) {
    String rest = otelName.startsWith("otel.sdk.") ? otelName.substring(9) : otelName;
    return "zeromon_" + rest.replace('.', '_');
  }

  private static MetricSnapshot convert(MetricData metric) {
    String name = name(metric.getName());
    String help = metric.getDescription().isEmpty() ? metric.getName() : metric.getDescription();
    switch (metric.getType()) {
      case LONG_SUM:
        SumData<LongPointData> sum = metric.getLongSumData();
        if (sum.isMonotonic()) {
          CounterSnapshot.Builder counter = CounterSnapshot.builder().name(name).help(help);
          for (LongPointData point : sum.getPoints()) {
            counter.dataPoint(
                CounterSnapshot.CounterDataPointSnapshot.builder()
                    .value(point.getValue())
                    .labels(labels(point))
                    .build());
          }
          return counter.build();
        }
        return gauge(name, help, sum.getPoints());
      case LONG_GAUGE:
        return gauge(name, help, metric.getLongGaugeData().getPoints());
      default:
        return null; // durations are histograms: not exposed
    }
  }

  private static GaugeSnapshot gauge(String name, String help, Iterable<LongPointData> points) {
    GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(help);
    for (LongPointData point : points) {
      gauge.dataPoint(
          GaugeSnapshot.GaugeDataPointSnapshot.builder()
              .value(point.getValue())
              .labels(labels(point))
              .build());
    }
    return gauge.build();
  }

  private static Labels labels(LongPointData point) {
    Labels.Builder labels = Labels.builder();
    for (Map.Entry<AttributeKey<?>, Object> attribute : point.getAttributes().asMap().entrySet()) {
      labels.label(attribute.getKey().getKey().replace('.', '_'), String.valueOf(attribute.getValue()));
    }
    return labels.build();
  }
}
