package io.zeromon.agent.metrics.host;

import io.prometheus.metrics.model.registry.MetricType;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricFamilyDescriptor;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.List;

/**
 * One metric family being filled during a scrape, from the descriptor it was registered with.
 * Counter names carry no {@code _total}: the exposition writers add it. A family that got no data
 * point is left out of the scrape.
 */
final class Family {

  private final boolean counter;
  private final MetricMetadata metadata;
  private final List<CounterDataPointSnapshot> counterPoints = new ArrayList<>();
  private final List<GaugeDataPointSnapshot> gaugePoints = new ArrayList<>();

  private Family(MetricFamilyDescriptor descriptor) {
    this.counter = descriptor.getType() == MetricType.COUNTER;
    this.metadata = descriptor.getMetadata();
  }

  static Family of(MetricFamilyDescriptor descriptor) {
    return new Family(descriptor);
  }

  /** {@code unit} may be null; when set, {@code name} must end with it. */
  static MetricFamilyDescriptor counter(String name, String help, Unit unit, String... labels) {
    return describe(MetricFamilyDescriptor.counter(name), help, unit, labels);
  }

  static MetricFamilyDescriptor gauge(String name, String help, Unit unit, String... labels) {
    return describe(MetricFamilyDescriptor.gauge(name), help, unit, labels);
  }

  private static MetricFamilyDescriptor describe(
      MetricFamilyDescriptor.Builder<?> builder, String help, Unit unit, String... labels) {
    builder.help(help).labelNames(labels);
    if (unit != null) { // the builder rejects a null unit
      builder.unit(unit);
    }
    return builder.build();
  }

  /** Adds a point; {@code labelPairs} alternates names and values. */
  Family add(double value, String... labelPairs) {
    Labels labels = labelPairs.length == 0 ? Labels.EMPTY : Labels.of(labelPairs);
    if (counter) {
      counterPoints.add(CounterDataPointSnapshot.builder().value(value).labels(labels).build());
    } else {
      gaugePoints.add(GaugeDataPointSnapshot.builder().value(value).labels(labels).build());
    }
    return this;
  }

  void addTo(List<MetricSnapshot> out) {
    if (counter && !counterPoints.isEmpty()) {
      out.add(new CounterSnapshot(metadata, counterPoints));
    } else if (!counter && !gaugePoints.isEmpty()) {
      out.add(new GaugeSnapshot(metadata, gaugePoints));
    }
  }
}
