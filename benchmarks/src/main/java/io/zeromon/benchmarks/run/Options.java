package io.zeromon.benchmarks.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Command-line options of {@link AppBenchmark}; {@code benchmarks/run.sh} fills the paths. */
final class Options {

  boolean quick;
  int rounds = 5;
  int warmupSeconds = 10;
  int seconds = 15;
  int connections = 16;
  String appCpu = "1";
  String loadCpu = "0";
  Path java = Path.of(System.getProperty("java.home"), "bin", "java");
  List<String> jvmArgs = new ArrayList<>();
  List<String> configurations =
      List.of(
          Configuration.NONE, Configuration.ZEROMON, Configuration.ZEROMON_TRACES, Configuration.OTEL);
  List<String> variants = new ArrayList<>();
  Path zeromonJar;
  Path otelJar;
  String classpath;
  Path results = Path.of("benchmarks", "results");

  static Options parse(String[] args) {
    Options o = new Options();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--quick":
          o.quick = true;
          o.rounds = 1;
          o.warmupSeconds = 6;
          o.seconds = 5;
          break;
        case "--rounds":
          o.rounds = Integer.parseInt(args[++i]);
          break;
        case "--warmup":
          o.warmupSeconds = Integer.parseInt(args[++i]);
          break;
        case "--duration":
          o.seconds = Integer.parseInt(args[++i]);
          break;
        case "--connections":
          o.connections = Integer.parseInt(args[++i]);
          break;
        case "--app-cpu":
          o.appCpu = args[++i];
          break;
        case "--load-cpu":
          o.loadCpu = args[++i];
          break;
        case "--java":
          o.java = Path.of(args[++i]);
          break;
        case "--jvm-arg":
          o.jvmArgs.add(args[++i]);
          break;
        case "--configs":
          o.configurations = Arrays.asList(args[++i].split(","));
          break;
        case "--variant":
          o.variants.add(args[++i]);
          break;
        case "--zeromon-jar":
          o.zeromonJar = Path.of(args[++i]).toAbsolutePath();
          break;
        case "--otel-jar":
          o.otelJar = Path.of(args[++i]).toAbsolutePath();
          break;
        case "--classpath":
          o.classpath = args[++i];
          break;
        case "--results":
          o.results = Path.of(args[++i]);
          break;
        default:
          throw new IllegalArgumentException(
              "unknown option " + arg + "; options: --quick --rounds N --warmup S --duration S"
                  + " --connections N --app-cpu C --load-cpu C --java PATH --jvm-arg ARG"
                  + " --configs none,zeromon,zeromon-traces,otel --variant ID=FLAG,FLAG,jar:PATH"
                  + " --zeromon-jar --otel-jar"
                  + " --classpath --results DIR");
      }
    }
    if (o.zeromonJar == null || o.otelJar == null || o.classpath == null) {
      throw new IllegalArgumentException("--zeromon-jar, --otel-jar and --classpath are required");
    }
    if ("-".equals(o.appCpu)) {
      o.appCpu = null;
      o.loadCpu = null;
    }
    return o;
  }
}
