package io.zeromon.benchmarks.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One way of running the benchmarked application: its JVM flags, given the run's ports. */
record Configuration(String id, String label, Path agentJar, boolean metricsEndpoint) {

  static final String NONE = "none";
  static final String ZEROMON = "zeromon";
  static final String ZEROMON_TRACES = "zeromon-traces";
  static final String OTEL = "otel";

  static List<Configuration> all(Path zeromonJar, Path otelJar) {
    return List.of(
        new Configuration(NONE, "no agent", null, false),
        new Configuration(ZEROMON, "zeromon (traces + metrics)", zeromonJar, true),
        new Configuration(ZEROMON_TRACES, "zeromon (traces only)", zeromonJar, false),
        new Configuration(OTEL, "OpenTelemetry agent 2.31.0", otelJar, true));
  }

  /** The JVM flags of this configuration; every agent exports to the same sink. */
  List<String> jvmArgs(int sinkPort, int metricsPort) {
    List<String> args = new ArrayList<>();
    String sink = "http://127.0.0.1:" + sinkPort;
    switch (id) {
      case ZEROMON:
      case ZEROMON_TRACES:
        args.add("-javaagent:" + agentJar);
        args.add("-Dotel.service.name=bench");
        args.add("-Dotel.traces.exporter=otlp");
        args.add("-Dotel.exporter.otlp.protocol=http/protobuf");
        args.add("-Dotel.exporter.otlp.endpoint=" + sink);
        if (metricsEndpoint) {
          args.add("-Dotel.metrics.exporter=prometheus");
          args.add("-Dotel.exporter.prometheus.host=127.0.0.1");
          args.add("-Dotel.exporter.prometheus.port=" + metricsPort);
          args.add("-Dzeromon.metrics.host.enabled=true");
        } else {
          args.add("-Dotel.metrics.exporter=none");
        }
        break;
      case OTEL:
        args.add("-javaagent:" + agentJar);
        args.add("-Dotel.service.name=bench");
        args.add("-Dotel.traces.exporter=otlp");
        args.add("-Dotel.exporter.otlp.protocol=http/protobuf");
        args.add("-Dotel.exporter.otlp.endpoint=" + sink);
        args.add("-Dotel.metrics.exporter=prometheus");
        args.add("-Dotel.exporter.prometheus.host=127.0.0.1");
        args.add("-Dotel.exporter.prometheus.port=" + metricsPort);
        args.add("-Dotel.logs.exporter=none");
        break;
      default:
        break;
    }
    return args;
  }
}
