package io.zeromon.agent.exporter.jaeger;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeromon.agent.config.ConfigProblems;
import io.zeromon.agent.config.ConfigReader;
import io.zeromon.agent.config.ConfigSources;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JaegerExporterSettingsTest {

  private final ConfigProblems problems = new ConfigProblems();

  private JaegerExporterSettings read(Map<String, String> properties, Map<String, String> env) {
    return JaegerExporterSettings.read(
        new ConfigReader(ConfigSources.of(properties, env), problems));
  }

  @Test
  void defaultsToCompactUdpOnTheLocalAgent() {
    JaegerExporterSettings settings = read(Map.of(), Map.of());
    assertThat(settings.protocol()).isEqualTo("udp/thrift.compact");
    assertThat(settings.agentHost()).isEqualTo("localhost");
    assertThat(settings.agentPort()).isEqualTo(6831);
    assertThat(settings.endpoint()).isEqualTo("http://localhost:14268/api/traces");
    assertThat(settings.timeoutMillis()).isEqualTo(10_000);
    assertThat(settings.user()).isNull();
    assertThat(settings.describe()).isEqualTo("Jaeger udp/thrift.compact localhost:6831");
    assertThat(problems.messages()).isEmpty();
  }

  @Test
  void binaryUdpDefaultsToItsOwnPort() {
    JaegerExporterSettings settings =
        read(Map.of("otel.exporter.jaeger.protocol", "UDP/thrift.binary"), Map.of());
    assertThat(settings.protocol()).isEqualTo("udp/thrift.binary");
    assertThat(settings.agentPort()).isEqualTo(6832);
  }

  @Test
  void readsEveryProperty() {
    JaegerExporterSettings settings =
        read(
            Map.of(
                "otel.exporter.jaeger.protocol", "http/thrift.binary",
                "otel.exporter.jaeger.agent.host", "agent.local",
                "otel.exporter.jaeger.agent.port", "7000",
                "otel.exporter.jaeger.endpoint", "https://collector:14268/api/traces",
                "otel.exporter.jaeger.timeout", "3s",
                "otel.exporter.jaeger.user", "u",
                "otel.exporter.jaeger.password", "p"),
            Map.of("JAEGER_AGENT_HOST", "ignored", "JAEGER_USER", "ignored"));
    assertThat(settings.agentHost()).isEqualTo("agent.local");
    assertThat(settings.agentPort()).isEqualTo(7000);
    assertThat(settings.endpoint()).isEqualTo("https://collector:14268/api/traces");
    assertThat(settings.timeoutMillis()).isEqualTo(3_000);
    assertThat(settings.user()).isEqualTo("u");
    assertThat(settings.password()).isEqualTo("p");
    assertThat(settings.describe())
        .isEqualTo("Jaeger http/thrift.binary https://collector:14268/api/traces (basic auth)")
        .doesNotContain("p)");
  }

  @Test
  void jaegerClientVariablesAreFallbacks() {
    JaegerExporterSettings udp =
        read(Map.of(), Map.of("JAEGER_AGENT_HOST", "jaeger-agent", "JAEGER_AGENT_PORT", "5775"));
    assertThat(udp.protocol()).isEqualTo("udp/thrift.compact");
    assertThat(udp.describe()).isEqualTo("Jaeger udp/thrift.compact jaeger-agent:5775");

    JaegerExporterSettings http =
        read(
            Map.of(),
            Map.of(
                "JAEGER_ENDPOINT", "http://collector:14268/api/traces",
                "JAEGER_USER", "ju",
                "JAEGER_PASSWORD", "jp"));
    assertThat(http.protocol()).isEqualTo("http/thrift.binary");
    assertThat(http.endpoint()).isEqualTo("http://collector:14268/api/traces");
    assertThat(http.user()).isEqualTo("ju");
    assertThat(http.password()).isEqualTo("jp");

    JaegerExporterSettings explicit =
        read(
            Map.of("otel.exporter.jaeger.protocol", "udp/thrift.compact"),
            Map.of("JAEGER_ENDPOINT", "http://collector:14268/api/traces"));
    assertThat(explicit.protocol()).isEqualTo("udp/thrift.compact");
    assertThat(problems.messages()).isEmpty();
  }

  @Test
  void badValuesAreReportedAndDefaulted() {
    JaegerExporterSettings settings =
        read(
            Map.of(
                "otel.exporter.jaeger.protocol", "grpc",
                "otel.exporter.jaeger.agent.port", "0",
                "otel.exporter.jaeger.endpoint", "collector:14268",
                "otel.exporter.jaeger.timeout", "0"),
            Map.of("JAEGER_AGENT_PORT", "six")); // overridden by the property: not even read
    assertThat(settings.protocol()).isEqualTo("udp/thrift.compact");
    assertThat(settings.agentPort()).isEqualTo(6831);
    assertThat(settings.endpoint()).isEqualTo("http://localhost:14268/api/traces");
    assertThat(settings.timeoutMillis()).isEqualTo(10_000);
    assertThat(problems.messages())
        .hasSize(4)
        .anySatisfy(m -> assertThat(m).contains("otel.exporter.jaeger.protocol='grpc'"))
        .anySatisfy(m -> assertThat(m).contains("otel.exporter.jaeger.agent.port='0'"))
        .anySatisfy(m -> assertThat(m).contains("otel.exporter.jaeger.endpoint='collector:14268'"))
        .anySatisfy(m -> assertThat(m).contains("otel.exporter.jaeger.timeout='0'"));
  }

  @Test
  void badJaegerClientVariablesAreReportedToo() {
    JaegerExporterSettings settings =
        read(Map.of(), Map.of("JAEGER_AGENT_PORT", "six", "JAEGER_ENDPOINT", "ftp://x/y"));
    assertThat(settings.agentPort()).isEqualTo(6831);
    assertThat(settings.protocol()).isEqualTo("http/thrift.binary");
    assertThat(settings.endpoint()).isEqualTo("http://localhost:14268/api/traces");
    assertThat(problems.messages())
        .hasSize(2)
        .anySatisfy(m -> assertThat(m).contains("JAEGER_AGENT_PORT='six'"))
        .anySatisfy(m -> assertThat(m).contains("JAEGER_ENDPOINT='ftp://x/y'"));
  }
}
