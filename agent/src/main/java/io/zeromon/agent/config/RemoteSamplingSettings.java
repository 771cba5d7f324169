package io.zeromon.agent.config;

import java.util.Map;

/**
 * Settings of the {@code jaeger_remote} sampler, from {@code otel.traces.sampler.arg} as
 * OpenTelemetry writes it ({@code endpoint=...,pollingIntervalMs=...,initialSamplingRate=...}),
 * with the Jaeger client's {@code JAEGER_SAMPLER_MANAGER_HOST_PORT}/{@code JAEGER_SAMPLER_PARAM}
 * as fallbacks. The endpoint is Jaeger's HTTP sampling endpoint (5778 on Jaeger v2 and agents).
 */
public final class RemoteSamplingSettings {

  public final String endpoint;
  public final long pollingMillis;
  public final double initialRatio;

  private RemoteSamplingSettings(String endpoint, long pollingMillis, double initialRatio) {
    this.endpoint = endpoint;
    this.pollingMillis = pollingMillis;
    this.initialRatio = initialRatio;
  }

  static RemoteSamplingSettings read(ConfigReader reader) {
    Map<String, String> arg = reader.pairs("otel.traces.sampler.arg");
    String hostPort = reader.sources().environmentVariable("JAEGER_SAMPLER_MANAGER_HOST_PORT");
    String endpoint =
        arg.getOrDefault(
            "endpoint", hostPort == null ? "http://localhost:5778/sampling" : "http://" + hostPort + "/sampling");
    if (!endpoint.startsWith("http://") && !endpoint.startsWith("https://")) {
      reader.problems().report("otel.traces.sampler.arg", "endpoint=" + endpoint, "an http:// URL of Jaeger's sampling endpoint", "using http://localhost:5778/sampling");
      endpoint = "http://localhost:5778/sampling";
    }
    long polling = number(reader, arg, "pollingIntervalMs", 60_000, 100, 86_400_000);
    double initial = 0.001;
    String rate = arg.get("initialSamplingRate");
    if (rate == null && reader.sources().environmentVariable("JAEGER_SAMPLER_PARAM") != null) {
      initial = AgentConfig.jaegerRatio(reader);
    } else if (rate != null) {
      try {
        initial = Math.max(0, Math.min(1, Double.parseDouble(rate)));
      } catch (NumberFormatException e) {
        reader.problems().report("otel.traces.sampler.arg", "initialSamplingRate=" + rate, "a number from 0.0 to 1.0", "using 0.001");
      }
    }
    return new RemoteSamplingSettings(endpoint, polling, initial);
  }

  private static long number(ConfigReader reader, Map<String, String> arg, String key, long fallback, long min, long max) {
    String value = arg.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      long parsed = Long.parseLong(value);
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    reader.problems().report("otel.traces.sampler.arg", key + "=" + value, "an integer from " + min + " to " + max, "using " + fallback);
    return fallback;
  }
}
