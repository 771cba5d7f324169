package io.zeromon.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The deployment files in docs/deployment: valid, and querying metrics the agent really has. */
class DeploymentConfigIT {

  private static final Path DEPLOYMENT = Paths.get("..", "docs", "deployment");
  private static final Set<String> PROMQL_WORDS =
      Set.of(
          "sum", "by", "without", "rate", "increase", "histogram_quantile", "le", "on", "ignoring",
          "group_left", "group_right", "and", "or", "unless", "bool", "offset", "avg", "max", "min",
          "count", "label_values", "humanizePercentage", "time", "irate", "topk", "abs");

  @Test
  void everyYamlFileParses() throws Exception {
    List<Path> yamls;
    try (Stream<Path> files = Files.walk(DEPLOYMENT)) {
      yamls = files.filter(p -> p.toString().matches(".*\\.ya?ml$")).collect(Collectors.toList());
    }
    assertThat(yamls).hasSizeGreaterThanOrEqualTo(7);
    for (Path yaml : yamls) {
      Object parsed = new Yaml().load(Files.readString(yaml));
      assertThat(parsed).as(yaml.toString()).isNotNull();
    }
    Map<?, ?> compose = new Yaml().load(Files.readString(DEPLOYMENT.resolve("server/docker-compose.yml")));
    Set<String> services = new TreeSet<>();
    ((Map<?, ?>) compose.get("services")).keySet().forEach(k -> services.add(String.valueOf(k)));
    assertThat(services).contains("jaeger", "opensearch", "prometheus", "grafana");
  }

  @Test
  void prometheusConfigurationAndAlertRulesPassPromtool() throws Exception {
    assertThat(promtool("check", "config", DEPLOYMENT.resolve("server/prometheus.yml").toString()))
        .contains("SUCCESS");
    assertThat(promtool("check", "rules", DEPLOYMENT.resolve("server/alerts.yml").toString()))
        .contains("SUCCESS: 5 rules found");
  }

  @Test
  void theDashboardAndAlertsQueryOnlyMetricsALiveAgentExposes() throws Exception {
    JsonNode dashboard = new ObjectMapper().readTree(DEPLOYMENT.resolve("server/grafana/dashboards/zeromon.json").toFile());
    List<String> expressions = new ArrayList<>();
    dashboard.findValues("expr").forEach(e -> expressions.add(e.asText()));
    dashboard.findValues("query").forEach(q -> expressions.add(q.asText()));
    Map<?, ?> rules = new Yaml().load(Files.readString(DEPLOYMENT.resolve("server/alerts.yml")));
    for (Object group : (List<?>) rules.get("groups")) {
      for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
        expressions.add(String.valueOf(((Map<?, ?>) rule).get("expr")));
      }
    }
    assertThat(expressions).hasSizeGreaterThan(30);
    Set<String> queried = new TreeSet<>();
    expressions.forEach(e -> queried.addAll(metricNames(e)));

    Set<String> exposed;
    try (AppJvm app =
        AppJvm.builder("io.zeromon.smoke.apps.HttpServerApp")
            .withMetrics()
            .property("otel.traces.exporter", "console")
            .start()) {
      app.get("/hello");
      app.get("/chain");
      // the SDK's own series appear with its first export
      long deadline = System.currentTimeMillis() + 10_000;
      do {
        exposed = sampleNames(MetricsIT.scrape(app.metricsUrl()).body());
      } while (!exposed.contains("zeromon_exporter_span_exported_total")
          && System.currentTimeMillis() < deadline
          && sleep(200));
    }
    exposed.add("up"); // Prometheus's own
    Set<String> missing = new TreeSet<>(queried);
    missing.removeAll(exposed);
    // series that exist only in some states: gRPC traffic, a CPU limit on the container
    missing.removeAll(Set.of("rpc_server_call_duration_seconds_count", "container_spec_cpu_quota"));
    if (!Files.exists(Paths.get("/proc/self/cgroup"))) {
      missing.removeIf(name -> name.startsWith("container_"));
    }
    assertThat(missing).as("queried but not exposed").isEmpty();
    assertThat(queried).contains("http_server_request_duration_seconds_bucket", "jvm_memory_used_bytes", "zeromon_spans_exported_total");
  }

  /** Metric names in a PromQL expression: identifiers that are not functions, keywords or labels. */
  static Set<String> metricNames(String expression) {
    String withoutLabels = expression.replaceAll("\\{[^}]*\\}", "{}").replaceAll("\"[^\"]*\"", "");
    withoutLabels = withoutLabels.replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", "");
    withoutLabels = withoutLabels.replaceAll("\\[[^]]*\\]", "");
    Set<String> names = new TreeSet<>();
    Matcher matcher = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(withoutLabels);
    while (matcher.find()) {
      String word = matcher.group();
      boolean call = withoutLabels.startsWith("(", matcher.end());
      if (!call && !PROMQL_WORDS.contains(word) && !word.startsWith("$") && word.contains("_")) {
        names.add(word);
      }
    }
    return names;
  }

  private static Set<String> sampleNames(String exposition) {
    Set<String> names = new TreeSet<>();
    for (String line : exposition.split("\n")) {
      if (!line.isEmpty() && !line.startsWith("#")) {
        names.add(line.split("[{ ]", 2)[0]);
      }
    }
    return names;
  }

  private static boolean sleep(long millis) throws InterruptedException {
    Thread.sleep(millis);
    return true;
  }

  private static String promtool(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("promtool"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }
}
