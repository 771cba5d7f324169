package io.zeromon.agent.metrics;

import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A labelled histogram with a cap on its series: once {@code maxSeries} label sets exist, new
 * ones are recorded in one overflow series (every label {@code _OTHER}) and counted, so a route
 * explosion costs a counter, not memory.
 */
final class SeriesLimitedHistogram {

  static final String OVERFLOW = "_OTHER";

  private final Histogram histogram;
  private final int maxSeries;
  private final ConcurrentHashMap<List<String>, DistributionDataPoint> points =
      new ConcurrentHashMap<>();
  private final int labelCount;
  private volatile DistributionDataPoint overflow;
  private final AtomicLong overflowed = new AtomicLong();

  SeriesLimitedHistogram(Histogram histogram, int labelCount, int maxSeries) {
    this.histogram = histogram;
    this.maxSeries = maxSeries;
    this.labelCount = labelCount;
  }

  /** The overflow series, created with the first observation it takes (no empty series before). */
  private DistributionDataPoint overflow() {
    DistributionDataPoint point = overflow;
    if (point == null) {
      String[] others = new String[labelCount];
      Arrays.fill(others, OVERFLOW);
      point = histogram.labelValues(others);
      overflow = point;
    }
    return point;
  }

  /** The data point for these label values (null values become empty labels). */
  DistributionDataPoint point(String... values) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        values[i] = "";
      }
    }
    List<String> key = Arrays.asList(values);
    DistributionDataPoint point = points.get(key);
    if (point != null) {
      return point;
    }
    if (points.size() >= maxSeries) {
      overflowed.incrementAndGet();
      return overflow();
    }
    return points.computeIfAbsent(key, k -> histogram.labelValues(values));
  }

  boolean isOverflow(DistributionDataPoint point) {
    return point != null && point == overflow;
  }

  /** Observations that went to the overflow series. */
  long overflowed() {
    return overflowed.get();
  }
}
