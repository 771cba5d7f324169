package io.zeromon.agent.metrics;

import io.prometheus.metrics.config.ExporterProperties;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.common.PrometheusHttpExchange;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.zeromon.agent.AgentLog;
import io.zeromon.agent.bridge.RequestListener;
import io.zeromon.agent.config.AgentConfig;
import io.zeromon.agent.metrics.http.MetricsHttpServer;
import java.io.IOException;
import java.util.Map;

/**
 * The Prometheus endpoint: our own registry and explicitly built client properties (nothing is
 * read from the application's Prometheus settings), RED metrics registered at start so requests
 * can be recorded at once, everything costly (JVM, host, container collectors) registered on the
 * first scrape so that it never adds to the application's start-up.
 */
public final class MetricsEndpoint {

  private final AgentConfig.MetricsSettings settings;
  private final PrometheusProperties properties;
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final RequestListener listener;
  private final AgentStatus status;
  private boolean collectorsRegistered;
  private MetricsHttpServer server;

  private MetricsEndpoint(
      AgentConfig.MetricsSettings settings, AgentStatus status, String serviceName) {
    this.settings = settings;
    this.status = status;
    this.properties =
        PrometheusProperties.builder()
            .exporterProperties(
                ExporterProperties.builder()
                    .includeCreatedTimestamps(false)
                    .exemplarsOnAllMetricTypes(false)
                    .prometheusTimestampsInMs(false)
                    .build())
            .build();
    RequestMetrics requests = new RequestMetrics(properties, registry, settings.maxSeries);
    status.seriesOverflow = requests::overflowed;
    if (settings.spanMetrics) {
      SpanMetrics spans = new SpanMetrics(properties, serviceName, settings.maxSeries);
      spans.register(registry);
      this.listener = new BothListeners(requests, spans);
    } else {
      this.listener = requests;
    }
  }

  /** Creates the endpoint's metrics; {@link #serve} starts the HTTP server. */
  public static MetricsEndpoint create(
      AgentConfig.MetricsSettings settings, AgentStatus status, String serviceName) {
    return new MetricsEndpoint(settings, status, serviceName);
  }

  public RequestListener requestListener() {
    return listener;
  }

  /** Binds the endpoint; a taken port gets one warning and the application runs on. */
  public boolean serve(Map<String, String> resource) {
    AgentHealthMetrics.register(properties, registry, status);
    AgentHealthMetrics.registerTargetInfo(properties, registry, resource);
    try {
      server =
          MetricsHttpServer.start(
              settings.host, settings.port, new LazyScrapeHandler(), settings.user, settings.password);
      status.rejectedScrapes = server::rejectedConnections;
      return true;
    } catch (IOException e) {
      AgentLog.warn(
          "metrics endpoint not started: cannot listen on "
              + settings.host
              + ":"
              + settings.port
              + " ("
              + e.getMessage()
              + "); set otel.exporter.prometheus.port to a free port. The application runs on.");
      return false;
    }
  }

  /** For the start-up line. */
  public String describe() {
    String host = "0.0.0.0".equals(settings.host) ? "HOST" : settings.host;
    String where = "http://" + host + ":" + (server == null ? settings.port : server.port()) + "/metrics";
    if ("localhost".equals(settings.host) || "127.0.0.1".equals(settings.host)) {
      where += " (local only; otel.exporter.prometheus.host=0.0.0.0 opens it to a remote Prometheus)";
    }
    return where;
  }

  public void stop() {
    if (server != null) {
      server.close();
    }
  }

  private synchronized void registerCollectors() {
    if (collectorsRegistered) {
      return;
    }
    collectorsRegistered = true;
    if (settings.jvmMetrics) {
      JvmMetrics.builder(properties).register(registry);
    }
    if (settings.hostMetrics) {
      HostCollectors.register(registry, settings);
    }
    if (settings.containerMetrics) {
      ContainerCollectors.register(registry);
    }
  }

  /** Registers the costly collectors on the first scrape and times every scrape. */
  private final class LazyScrapeHandler extends PrometheusScrapeHandler {
    LazyScrapeHandler() {
      super(properties, registry);
    }

    @Override
    public void handleRequest(PrometheusHttpExchange exchange) throws IOException {
      long start = System.nanoTime();
      registerCollectors();
      super.handleRequest(exchange);
      status.scraped((System.nanoTime() - start) / 1e9);
    }
  }
}
