package io.zeromon.agent.config;

import java.net.URI;

/** The OTLP traces endpoint, following the OpenTelemetry SDK's rules for the two settings. */
final class OtlpEndpoints {

  private OtlpEndpoints() {}

  static String tracesEndpoint(ConfigReader reader, String protocol) {
    boolean grpc = "grpc".equals(protocol);
    String fallback = grpc ? "http://localhost:4317" : "http://localhost:4318/v1/traces";
    String specific = reader.sources().get("otel.exporter.otlp.traces.endpoint");
    if (specific != null) {
      // used as given: it names the full URL of the traces endpoint
      return valid(reader, "otel.exporter.otlp.traces.endpoint", specific) ? specific : fallback;
    }
    String base = reader.sources().get("otel.exporter.otlp.endpoint");
    if (base == null) {
      return fallback;
    }
    if (!valid(reader, "otel.exporter.otlp.endpoint", base)) {
      return fallback;
    }
    if (grpc) {
      return base;
    }
    return (base.endsWith("/") ? base : base + "/") + "v1/traces";
  }

  private static boolean valid(ConfigReader reader, String key, String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      if (("http".equals(scheme) || "https".equals(scheme)) && uri.getHost() != null) {
        return true;
      }
    } catch (Exception ignored) {
      // reported below
    }
    reader
        .problems()
        .report(key, value, "an http:// or https:// URL with a host", "using the default endpoint");
    return false;
  }
}
