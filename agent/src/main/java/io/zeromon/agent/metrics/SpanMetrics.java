package io.zeromon.agent.metrics;

import io.opentelemetry.api.trace.Span;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.zeromon.agent.bridge.RequestListener;
import io.zeromon.agent.bridge.RpcStatus;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The series Jaeger's Monitor tab (Service Performance Monitoring) queries, as the OpenTelemetry
 * Collector's spanmetrics connector names them, computed in the process so that a Jaeger pointed
 * at the Prometheus that scrapes this agent shows rate, errors and latency per operation without
 * a collector: {@code traces_span_metrics_calls_total} and {@code
 * traces_span_metrics_duration_milliseconds}, labels {@code service_name}, {@code span_name},
 * {@code span_kind} ({@code SPAN_KIND_SERVER}…), {@code status_code} ({@code STATUS_CODE_ERROR}…).
 */
final class SpanMetrics implements RequestListener {

  private static final String[] OVERFLOW_LABELS = {
    SeriesLimitedHistogram.OVERFLOW,
    SeriesLimitedHistogram.OVERFLOW,
    SeriesLimitedHistogram.OVERFLOW,
    SeriesLimitedHistogram.OVERFLOW
  };


  /** The spanmetrics connector's default buckets, in milliseconds. */
  private static final double[] BUCKETS = {
    2, 4, 6, 8, 10, 50, 100, 200, 400, 800, 1000, 1400, 2000, 5000, 10_000, 15_000
  };

  private static final String[] LABELS = {"service_name", "span_name", "span_kind", "status_code"};

  private final String serviceName;
  private final Counter calls;
  private final Histogram duration;
  private final SeriesLimitedHistogram limitedDuration;

  SpanMetrics(PrometheusProperties properties, String serviceName, int maxSeries) {
    this.serviceName = serviceName;
    this.calls =
        Counter.builder(properties)
            .name("traces_span_metrics_calls")
            .help("Spans ended, per operation (Jaeger Service Performance Monitoring).")
            .labelNames(LABELS)
            .build();
    this.duration =
        Histogram.builder(properties)
            .name("traces_span_metrics_duration_milliseconds")
            .help("Span durations in milliseconds, per operation (Jaeger Service Performance Monitoring).")
            .labelNames(LABELS)
            .classicOnly()
            .classicUpperBounds(BUCKETS)
            .withoutExemplars()
            .build();
    this.limitedDuration = new SeriesLimitedHistogram(duration, LABELS.length, maxSeries);
  }

  void register(PrometheusRegistry registry) {
    registry.register(calls);
    registry.register(duration);
  }

  @Override
  public void onRequestEnd(
      boolean server,
      String method,
      String route,
      int status,
      String errorType,
      double seconds,
      Span span) {
    String name = "_OTHER".equals(method) ? "HTTP" : method;
    record(server, route == null || !server ? name : name + " " + route, errorType != null, seconds);
  }

  @Override
  public void onRpcEnd(
      boolean server, String system, String service, String method, int code, double seconds, Span span) {
    record(server, service + "/" + method, RpcStatus.isError(server, code), seconds);
  }

  private void record(boolean server, String spanName, boolean error, double seconds) {
    String[] labels = {
      serviceName,
      spanName,
      server ? "SPAN_KIND_SERVER" : "SPAN_KIND_CLIENT",
      error ? "STATUS_CODE_ERROR" : "STATUS_CODE_UNSET"
    };
    DistributionDataPoint point = limitedDuration.point(labels);
    point.observe(seconds * 1000);
    calls.labelValues(limitedDuration.isOverflow(point) ? OVERFLOW_LABELS : labels).inc();
  }
}
