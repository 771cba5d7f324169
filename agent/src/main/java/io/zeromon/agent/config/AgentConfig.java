package io.zeromon.agent.config;

import io.zeromon.agent.AgentLog;
import io.zeromon.agent.exporter.jaeger.JaegerExporterSettings;
import io.zeromon.agent.metrics.host.HostMetricsSettings;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every setting of the agent, read and checked once at start; immutable afterwards. */
public final class AgentConfig {

  static final Set<String> ZEROMON_KEYS =
      new HashSet<>(
          Arrays.asList(
              "zeromon.log.level",
              "zeromon.export.failure-log-interval",
              "zeromon.testing.bridge-failure",
              "zeromon.metrics.basic-auth.user",
              "zeromon.metrics.basic-auth.password",
              "zeromon.metrics.jvm.enabled",
              "zeromon.metrics.host.enabled",
              "zeromon.metrics.container.enabled",
              "zeromon.metrics.max-series",
              "zeromon.metrics.span-metrics.enabled"));

  static {
    ZEROMON_KEYS.addAll(Arrays.asList(HostMetricsConfig.KEYS));
  }

  public final boolean enabled;
  public final AgentLog.Level logLevel;
  public final String serviceName;
  public final Map<String, String> resourceAttributes;
  public final TraceSettings traces;
  public final MetricsSettings metrics;
  public final boolean bridgeFailureForTesting;
  private final ConfigSources sources;
  private final boolean instrumentationDefaultEnabled;

  private AgentConfig(ConfigReader reader) {
    this.sources = reader.sources();
    this.enabled = reader.bool("otel.javaagent.enabled", true);
    String level = reader.oneOf("zeromon.log.level", "info", "off", "error", "warn", "info", "debug");
    this.logLevel = AgentLog.Level.valueOf(level.toUpperCase(java.util.Locale.ROOT));
    Map<String, String> attributes = JaegerClientFallbacks.tags(reader);
    attributes.putAll(reader.pairs("otel.resource.attributes"));
    this.resourceAttributes = Collections.unmodifiableMap(attributes);
    this.serviceName = ServiceNames.choose(reader, resourceAttributes);
    this.traces = new TraceSettings(reader);
    this.metrics = new MetricsSettings(reader);
    this.instrumentationDefaultEnabled =
        reader.bool("otel.instrumentation.common.default-enabled", true);
    this.bridgeFailureForTesting = reader.bool("zeromon.testing.bridge-failure", false);
    for (String key : reader.sources().zeromonKeys()) {
      if (!ZEROMON_KEYS.contains(key)) {
        reader
            .problems()
            .report(key, reader.sources().get(key), "a known zeromon.* setting", "ignoring it");
      }
    }
  }

  /** Reads and checks the configuration; problems are logged as they are found. */
  public static AgentConfig load(ConfigSources sources, ConfigProblems problems) {
    return new AgentConfig(new ConfigReader(sources, problems));
  }

  /** {@code otel.instrumentation.<name>.enabled}, defaulting to the common default. */
  public boolean instrumentationEnabled(String name) {
    String value = sources.get("otel.instrumentation." + name + ".enabled");
    if (value == null) {
      return instrumentationDefaultEnabled;
    }
    return !value.equalsIgnoreCase("false");
  }

  /** Settings of the trace pipeline. */
  public static final class TraceSettings {
    public final List<String> exporters;
    /** Null unless the jaeger exporter is selected. */
    public final JaegerExporterSettings jaeger;
    public final String otlpProtocol;
    public final String otlpEndpoint;
    public final Map<String, String> otlpHeaders;
    public final long otlpTimeoutMillis;
    public final String sampler;
    public final double samplerRatio;
    /** Null unless the sampler is jaeger_remote. */
    public final RemoteSamplingSettings remoteSampling;
    public final List<String> propagators;
    public final long scheduleDelayMillis;
    public final int maxQueueSize;
    public final int maxExportBatchSize;
    public final long exportTimeoutMillis;
    public final long failureLogIntervalMillis;

