package io.zeromon.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentConfigTest {

  private static AgentConfig load(Map<String, String> props, Map<String, String> env, ConfigProblems problems) {
    return AgentConfig.load(ConfigSources.of(props, env), problems);
  }

  @Test
  void defaultsFollowTheOpenTelemetrySdk() {
    ConfigProblems problems = new ConfigProblems();
    AgentConfig config = load(Map.of(), Map.of(), problems);
    assertThat(problems.messages()).isEmpty();
    assertThat(config.enabled).isTrue();
    assertThat(config.traces.exporters).containsExactly("otlp");
    assertThat(config.traces.otlpProtocol).isEqualTo("http/protobuf");
    assertThat(config.traces.otlpEndpoint).isEqualTo("http://localhost:4318/v1/traces");
    assertThat(config.traces.sampler).isEqualTo("parentbased_always_on");
    assertThat(config.traces.propagators).containsExactly("tracecontext", "baggage");
    assertThat(config.metrics.prometheusEnabled).isTrue();
    assertThat(config.metrics.host).isEqualTo("localhost");
    assertThat(config.metrics.port).isEqualTo(9464);
    assertThat(config.instrumentationEnabled("java-http-server")).isTrue();
  }

  @Test
  void systemPropertiesWinOverTheEnvironment() {
    AgentConfig config =
        load(
            Map.of("otel.service.name", "from-property"),
            Map.of("OTEL_SERVICE_NAME", "from-env", "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"),
            new ConfigProblems());
    assertThat(config.serviceName).isEqualTo("from-property");
    assertThat(config.traces.otlpProtocol).isEqualTo("grpc");
    assertThat(config.traces.otlpEndpoint).isEqualTo("http://localhost:4317");
  }

  @Test
  void theBaseEndpointGetsTheSignalPathForHttpButNotForGrpc() {
    AgentConfig http =
        load(Map.of("otel.exporter.otlp.endpoint", "http://collector:4318/"), Map.of(), new ConfigProblems());
    assertThat(http.traces.otlpEndpoint).isEqualTo("http://collector:4318/v1/traces");
    AgentConfig specific =
        load(
            Map.of("otel.exporter.otlp.traces.endpoint", "https://collector/custom"),
            Map.of(),
            new ConfigProblems());
    assertThat(specific.traces.otlpEndpoint).isEqualTo("https://collector/custom");
  }

  @Test
  void badValuesAreReportedOnceEachAndDefaulted() {
    ConfigProblems problems = new ConfigProblems();
    AgentConfig config =
        load(
            Map.of(
                "otel.exporter.prometheus.port", "70000",
                "otel.traces.exporter", "zipkin",
                "otel.exporter.otlp.endpoint", "collector:4318",
                "otel.instrumentation.common.default-enabled", "yes"),
            Map.of(),
            problems);
    assertThat(config.metrics.port).isEqualTo(9464);
    assertThat(config.traces.exporters).containsExactly("otlp");
    assertThat(config.traces.otlpEndpoint).isEqualTo("http://localhost:4318/v1/traces");
    assertThat(problems.messages())
        .hasSize(4)
        .anyMatch(m -> m.contains("otel.exporter.prometheus.port='70000'") && m.contains("0 to 65535"))
        .anyMatch(m -> m.contains("'zipkin' is unknown"))
        .anyMatch(m -> m.contains("an http:// or https:// URL"))
        .anyMatch(m -> m.contains("true or false"));
  }

  @Test
  void instrumentationsCanBeSwitchedOffOneByOneOrAllByDefault() {
    AgentConfig config =
        load(
            Map.of(
                "otel.instrumentation.common.default-enabled", "false",
                "otel.instrumentation.java-http-client.enabled", "true"),
            Map.of(),
            new ConfigProblems());
    assertThat(config.instrumentationEnabled("java-http-server")).isFalse();
    assertThat(config.instrumentationEnabled("java-http-client")).isTrue();
  }

  @Test
  void resourceAttributesArePercentDecodedAndMalformedPairsSkipped() {
    ConfigProblems problems = new ConfigProblems();
    AgentConfig config =
        load(Map.of("otel.resource.attributes", "a=1,b=x%20y,oops, c = 3 "), Map.of(), problems);
    assertThat(config.resourceAttributes).containsExactly(
        Map.entry("a", "1"), Map.entry("b", "x y"), Map.entry("c", "3"));
    assertThat(problems.messages()).singleElement().asString().contains("skipping 'oops'");
  }

  @Test
  void unknownZeromonKeysAreReported() {
    ConfigProblems problems = new ConfigProblems();
    load(Map.of("zeromon.log.lvl", "debug", "zeromon.log.level", "debug"), Map.of(), problems);
    assertThat(problems.messages()).singleElement().asString().contains("zeromon.log.lvl");
  }

  @Test
  void environmentNamesFollowTheSpecification() {
    assertThat(ConfigSources.environmentName("otel.exporter.otlp.endpoint"))
        .isEqualTo("OTEL_EXPORTER_OTLP_ENDPOINT");
    assertThat(ConfigSources.environmentName("otel.javaagent.configuration-file"))
        .isEqualTo("OTEL_JAVAAGENT_CONFIGURATION_FILE");
  }

  @Test
  void agentArgumentsAreCommaSeparatedPairs() {
    assertThat(ConfigSources.parseArguments("a=1, b = two,junk"))
        .containsExactlyInAnyOrderEntriesOf(Map.of("a", "1", "b", "two"));
    assertThat(List.of(ConfigSources.parseArguments(null))).singleElement().isEqualTo(Map.of());
  }

  @Test
  void theJaegerClientsVariablesAreFallbacks() {
    AgentConfig config =
        load(
            Map.of("otel.resource.attributes", "team=platform"),
            Map.of(
                "JAEGER_SERVICE_NAME", "legacy",
                "JAEGER_TAGS", "team=core,region=eu",
                "JAEGER_SAMPLER_TYPE", "probabilistic",
                "JAEGER_SAMPLER_PARAM", "0.25",
                "JAEGER_PROPAGATION", "jaeger,b3"),
            new ConfigProblems());
    assertThat(config.serviceName).isEqualTo("legacy");
    assertThat(config.resourceAttributes).containsEntry("team", "platform").containsEntry("region", "eu");
    assertThat(config.traces.sampler).isEqualTo("parentbased_traceidratio");
    assertThat(config.traces.samplerRatio).isEqualTo(0.25);
    assertThat(config.traces.propagators).containsExactly("jaeger", "b3multi");

    AgentConfig otelWins =
        load(
            Map.of("otel.traces.sampler", "always_on", "otel.propagators", "tracecontext"),
            Map.of("JAEGER_SAMPLER_TYPE", "const", "JAEGER_SAMPLER_PARAM", "0", "JAEGER_PROPAGATION", "b3"),
            new ConfigProblems());
    assertThat(otelWins.traces.sampler).isEqualTo("always_on");
    assertThat(otelWins.traces.samplerRatio).isEqualTo(1.0);
    assertThat(otelWins.traces.propagators).containsExactly("tracecontext");
  }
}
