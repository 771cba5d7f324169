package io.zeromon.agent.metrics.host;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;

/**
 * Run in a fresh JVM by {@link ScrapeCostTest}, so that the first scrape pays the real OSHI and JNA
 * class loading. Prints {@link #REGISTERED} once registration is done, then figures.
 */
final class ScrapeCost {

  static final String REGISTERED = "-- registered --";
  private static final int SCRAPES = 50;

  public static void main(String[] args) throws IOException, InterruptedException {
    PrometheusRegistry cached = new PrometheusRegistry(); // the agent has one anyway
    long start = System.nanoTime();
    HostMetrics.register(cached, HostMetricsSettings.defaults());
    long registered = System.nanoTime();
    System.out.println(REGISTERED);

    long firstStart = System.nanoTime();
    cached.scrape();
    long firstEnd = System.nanoTime();
    print(String.format("register: %.2f ms", (registered - start) / 1e6));
    print(String.format("first scrape: %.1f ms", (firstEnd - firstStart) / 1e6));
    report("cached (TTL 5 s)", cached);
    Thread.sleep(500); // past OSHI's 300 ms tick memo, so that CPU utilization is in the count
    MetricSnapshots last = cached.scrape();
    print(String.format("series: %d in %d families", series(last), last.size()));
    print(String.format("payload: %d bytes (Prometheus text)", text(last).length));

    PrometheusRegistry uncached = new PrometheusRegistry();
    HostMetrics.register(uncached, HostMetricsSettings.builder().cacheTtl(Duration.ZERO).build());
    uncached.scrape(); // a second OSHI source: its own lazy set-up is not the figure wanted here
    report("uncached (TTL 0)", uncached);
  }

  private static void report(String what, PrometheusRegistry registry) throws IOException {
    double[] scrape = new double[SCRAPES];
    double[] scrapeAndWrite = new double[SCRAPES];
    for (int i = 0; i < SCRAPES; i++) {
      long t0 = System.nanoTime();
      MetricSnapshots snapshots = registry.scrape();
      long t1 = System.nanoTime();
      text(snapshots);
      long t2 = System.nanoTime();
      scrape[i] = (t1 - t0) / 1e6;
      scrapeAndWrite[i] = (t2 - t0) / 1e6;
    }
    print(
        String.format(
            "%s: scrape median %.3f ms, max %.3f ms; with text exposition median %.3f ms",
            what, median(scrape), max(scrape), median(scrapeAndWrite)));
  }

  /** Formatted before printing: a class loaded mid-line would split it in the class-load log. */
  private static void print(String line) {
    System.out.println(line);
  }

  private static byte[] text(MetricSnapshots snapshots) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, snapshots, EscapingScheme.ALLOW_UTF8);
    return out.toByteArray();
  }

  private static int series(MetricSnapshots snapshots) {
    return snapshots.stream().mapToInt(s -> s.getDataPoints().size()).sum();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double max(double[] values) {
    return Arrays.stream(values).max().orElse(0);
  }

  private ScrapeCost() {}
}