    TraceSettings(ConfigReader reader) {
      exporters =
          reader.names(
              "otel.traces.exporter",
              Collections.singletonList("otlp"),
              "otlp",
              "jaeger",
              "console",
              "logging",
              "none");
      jaeger = exporters.contains("jaeger") ? JaegerExporterSettings.read(reader) : null;
      String protocol =
          reader.oneOf(
              "otel.exporter.otlp.protocol", "http/protobuf", "http/protobuf", "grpc");
      otlpProtocol =
          reader.oneOf("otel.exporter.otlp.traces.protocol", protocol, "http/protobuf", "grpc");
      otlpEndpoint = OtlpEndpoints.tracesEndpoint(reader, otlpProtocol);
      Map<String, String> headers = reader.pairs("otel.exporter.otlp.headers");
      headers.putAll(reader.pairs("otel.exporter.otlp.traces.headers"));
      otlpHeaders = Collections.unmodifiableMap(headers);
      otlpTimeoutMillis =
          reader.millis(
              "otel.exporter.otlp.traces.timeout",
              reader.millis("otel.exporter.otlp.timeout", 10_000));
      String jaegerSampler = JaegerClientFallbacks.sampler(reader);
      sampler =
          reader.oneOf(
              "otel.traces.sampler",
              jaegerSampler == null ? "parentbased_always_on" : jaegerSampler,
              "always_on",
              "always_off",
              "traceidratio",
              "parentbased_always_on",
              "parentbased_always_off",
              "parentbased_traceidratio",
              "jaeger_remote",
              "parentbased_jaeger_remote");
      if (sampler.endsWith("jaeger_remote")) {
        remoteSampling = RemoteSamplingSettings.read(reader);
        samplerRatio = remoteSampling.initialRatio;
      } else {
        remoteSampling = null;
        samplerRatio =
            reader.ratio(
                "otel.traces.sampler.arg",
                reader.sources().get("otel.traces.sampler") == null && jaegerSampler != null
                    ? jaegerRatio(reader)
                    : 1.0);
      }
      List<String> jaegerPropagators = JaegerClientFallbacks.propagators(reader);
      propagators =
          reader.names(
              "otel.propagators",
              jaegerPropagators == null ? Arrays.asList("tracecontext", "baggage") : jaegerPropagators,
              "tracecontext",
              "baggage",
              "b3",
              "b3multi",
              "jaeger",
              "none");
      scheduleDelayMillis = reader.millis("otel.bsp.schedule.delay", 5000);
      // Larger than the SDK's 2048/512: one export at a time, and at saturation each round trip
      // waits on a busy CPU, so 512-span batches capped delivery near 14k spans/s and half the
      // spans were dropped at 30k req/s (benchmarks/run.sh); 2048 per batch delivered all.
      maxQueueSize = reader.integer("otel.bsp.max.queue.size", 8192, 1, 1 << 20);
      maxExportBatchSize = reader.integer("otel.bsp.max.export.batch.size", 2048, 1, 1 << 16);
      exportTimeoutMillis = reader.millis("otel.bsp.export.timeout", 30_000);
      failureLogIntervalMillis = reader.millis("zeromon.export.failure-log-interval", 60_000);
    }
  }

  /** {@code JAEGER_SAMPLER_PARAM} as a ratio (probabilistic), else 1.0. */
  static double jaegerRatio(ConfigReader reader) {
    String param = reader.sources().environmentVariable("JAEGER_SAMPLER_PARAM");
    try {
      double ratio = param == null ? 1.0 : Double.parseDouble(param);
      return ratio >= 0 && ratio <= 1 ? ratio : 1.0;
    } catch (NumberFormatException e) {
      reader.problems().report("JAEGER_SAMPLER_PARAM", param, "a number from 0.0 to 1.0", "using 1.0");
      return 1.0;
    }
  }

  /** Settings of the Prometheus endpoint. */
  public static final class MetricsSettings {
    public final boolean prometheusEnabled;
    public final String host;
    public final int port;
    public final String user;
    public final String password;
    public final boolean jvmMetrics;
    public final boolean hostMetrics;
    public final boolean containerMetrics;
    public final int maxSeries;
    public final HostMetricsSettings hostSettings;
    public final boolean spanMetrics;

    MetricsSettings(ConfigReader reader) {
      List<String> exporters =
          reader.names(
              "otel.metrics.exporter",
              Collections.singletonList("prometheus"),
              "prometheus",
              "none");
      prometheusEnabled = exporters.contains("prometheus");
      host = reader.string("otel.exporter.prometheus.host", "localhost");
      port = reader.port("otel.exporter.prometheus.port", 9464);
      user = reader.string("zeromon.metrics.basic-auth.user", null);
      password = reader.string("zeromon.metrics.basic-auth.password", null);
      jvmMetrics = reader.bool("zeromon.metrics.jvm.enabled", true);
      hostMetrics = reader.bool("zeromon.metrics.host.enabled", true);
      containerMetrics = reader.bool("zeromon.metrics.container.enabled", true);
      maxSeries = reader.integer("zeromon.metrics.max-series", 2000, 1, 1_000_000);
      spanMetrics = reader.bool("zeromon.metrics.span-metrics.enabled", false);
      hostSettings = hostMetrics ? HostMetricsConfig.read(reader) : HostMetricsSettings.defaults();
    }
  }
}
