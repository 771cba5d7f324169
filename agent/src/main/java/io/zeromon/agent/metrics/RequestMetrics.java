package io.zeromon.agent.metrics;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.Unit;
import io.zeromon.agent.bridge.RequestListener;

/**
 * The RED metrics of the traffic the instrumentations see, named after OpenTelemetry's HTTP
 * metrics in their Prometheus form; sampled spans become exemplars. One recording path for every
 * library: the bridge calls {@link #onRequestEnd} when a request ends.
 */
final class RequestMetrics implements RequestListener {

  /** OpenTelemetry's advised boundaries for HTTP durations, in seconds. */
  private static final double[] BUCKETS = {
    0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10
  };

  private final SeriesLimitedHistogram server;
  private final SeriesLimitedHistogram client;
  private final SeriesLimitedHistogram rpcServer;
  private final SeriesLimitedHistogram rpcClient;

  RequestMetrics(PrometheusProperties properties, PrometheusRegistry registry, int maxSeries) {
    server =
        new SeriesLimitedHistogram(
            histogram(properties, "http_server_request_duration_seconds", "Duration of HTTP server requests.")
                .labelNames("http_request_method", "http_route", "http_response_status_code", "error_type")
                .register(registry),
            4,
            maxSeries);
    client =
        new SeriesLimitedHistogram(
            histogram(properties, "http_client_request_duration_seconds", "Duration of HTTP client requests.")
                .labelNames("http_request_method", "http_response_status_code", "error_type")
                .register(registry),
            3,
            maxSeries);
    rpcServer = rpc(properties, registry, "rpc_server_call_duration_seconds", "Duration of RPCs served.", maxSeries);
    rpcClient = rpc(properties, registry, "rpc_client_call_duration_seconds", "Duration of RPCs made.", maxSeries);
  }

  private static SeriesLimitedHistogram rpc(
      PrometheusProperties properties, PrometheusRegistry registry, String name, String help, int maxSeries) {
    return new SeriesLimitedHistogram(
        histogram(properties, name, help)
            .labelNames("rpc_system", "rpc_service", "rpc_method", "rpc_response_status_code")
            .register(registry),
        4,
        maxSeries);
  }

  private static Histogram.Builder histogram(PrometheusProperties properties, String name, String help) {
    return Histogram.builder(properties)
        .name(name)
        .help(help)
        .unit(Unit.SECONDS)
        .classicOnly()
        .classicUpperBounds(BUCKETS);
  }

  @Override
  public void onRequestEnd(
      boolean isServer,
      String method,
      String route,
      int status,
      String errorType,
      double seconds,
      Span span) {
    String code = status > 0 ? Integer.toString(status) : "";
    DistributionDataPoint point =
        isServer ? server.point(method, route, code, errorType) : client.point(method, code, errorType);
    observe(point, seconds, span);
  }

  @Override
  public void onRpcEnd(
      boolean isServer, String system, String service, String method, int code, double seconds, Span span) {
    SeriesLimitedHistogram histogram = isServer ? rpcServer : rpcClient;
    observe(histogram.point(system, service, method, Integer.toString(code)), seconds, span);
  }

  private static void observe(DistributionDataPoint point, double seconds, Span span) {
    SpanContext context = span.getSpanContext();
    if (context.isSampled()) {
      point.observeWithExemplar(
          seconds, Labels.of("trace_id", context.getTraceId(), "span_id", context.getSpanId()));
    } else {
      point.observe(seconds);
    }
  }

  long overflowed() {
    return server.overflowed() + client.overflowed() + rpcServer.overflowed() + rpcClient.overflowed();
  }
}
