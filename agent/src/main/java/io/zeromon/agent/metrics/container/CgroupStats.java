package io.zeromon.agent.metrics.container;

import java.util.Arrays;
import java.util.OptionalLong;

/** One reading of every series; NaN marks a series that is absent from this reading. */
final class CgroupStats {

  private static final double NANOS_PER_SECOND = 1e9;
  private static final double MICROS_PER_SECOND = 1e6;

  private final double[] values = new double[ContainerSeries.values().length];

  CgroupStats() {
    Arrays.fill(values, Double.NaN);
  }

  double get(ContainerSeries series) {
    return values[series.ordinal()];
  }

  boolean has(ContainerSeries series) {
    return !Double.isNaN(get(series));
  }

  CgroupStats set(ContainerSeries series, OptionalLong value) {
    return scaled(series, value, 1);
  }

  CgroupStats nanosAsSeconds(ContainerSeries series, OptionalLong nanos) {
    return scaled(series, nanos, NANOS_PER_SECOND);
  }

  CgroupStats microsAsSeconds(ContainerSeries series, OptionalLong micros) {
    return scaled(series, micros, MICROS_PER_SECOND);
  }

  private CgroupStats scaled(ContainerSeries series, OptionalLong value, double divisor) {
    values[series.ordinal()] = value.isPresent() ? value.getAsLong() / divisor : Double.NaN;
    return this;
  }
}
