package io.zeromon.agent.metrics.container;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test helpers: fixture roots, and a scrape rendered as Prometheus text then read back. */
final class Scrapes {

  private Scrapes() {}

  static Path fixture(String name) {
    try {
      return Path.of(Scrapes.class.getResource("/cgroup/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String text(PrometheusRegistry registry) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PrometheusTextFormatWriter.create().write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Sample name (as exposed, e.g. with "_total") to value; our series carry no labels. */
  static Map<String, Double> samples(PrometheusRegistry registry) {
    Map<String, Double> samples = new LinkedHashMap<>();
    for (String line : text(registry).split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        String[] fields = line.split(" ");
        samples.put(fields[0], Double.parseDouble(fields[1]));
      }
    }
    return samples;
  }
}
