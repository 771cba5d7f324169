package io.zeromon.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Prometheus scrapes a child JVM running with the built agent. */
class MetricsIT {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ReceivedSpans SPANS = new ReceivedSpans();
  private static OtlpHttpReceiver receiver;
  private static AppJvm app;
  private static PrometheusServer prometheus;
  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    receiver = new OtlpHttpReceiver(SPANS);
    app =
        AppJvm.builder("io.zeromon.smoke.apps.HttpServerApp")
            .withMetrics()
            .property("otel.service.name", "metrics-app")
            .property("otel.exporter.otlp.endpoint", receiver.endpoint())
            .property("app.nodelay", "true")
            .property("zeromon.metrics.span-metrics.enabled", "true")
            .jvmArg("--add-opens=jdk.httpserver/sun.net.httpserver=ALL-UNNAMED")
            .start();
    for (int i = 0; i < 5; i++) {
      app.get("/hello");
      app.get("/chain");
    }
    app.get("/fail");
    prometheus = PrometheusServer.start(dir, List.of("127.0.0.1:" + app.metricsPort()));
  }

  @AfterAll
  static void stop() throws Exception {
    if (prometheus != null) {
      prometheus.close();
    }
    if (app != null) {
      app.close();
    }
    receiver.close();
  }

  static HttpResponse<String> scrape(String url, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void prometheusScrapesEveryFamily() throws Exception {
    JsonNode up = prometheus.awaitSeries("up{job=\"zeromon\"} == 1", 30_000);
    assertThat(up).as("up == 1").hasSize(1);
    List<String> families =
        List.of(
            "jvm_memory_used_bytes{area=\"heap\"}",
            "jvm_memory_pool_used_bytes",
            "jvm_buffer_pool_used_bytes",
            "jvm_gc_collection_seconds_count",
            "jvm_threads_current",
            "jvm_threads_state",
            "jvm_classes_currently_loaded",
            "jvm_compilation_time_seconds_total",
            "process_cpu_seconds_total",
            "process_resident_memory_bytes",
            "process_open_fds",
            "process_start_time_seconds",
            "http_server_request_duration_seconds_count{http_route=\"/hello\",http_response_status_code=\"200\"}",
            "http_server_request_duration_seconds_count{http_route=\"/fail\",error_type=\"500\"}",
            "http_client_request_duration_seconds_count",
            "zeromon_spans_exported_total",
            "zeromon_spans_ended_total",
            "zeromon_instrumentation_enabled{instrumentation=\"java-http-server\"}",
            "zeromon_scrape_duration_seconds",
            "target_info{service_name=\"metrics-app\"}",
            "system_cpu_time_seconds_total{state=\"user\"}",
            "system_cpu_logical_cpus",
            "system_cpu_load_average_1m",
            "system_memory_usage_bytes{state=\"used\"}",
            "system_memory_limit_bytes",
            "system_paging_usage_bytes",
            "system_network_io_bytes_total",
            "system_disk_io_bytes_total",
            "system_filesystem_usage_bytes{state=\"used\"}",
            "system_processes",
            "system_uptime_seconds");
    for (String family : families) {
      assertThat(prometheus.awaitSeries(family, 10_000)).as(family).isNotEmpty();
    }
    // what Jaeger's Monitor tab queries (service rate, error rate, latency per operation)
    for (String query :
        List.of(
            "sum(rate(traces_span_metrics_calls_total{service_name=\"metrics-app\",span_kind=\"SPAN_KIND_SERVER\"}[1m])) by (service_name)",
            "traces_span_metrics_calls_total{span_name=\"GET /fail\",status_code=\"STATUS_CODE_ERROR\"}",
            "histogram_quantile(0.95, sum(rate(traces_span_metrics_duration_milliseconds_bucket{service_name=\"metrics-app\"}[1m])) by (le, span_name))",
            "traces_span_metrics_calls_total{span_name=\"GET\",span_kind=\"SPAN_KIND_CLIENT\"}")) {
      assertThat(prometheus.awaitSeries(query, 10_000)).as(query).isNotEmpty();
    }
    if (Files.exists(Path.of("/proc/self/cgroup"))) {
      for (String family :
          List.of(
              "container_cpu_usage_seconds_total",
              "container_memory_usage_bytes",
              "container_memory_working_set_bytes",
              "container_spec_memory_limit_bytes")) {
        assertThat(prometheus.awaitSeries(family, 10_000)).as(family).isNotEmpty();
      }
    }
    JsonNode hello =
        prometheus.query("http_server_request_duration_seconds_count{http_route=\"/hello\"}");
    // five direct calls and five made by /chain to itself (other tests may add more)
    assertThat(hello.get(0).path("value").get(1).asDouble()).isGreaterThanOrEqualTo(10.0);
  }

  @Test
  void openMetricsCarriesExemplarsOfExportedSpans() throws Exception {
    String body =
        scrape(app.metricsUrl(), "Accept", "application/openmetrics-text; version=1.0.0").body();
    assertThat(body).endsWith("# EOF\n");
    Matcher matcher = Pattern.compile("trace_id=\"([0-9a-f]{32})\"").matcher(body);
    Set<String> exemplarTraces = new HashSet<>();
    while (matcher.find()) {
      exemplarTraces.add(matcher.group(1));
    }
    assertThat(exemplarTraces).isNotEmpty();
    List<ReceivedSpans.Received> spans =
        SPANS.await(r -> r.span().getKind() == Span.SpanKind.SPAN_KIND_SERVER, 16, 20_000);
    Set<String> exported = new HashSet<>();
    spans.forEach(r -> exported.add(r.traceId()));
    assertThat(exported).containsAll(exemplarTraces);

    JsonNode stored = prometheus.exemplars("http_server_request_duration_seconds_bucket");
    long deadline = System.currentTimeMillis() + 15_000;
    while (stored.isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.sleep(250);
      stored = prometheus.exemplars("http_server_request_duration_seconds_bucket");
    }
    assertThat(stored.toString()).contains("trace_id");
  }

  @Test
  void thePlainTextPayloadPassesPromtool() throws Exception {
    HttpResponse<String> response = scrape(app.metricsUrl());
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/plain; version=0.0.4");
    Path payload = dir.resolve("payload.txt");
    Files.writeString(payload, response.body());
    Process promtool =
        new ProcessBuilder("promtool", "check", "metrics")
            .redirectInput(payload.toFile())
            .redirectErrorStream(true)
            .start();
    assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String report = new String(promtool.getInputStream().readAllBytes());
    // The one name promtool's lint questions is Jaeger's: its Monitor tab queries
    // traces_span_metrics_duration_milliseconds (span metrics are off by default)
    assertThat(report.lines().filter(l -> !l.startsWith("traces_span_metrics_duration_milliseconds ")))
        .isEmpty();
  }

  @Test
  void theEndpointNegotiatesCompressesAndAnswersHeadAndHealth() throws Exception {
    HttpResponse<byte[]> gzip =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(app.metricsUrl())).header("Accept-Encoding", "gzip").build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(gzip.body()[0] & 0xff).isEqualTo(0x1f);

    HttpResponse<Void> head =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(app.metricsUrl())).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValueAsLong("Content-Length").orElse(0)).isPositive();

    String base = "http://127.0.0.1:" + app.metricsPort();
    assertThat(scrape(base + "/-/healthy").body()).isEqualTo("ok\n");
    assertThat(scrape(base + "/nothing").statusCode()).isEqualTo(404);
    String filtered = scrape(app.metricsUrl() + "?name[]=jvm_threads_current").body();
    assertThat(filtered).contains("jvm_threads_current").doesNotContain("jvm_memory_used_bytes");
  }

  @Test
  void theEndpointDoesNotChangeTheApplicationsOwnHttpServerSettings() {
    // the application set sun.net.httpserver.nodelay=true in main, after the agent started
    assertThat(app.checks()).containsEntry("nodelay", "true");
    // and nothing set the JDK server's timeouts behind its back
    assertThat(app.checks()).containsEntry("maxReqTime", "null");
  }

  @Test
  void scrapesMakeNoSpans() throws Exception {
    scrape(app.metricsUrl());
    app.get("/hello");
    SPANS.await(r -> "/hello".equals(r.attribute("url.path")), 11, 20_000);
    assertThat(SPANS.matching(r -> "/metrics".equals(r.attribute("url.path")))).isEmpty();
  }
}
