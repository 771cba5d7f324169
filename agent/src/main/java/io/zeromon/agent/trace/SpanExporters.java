package io.zeromon.agent.trace;

import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.sdk.common.InternalTelemetryVersion;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporterBuilder;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.zeromon.agent.config.AgentConfig;
import io.zeromon.agent.exporter.jaeger.JaegerSpanExporter;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/** {@code otel.traces.exporter} names to exporters. */
final class SpanExporters {

  private SpanExporters() {}

  /** The exporter for {@code name}, or null for {@code none}. */
  static SpanExporter create(
      String name, AgentConfig.TraceSettings settings, Supplier<MeterProvider> meters) {
    switch (name) {
      case "otlp":
        return new LazySpanExporter(
            () -> "grpc".equals(settings.otlpProtocol) ? grpc(settings, meters) : http(settings, meters));
      case "jaeger":
        return new JaegerSpanExporter(settings.jaeger);
      case "console":
      case "logging":
        return new ConsoleSpanExporter(System.err);
      default:
        return null;
    }
  }

  static String describe(String name, AgentConfig.TraceSettings settings) {
    if ("otlp".equals(name)) {
      return "OTLP " + settings.otlpProtocol + " " + settings.otlpEndpoint;
    }
    if ("jaeger".equals(name)) {
      return settings.jaeger.describe();
    }
    return "the console (stderr)";
  }

  private static SpanExporter http(
      AgentConfig.TraceSettings settings, Supplier<MeterProvider> meters) {
    OtlpHttpSpanExporterBuilder builder =
        OtlpHttpSpanExporter.builder()
            .setEndpoint(settings.otlpEndpoint)
            .setTimeout(Duration.ofMillis(settings.otlpTimeoutMillis))
            .setMeterProvider(meters)
            .setInternalTelemetryVersion(InternalTelemetryVersion.LATEST);
    for (Map.Entry<String, String> header : settings.otlpHeaders.entrySet()) {
      builder.addHeader(header.getKey(), header.getValue());
    }
    return builder.build();
  }

  private static SpanExporter grpc(
      AgentConfig.TraceSettings settings, Supplier<MeterProvider> meters) {
    OtlpGrpcSpanExporterBuilder builder =
        OtlpGrpcSpanExporter.builder()
            .setEndpoint(settings.otlpEndpoint)
            .setTimeout(Duration.ofMillis(settings.otlpTimeoutMillis))
            .setMeterProvider(meters)
            .setInternalTelemetryVersion(InternalTelemetryVersion.LATEST);
    for (Map.Entry<String, String> header : settings.otlpHeaders.entrySet()) {
      builder.addHeader(header.getKey(), header.getValue());
    }
    return builder.build();
  }
}
