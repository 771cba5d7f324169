package io.zeromon.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus server (Debian's package), started on a loopback port with a generated
 * configuration and a temporary data directory; stopped by {@link #close()}. {@link #at} gives the
 * same query helpers for a server that runs elsewhere (a container), which close() leaves alone.
 */
final class PrometheusServer implements AutoCloseable {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process; // null for a server this class did not start
  private final String base;

  private PrometheusServer(Process process, String base) {
    this.process = process;
    this.base = base;
  }

  /** Scrapes {@code targets} (host:port) every second, job "zeromon". */
  static PrometheusServer start(Path dir, List<String> targets) throws Exception {
    return start(dir, Map.of("zeromon", targets));
  }

  /** Scrapes every second one job per entry (job name: its targets, host:port). */
  static PrometheusServer start(Path dir, Map<String, List<String>> jobs) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(config, config(jobs));
    Process process =
        new ProcessBuilder(
                "prometheus",
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--enable-feature=exemplar-storage",
                "--log.level=warn")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
    PrometheusServer server = new PrometheusServer(process, "http://127.0.0.1:" + port);
    server.awaitReady();
    return server;
  }

  /** A configuration scraping every second one job per entry (job name: targets). */
  static String config(Map<String, List<String>> jobs) {
    StringBuilder config =
        new StringBuilder("global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n");
    config.append("scrape_configs:\n");
    jobs.forEach(
        (job, targets) ->
            config
                .append("  - job_name: ")
                .append(job)
                .append("\n    static_configs:\n      - targets: ['")
                .append(String.join("','", targets))
                .append("']\n"));
    return config.toString();
  }

  /** A server started elsewhere (a container): the query helpers, once it is ready (bounded). */
  static PrometheusServer at(String baseUrl) throws Exception {
    PrometheusServer server = new PrometheusServer(null, baseUrl);
    server.awaitReady();
    return server;
  }

  private void awaitReady() throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      try {
        if (get("/-/ready").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // starting
      }
      Thread.sleep(200);
    }
    close();
    throw new IllegalStateException("prometheus not ready in 30 s");
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The result array of an instant query. */
  JsonNode query(String promql) throws IOException, InterruptedException {
    JsonNode answer =
        JSON.readTree(get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).body());
    if (!"success".equals(answer.path("status").asText())) {
      throw new IllegalStateException(promql + ": " + answer);
    }
    return answer.path("data").path("result");
  }

  /** Polls an instant query until it returns at least one series (bounded). */
  JsonNode awaitSeries(String promql, long millis) throws Exception {
    long deadline = System.currentTimeMillis() + millis;
    JsonNode result = query(promql);
    while (result.isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.sleep(250);
      result = query(promql);
    }
    return result;
  }

  /** Exemplars stored for a query over the last minutes. */
  JsonNode exemplars(String promql) throws IOException, InterruptedException {
    long now = System.currentTimeMillis() / 1000;
    JsonNode answer =
        JSON.readTree(
            get("/api/v1/query_exemplars?query="
                    + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                    + "&start="
                    + (now - 600)
                    + "&end="
                    + (now + 60))
                .body());
    return answer.path("data");
  }

  @Override
  public void close() throws InterruptedException {
    if (process == null) {
      return;
    }
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
