package io.zeromon.benchmarks.run;

import java.util.List;
import java.util.Locale;

/** The Markdown report: values with spread, ratios, and the targets of issue 7. */
final class Report {

  private final List<Configuration> configurations;
  private final Samples samples;
  private final StringBuilder out = new StringBuilder();

  Report(List<Configuration> configurations, Samples samples) {
    this.configurations = configurations;
    this.samples = samples;
  }

  String render(String header) {
    out.append(header).append('\n');
    values();
    ratios();
    targets();
    return out.toString();
  }

  private void values() {
    out.append("### Measurements: median (min–max) over rounds\n\n| metric |");
    for (Configuration c : configurations) {
      out.append(' ').append(c.label()).append(" |");
    }
    out.append("\n|---|");
    out.append("---:|".repeat(configurations.size()));
    out.append('\n');
    for (Metric metric : Metric.values()) {
      out.append("| ").append(metric.labelWithUnit()).append(" |");
      for (Configuration c : configurations) {
        out.append(' ').append(cell(c.id(), metric)).append(" |");
      }
      out.append('\n');
    }
    out.append('\n');
  }

  private String cell(String id, Metric metric) {
    List<Double> values = samples.of(id, metric);
    if (values.isEmpty()) {
      return "–";
    }
    String median = metric.format(samples.median(id, metric));
    if (values.size() == 1) {
      return median;
    }
    double min = samples.min(id, metric);
    double max = samples.max(id, metric);
    if (metric.format(min).equals(metric.format(max))) {
      return median;
    }
    return median + " (" + metric.format(min) + "–" + metric.format(max) + ")";
  }

  private void ratios() {
    out.append("### Ratios of medians\n\n| metric |");
    for (Configuration c : configurations) {
      if (c.id().equals(Configuration.NONE)) {
        continue;
      }
      out.append(' ').append(c.id()).append(" / none |");
      if (!c.id().equals(Configuration.OTEL) && has(Configuration.OTEL)) {
        out.append(' ').append(c.id()).append(" / otel |");
      }
    }
    out.append("\n|---|");
    for (Configuration c : configurations) {
      if (c.id().equals(Configuration.NONE)) {
        continue;
      }
      out.append("---:|");
      if (!c.id().equals(Configuration.OTEL) && has(Configuration.OTEL)) {
        out.append("---:|");
      }
    }
    out.append('\n');
    for (Metric metric : Metric.values()) {
      if (metric == Metric.SPAN_SHARE || metric == Metric.AGENT_JAR
          || metric == Metric.SCRAPE_FIRST_MS || metric == Metric.SCRAPE_MS
          || metric == Metric.SCRAPE_KIB) {
        continue;
      }
      out.append("| ").append(metric.label).append(" |");
      for (Configuration c : configurations) {
        if (c.id().equals(Configuration.NONE)) {
          continue;
        }
        out.append(' ').append(ratio(c.id(), Configuration.NONE, metric)).append(" |");
        if (!c.id().equals(Configuration.OTEL) && has(Configuration.OTEL)) {
          out.append(' ').append(ratio(c.id(), Configuration.OTEL, metric)).append(" |");
        }
      }
      out.append('\n');
    }
    out.append('\n');
  }

  private boolean has(String id) {
    return configurations.stream().anyMatch(c -> c.id().equals(id));
  }

  private String ratio(String a, String b, Metric metric) {
    double r = samples.median(a, metric) / samples.median(b, metric);
    return Double.isNaN(r) || Double.isInfinite(r) ? "–" : String.format(Locale.ROOT, "%.2f", r);
  }

  /** Issue 7's targets: what zeromon adds over no agent, as a share of what OTel adds. */
  private void targets() {
    if (!has(Configuration.NONE) || !has(Configuration.OTEL) || !has(Configuration.ZEROMON)) {
      return;
    }
    out.append("### Against the targets (zeromon = traces + metrics, every request sampled)\n\n");
    out.append("| what | zeromon adds | OTel agent adds | zeromon / OTel | target | met |\n");
    out.append("|---|---:|---:|---:|---|---|\n");
    added(Metric.STARTUP, "≤ 1/8 and ≤ ~500 ms", 1.0 / 8, 500);
    added(Metric.STARTUP_CPU, "≤ 1/8 (as wall time)", 1.0 / 8, Double.NaN);
    added(Metric.CPU_PER_REQUEST, "≤ 1/3", 1.0 / 3, Double.NaN);
    added(Metric.ALLOC_PER_REQUEST, "≤ 1/3", 1.0 / 3, Double.NaN);
    added(Metric.RSS, "≤ 1/3", 1.0 / 3, Double.NaN);
    added(Metric.CLASSES, "≤ 1/3", 1.0 / 3, Double.NaN);
    double zThroughput =
        samples.median(Configuration.ZEROMON, Metric.THROUGHPUT)
            / samples.median(Configuration.NONE, Metric.THROUGHPUT);
    double oThroughput =
        samples.median(Configuration.OTEL, Metric.THROUGHPUT)
            / samples.median(Configuration.NONE, Metric.THROUGHPUT);
    out.append(
        String.format(
            Locale.ROOT,
            "| throughput, share of no agent | %.0f %% | %.0f %% | | ≥ 85 %% | %s |\n",
            zThroughput * 100,
            oThroughput * 100,
            zThroughput >= 0.85 ? "yes" : "no"));
    double zShare = samples.min(Configuration.ZEROMON, Metric.SPAN_SHARE);
    double oShare = samples.median(Configuration.OTEL, Metric.SPAN_SHARE);
    out.append(
        String.format(
            Locale.ROOT,
            "| spans delivered at saturation (zeromon: worst round; OTel: median) | %.1f %% | %.1f %%"
                + " | | all (100 %%) | %s |\n\n",
            zShare,
            oShare,
            zShare >= 99.995 ? "yes" : "no"));
  }

  private void added(Metric metric, String target, double maxShare, double maxAbsolute) {
    double none = samples.median(Configuration.NONE, metric);
    double zeromon = samples.median(Configuration.ZEROMON, metric) - none;
    double otel = samples.median(Configuration.OTEL, metric) - none;
    double share = zeromon / otel;
    boolean met =
        share <= maxShare && (Double.isNaN(maxAbsolute) || zeromon <= maxAbsolute);
    out.append(
        String.format(
            Locale.ROOT,
            "| %s | %s %s | %s %s | %.2f | %s | %s |\n",
            metric.label,
            metric.format(zeromon),
            metric.unit,
            metric.format(otel),
            metric.unit,
            share,
            target,
            met ? "yes" : "no"));
  }
}
