package io.zeromon.agent.trace;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.common.InternalTelemetryVersion;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.zeromon.agent.config.AgentConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The trace pipeline: tracer provider, sampler, batch processor, exporters and propagators. */
public final class Tracing {

  private final SdkTracerProvider provider;
  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final List<ReportingSpanExporter> exporters;
  private final String destinations;
  private final EndedSpanCounter ended;
  private final SdkSelfMetrics selfMetrics;

  private Tracing(
      SdkTracerProvider provider,
      TextMapPropagator propagator,
      List<ReportingSpanExporter> exporters,
      String destinations,
      EndedSpanCounter ended,
      SdkSelfMetrics selfMetrics,
      String version) {
    this.provider = provider;
    this.ended = ended;
    this.selfMetrics = selfMetrics;
    this.tracer = provider.get("io.zeromon", version);
    this.propagator = propagator;
    this.exporters = exporters;
    this.destinations = destinations;
  }

  public static Tracing start(AgentConfig config, Resource resource, String version) {
    AgentConfig.TraceSettings settings = config.traces;
    SdkSelfMetrics selfMetrics = new SdkSelfMetrics();
    List<ReportingSpanExporter> exporters = new ArrayList<>();
    List<String> destinations = new ArrayList<>();
    for (String name : settings.exporters) {
      SpanExporter exporter = SpanExporters.create(name, settings, selfMetrics.meterProvider());
      if (exporter != null) {
        String destination = SpanExporters.describe(name, settings);
        destinations.add(destination);
        exporters.add(
            new ReportingSpanExporter(exporter, destination, settings.failureLogIntervalMillis));
      }
    }
    EndedSpanCounter ended = new EndedSpanCounter();
    SdkTracerProviderBuilder builder =
        SdkTracerProvider.builder()
            .setResource(resource)
            .setSampler(Samplers.create(settings, config.serviceName))
            .setMeterProvider(selfMetrics.meterProvider())
            .addSpanProcessor(ended);
    if (!exporters.isEmpty()) {
      builder.addSpanProcessor(
          BatchSpanProcessor.builder(SpanExporter.composite(new ArrayList<SpanExporter>(exporters)))
              .setScheduleDelay(Duration.ofMillis(settings.scheduleDelayMillis))
              .setMaxQueueSize(settings.maxQueueSize)
              .setMaxExportBatchSize(Math.min(settings.maxExportBatchSize, settings.maxQueueSize))
              .setExporterTimeout(Duration.ofMillis(settings.exportTimeoutMillis))
              .setMeterProvider(selfMetrics.meterProvider())
              .setInternalTelemetryVersion(InternalTelemetryVersion.LATEST)
              .build());
    }
    return new Tracing(
        builder.build(),
        Propagators.create(settings.propagators),
        exporters,
        destinations.isEmpty() ? "nowhere (otel.traces.exporter=none)" : String.join(" and ", destinations),
        ended,
        selfMetrics,
        version);
  }

  public Tracer tracer() {
    return tracer;
  }

  public TextMapPropagator propagator() {
    return propagator;
  }

  /** Where spans go, for the start-up line. */
  public String destinations() {
    return destinations;
  }

  /** The SDK's own telemetry (queue, drops, exports). */
  public SdkSelfMetrics selfMetrics() {
    return selfMetrics;
  }

  /** Sampled spans ended, each handed to the batch processor. */
  public long endedSpans() {
    return ended.count();
  }

  public long exportedSpans() {
    long total = 0;
    for (ReportingSpanExporter exporter : exporters) {
      total += exporter.exportedSpans();
    }
    return total;
  }

  public long failedSpans() {
    long total = 0;
    for (ReportingSpanExporter exporter : exporters) {
      total += exporter.failedSpans();
    }
    return total;
  }

  /** Flushes pending spans and stops, waiting at most {@code millis}. */
  public void shutdown(long millis) {
    provider.shutdown().join(millis, TimeUnit.MILLISECONDS);
  }
}
