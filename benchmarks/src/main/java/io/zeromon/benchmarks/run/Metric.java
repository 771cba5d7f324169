package io.zeromon.benchmarks.run;

import java.util.Locale;

/** What the application benchmark measures per configuration, and how to print it. */
enum Metric {
  STARTUP("start-up: launch → first /hello", "ms", 0, true),
  STARTUP_CPU("start-up: CPU time until first /hello", "ms", 0, true),
  THROUGHPUT("throughput at saturation (16 conn.)", "req/s", 0, false),
  P50("latency p50", "ms", 3, true),
  P99("latency p99", "ms", 2, true),
  CPU_PER_REQUEST("CPU time per request", "µs", 1, true),
  ALLOC_PER_REQUEST("allocated per request", "KiB", 2, true),
  RSS("RSS after load", "MiB", 0, true),
  HEAP_LIVE("heap live after load (after a GC)", "MiB", 1, true),
  HEAP_COMMITTED("heap committed after load", "MiB", 0, true),
  THREADS("threads", "", 0, true),
  CLASSES("classes loaded", "", 0, true),
  SCRAPE_FIRST_MS("/metrics first scrape", "ms", 0, true),
  SCRAPE_MS("/metrics scrape (warm)", "ms", 1, true),
  SCRAPE_KIB("/metrics size", "KiB", 1, true),
  SPAN_SHARE("spans received / requests served", "%", 1, false),
  AGENT_JAR("agent jar", "MiB", 1, true);

  final String label;
  final String unit;
  final int decimals;
  final boolean lowerIsBetter;

  Metric(String label, String unit, int decimals, boolean lowerIsBetter) {
    this.label = label;
    this.unit = unit;
    this.decimals = decimals;
    this.lowerIsBetter = lowerIsBetter;
  }

  String format(double value) {
    if (Double.isNaN(value)) {
      return "–";
    }
    return String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }

  String labelWithUnit() {
    return unit.isEmpty() ? label : label + " (" + unit + ")";
  }
}
