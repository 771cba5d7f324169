package io.zeromon.benchmarks.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The values each configuration got for each metric, one per round. */
final class Samples {

  private final Map<String, Map<Metric, List<Double>>> values = new LinkedHashMap<>();

  void add(String configuration, Metric metric, double value) {
    if (Double.isNaN(value)) {
      return;
    }
    values
        .computeIfAbsent(configuration, c -> new EnumMap<>(Metric.class))
        .computeIfAbsent(metric, m -> new ArrayList<>())
        .add(value);
  }

  List<Double> of(String configuration, Metric metric) {
    Map<Metric, List<Double>> byMetric = values.get(configuration);
    List<Double> list = byMetric == null ? null : byMetric.get(metric);
    return list == null ? List.of() : list;
  }

  double median(String configuration, Metric metric) {
    return quantile(of(configuration, metric), 0.5);
  }

  double min(String configuration, Metric metric) {
    return quantile(of(configuration, metric), 0);
  }

  double max(String configuration, Metric metric) {
    return quantile(of(configuration, metric), 1);
  }

  /** Linear interpolation between order statistics; NaN when empty. */
  static double quantile(List<Double> list, double q) {
    if (list.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(list);
    Collections.sort(sorted);
    double index = q * (sorted.size() - 1);
    int low = (int) Math.floor(index);
    int high = (int) Math.ceil(index);
    return sorted.get(low) + (sorted.get(high) - sorted.get(low)) * (index - low);
  }
}
