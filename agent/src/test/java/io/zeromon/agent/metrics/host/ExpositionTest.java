package io.zeromon.agent.metrics.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The whole exposition for a fake host, in OpenMetrics so that units are checked too. */
class ExpositionTest {

  static String openMetrics(PrometheusRegistry registry) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OpenMetricsTextFormatWriter.create().write(out, registry.scrape(), EscapingScheme.ALLOW_UTF8);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void exposesEveryFamilyOfTheFakeHost() throws IOException {
    FakeSource fake = new FakeSource();
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register(new HostCollector(HostMetricsSettings.defaults(), () -> fake));
    openMetrics(registry); // the first scrape only records CPU ticks for utilization
    fake.ticks = new long[] {1250, 0, 625, 8500, 100, 0, 145, 0}; // +250 +125 +500 +125

    assertThat(openMetrics(registry)).isEqualTo(golden("fake-host.om.txt"));
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = ExpositionTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
