package io.zeromon.smoke;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Where the scenarios' applications run, where their agents send spans, and which Prometheus
 * scrapes them: processes on this machine ({@link LocalBackend}) or containers ({@link
 * DockerBackend}). The back end owns everything it starts and stops it all in {@link #close()}.
 */
interface Backend extends AutoCloseable {

  /**
   * Starts an application (waiting, bounded, until it serves) with the agent, its spans sent here
   * and its metrics endpoint open to this back end's Prometheus. Safe to call from several threads.
   */
  App start(ScenarioApp app) throws Exception;

  /** The host:port at which the other applications reach this service. */
  String address(String service);

  /**
   * Starts Prometheus scraping these services' agents, one job per service, before the services
   * start: Prometheus 2.x applies new targets only every five seconds, which then overlap the
   * applications' start instead of following it.
   */
  PrometheusServer scrape(List<String> services) throws Exception;

  /**
   * The spans of trace {@code traceId}, found from {@code service}, once at least {@code count}
   * arrived or {@code millis} passed (then whatever arrived).
   */
  List<TraceSpan> awaitTrace(String service, String traceId, int count, long millis)
      throws Exception;

  /** A started application, as the test reaches it. */
  final class App {
    private static final HttpClient CLIENT =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final String service;
    private final String baseUrl;

    App(String service, String baseUrl) {
      this.service = service;
      this.baseUrl = baseUrl;
    }

    /** GET with request headers (name, value, ...); bounded by a 10 s timeout. */
    HttpResponse<String> get(String path, String... headers)
        throws IOException, InterruptedException {
      return CLIENT.send(
          HttpRequest.newBuilder(URI.create(baseUrl + path))
              .timeout(Duration.ofSeconds(10))
              .headers(headers)
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }
}
