package io.zeromon.benchmarks.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One way of running the benchmarked application: its JVM flags, given the run's ports. */
record Configuration(
    String id, String label, Path agentJar, boolean metricsEndpoint, List<String> extraFlags) {

  static final String NONE = "none";
  static final String ZEROMON = "zeromon";
  static final String ZEROMON_TRACES = "zeromon-traces";
  static final String OTEL = "otel";

  static List<Configuration> all(Path zeromonJar, Path otelJar) {
    return List.of(
        new Configuration(NONE, "no agent", null, false, List.of()),
        new Configuration(ZEROMON, "zeromon (traces + metrics)", zeromonJar, true, List.of()),
        new Configuration(ZEROMON_TRACES, "zeromon (traces only)", zeromonJar, false, List.of()),
        new Configuration(OTEL, "OpenTelemetry agent 2.31.0", otelJar, true, List.of()));
  }

  /**
   * {@code --variant ID=FLAG,FLAG}: zeromon (traces + metrics) with extra JVM flags, to compare a
   * setting or a build side by side with the others in the same interleaved rounds.
   */
  static Configuration variant(String spec, Path zeromonJar) {
    int eq = spec.indexOf('=');
    String id = eq < 0 ? spec : spec.substring(0, eq);
    List<String> flags =
        eq < 0 || eq == spec.length() - 1 ? List.of() : List.of(spec.substring(eq + 1).split(","));
    Path jar = zeromonJar;
    List<String> jvmFlags = new ArrayList<>();
    for (String flag : flags) {
      if (flag.startsWith("jar:")) {
        jar = Path.of(flag.substring(4)).toAbsolutePath(); // another build of the agent
      } else {
        jvmFlags.add(flag);
      }
    }
    boolean metrics = !jvmFlags.contains("-Dotel.metrics.exporter=none");
    return new Configuration(id, "zeromon " + id, jar, metrics, jvmFlags);
  }

  /** The JVM flags of this configuration; every agent exports to the same sink. */
  List<String> jvmArgs(int sinkPort, int metricsPort) {
    List<String> args = new ArrayList<>();
    String sink = "http://127.0.0.1:" + sinkPort;
    switch (agentJar != null && !id.equals(OTEL) ? ZEROMON : id) {
      case ZEROMON:
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
    args.addAll(extraFlags); // last, so that they win over the defaults above
    return args;
  }
}
