package io.zeromon.agent.metrics;

import java.util.List;
import java.util.function.LongSupplier;

/** Where the health metrics read their values at scrape time. */
public final class AgentStatus {
  final LongSupplier exportedSpans;
  final LongSupplier failedSpans;
  final LongSupplier endedSpans;
  final LongSupplier transformationErrors;
  final LongSupplier transformedClasses;
  final List<String> instrumentations;
  final io.zeromon.agent.trace.SdkSelfMetrics sdkMetrics;
  // set once their sources exist; read at scrape time
  volatile LongSupplier seriesOverflow = () -> 0;
  volatile LongSupplier rejectedScrapes = () -> 0;
  private volatile double lastScrapeSeconds;

  public AgentStatus(
      LongSupplier exportedSpans,
      LongSupplier failedSpans,
      LongSupplier endedSpans,
      LongSupplier transformationErrors,
      LongSupplier transformedClasses,
      List<String> instrumentations,
      io.zeromon.agent.trace.SdkSelfMetrics sdkMetrics) {
    this.exportedSpans = exportedSpans;
    this.failedSpans = failedSpans;
    this.endedSpans = endedSpans;
    this.transformationErrors = transformationErrors;
    this.transformedClasses = transformedClasses;
    this.instrumentations = instrumentations;
    this.sdkMetrics = sdkMetrics;
  }

  double lastScrapeSeconds() {
    return lastScrapeSeconds;
  }

  void scraped(double seconds) {
    lastScrapeSeconds = seconds;
  }
}
