package io.zeromon.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A collector that is slow or answers errors while load runs: no request thread waits for it,
 * memory stays bounded by the queue, and the counters account for every span not delivered.
 */
class ExportResilienceIT {

  private static final String APP = "io.zeromon.smoke.apps.HttpServerApp";

  /** A collector endpoint that answers 503 at once, or 200 after two seconds. */
  private static HttpServer badCollector(String behaviour) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/traces",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          try {
            if ("slow".equals(behaviour)) {
              Thread.sleep(2000);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders("slow".equals(behaviour) ? 200 : 503, -1);
          exchange.close();
        });
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    return server;
  }

  @ParameterizedTest
  @ValueSource(strings = {"slow", "unavailable"})
  void underLoadRequestsNeverWaitAndEverySpanIsAccountedFor(String behaviour) throws Exception {
    HttpServer collector = badCollector(behaviour);
    try (AppJvm app =
        AppJvm.builder(APP)
            .withMetrics()
            .property("otel.exporter.otlp.endpoint", "http://127.0.0.1:" + collector.getAddress().getPort())
            .property("otel.exporter.otlp.timeout", "1000")
            .property("otel.bsp.max.queue.size", "256")
            .property("otel.bsp.max.export.batch.size", "64")
            .property("zeromon.metrics.host.enabled", "false")
            .jvmArg("-Xmx64m")
            .start()) {
      int requests = 4 * 400;
      List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
      ExecutorService load = Executors.newFixedThreadPool(4);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        done.add(
            load.submit(
                () -> {
                  for (int i = 0; i < 400; i++) {
                    long start = System.nanoTime();
                    assertThat(app.get("/hello").statusCode()).isEqualTo(200);
                    latencies.add(System.nanoTime() - start);
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
      load.shutdown();
      Collections.sort(latencies);
      long p99 = latencies.get((int) (latencies.size() * 0.99)) / 1_000_000;
      System.out.printf("%s collector: %d requests, p99 %d ms%n", behaviour, requests, p99);
      // an export on the request path would cost the 1 s export timeout (or the 2 s answer)
      assertThat(p99).isLessThan(500);

      String metrics = MetricsIT.scrape(app.metricsUrl()).body();
      long ended = value(metrics, "zeromon_spans_ended_total");
      long dropped = value(metrics, "zeromon_processor_span_processed_total\\{error_type=\"queue_full\"");
      long handed = value(metrics, "zeromon_processor_span_processed_total\\{otel_component_name");
      long queued = value(metrics, "zeromon_processor_span_queue_size");
      assertThat(ended).isGreaterThanOrEqualTo(requests);
      // every span ended is dropped at the queue, handed to the exporter, or still queued
      // (one batch may be between the queue and the exporter while we read)
      assertThat(ended - dropped - handed - queued).isBetween(0L, 64L);
      assertThat(queued).isLessThanOrEqualTo(256);
      if ("unavailable".equals(behaviour)) {
        assertThat(value(metrics, "zeromon_spans_export_failed_total")).isPositive();
      }
      // the heap stays bounded: the JVM ran the load in 64 MiB without an OutOfMemoryError
      assertThat(app.stderr()).doesNotContain("OutOfMemoryError");
    } finally {
      collector.stop(0);
    }
  }

  @Test
  void pendingSpansAreFlushedWhenTheJvmStops() throws Exception {
    ReceivedSpans spans = new ReceivedSpans();
    try (OtlpHttpReceiver receiver = new OtlpHttpReceiver(spans)) {
      AppJvm app =
          AppJvm.builder(APP)
              .property("otel.service.name", "flush-on-exit")
              .property("otel.exporter.otlp.endpoint", receiver.endpoint())
              .property("otel.bsp.schedule.delay", "60000")
              .withMetrics()
              .property("zeromon.metrics.host.enabled", "false")
              .start();
      app.get("/hello");
      // the span ends just after the response is sent: wait until it has, then stop the JVM
      long deadline = System.currentTimeMillis() + 10_000;
      while (value(MetricsIT.scrape(app.metricsUrl()).body(), "zeromon_spans_ended_total") < 1
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      long start = System.nanoTime();
      app.close(); // SIGTERM: the shutdown hook flushes within its bound
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(spans.await(r -> "flush-on-exit".equals(r.service()), 1, 5_000)).hasSize(1);
      assertThat(millis).isLessThan(10_000);
    }
  }

  private static long value(String metrics, String series) {
    Matcher matcher = Pattern.compile("(?m)^" + series + "[^ ]* ([0-9.eE+]+)$").matcher(metrics);
    long total = 0;
    while (matcher.find()) {
      total += (long) Double.parseDouble(matcher.group(1));
    }
    return total;
  }
}
