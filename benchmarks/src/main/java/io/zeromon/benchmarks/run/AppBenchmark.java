package io.zeromon.benchmarks.run;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The application benchmark: the same JDK HttpServer service without an agent, with zeromon
 * (traces + metrics, traces only) and with the OpenTelemetry Java agent, interleaved in rounds,
 * every agent exporting to one local OTLP sink. Prints a Markdown report and writes it (and the
 * raw samples as CSV) to the results folder. Run through {@code benchmarks/run.sh}.
 */
public final class AppBenchmark {

  private static final String APP_MAIN = "io.zeromon.benchmarks.app.BenchApp";
  private static final String SINK_MAIN = "io.zeromon.benchmarks.sink.SpanSink";

  private final Options options;
  private final List<Configuration> configurations;
  private final Samples samples = new Samples();
  private final StringBuilder csv = new StringBuilder("round,configuration,metric,value\n");
  private final List<String> loads = new ArrayList<>();
  private int sinkPort;

  private AppBenchmark(Options options) {
    this.options = options;
    List<Configuration> chosen = new ArrayList<>();
    for (Configuration c : Configuration.all(options.zeromonJar, options.otelJar)) {
      if (options.configurations.contains(c.id())) {
        chosen.add(c);
      }
    }
    for (String spec : options.variants) {
      chosen.add(Configuration.variant(spec, options.zeromonJar));
    }
    this.configurations = chosen;
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    new AppBenchmark(options).run();
  }

  private void run() throws Exception {
    long started = System.nanoTime();
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm"));
    Path logs = options.results.resolve("logs").resolve(stamp);
    sinkPort = freePort();
    loads.add("start: " + loadAverage());
    try (AppProcess sink =
        AppProcess.start(
            options.loadCpu,
            options.java,
            List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"),
            options.classpath,
            logs.resolve("sink.log"),
            SINK_MAIN,
            Integer.toString(sinkPort))) {
      sink.awaitFirstResponse("http://127.0.0.1:" + sinkPort + "/counts", 30_000);
      for (int round = 1; round <= options.rounds; round++) {
        for (Configuration configuration : configurations) {
          System.out.printf(
              Locale.ROOT, "round %d/%d: %s ... ", round, options.rounds, configuration.id());
          System.out.flush();
          String summary = measure(round, configuration, logs);
          System.out.println(summary);
        }
        loads.add("after round " + round + ": " + loadAverage());
      }
    }
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    String report = new Report(configurations, samples).render(header(seconds));
    System.out.println();
    System.out.println(report);
    Files.createDirectories(options.results);
    Path file = options.results.resolve(stamp + (options.quick ? "-quick" : "") + ".md");
    Files.writeString(file, report, StandardCharsets.UTF_8);
    Files.writeString(
        options.results.resolve(stamp + (options.quick ? "-quick" : "") + ".csv"),
        csv,
        StandardCharsets.UTF_8);
    System.out.println("written to " + file + " (raw samples beside it, .csv; logs in " + logs + ")");
  }

  private String measure(int round, Configuration configuration, Path logs) throws Exception {
    int appPort = freePort();
    int metricsPort = freePort();
    List<String> jvmArgs = new ArrayList<>();
    // without it the JDK server's two writes per response meet delayed ACKs: 40 ms per request
    jvmArgs.add("-Dsun.net.httpserver.nodelay=true");
    jvmArgs.addAll(configuration.jvmArgs(sinkPort, metricsPort));
    jvmArgs.addAll(options.jvmArgs); // last: the command line wins
    jvmArgs.add("-Dapp.port=" + appPort);
    String base = "http://127.0.0.1:" + appPort;
    String metricsUrl = "http://127.0.0.1:" + metricsPort + "/metrics";
    long spansBefore = sinkHelloSpans();
    long hellos;
    try (AppProcess app =
        AppProcess.start(
            options.appCpu,
            options.java,
            jvmArgs,
            options.classpath,
            logs.resolve(configuration.id() + "-" + round + ".log"),
            APP_MAIN)) {
      long startupNanos = app.awaitFirstResponse(base + "/hello", 120_000);
      record(round, configuration, Metric.STARTUP, startupNanos / 1e6);
      record(round, configuration, Metric.STARTUP_CPU, app.cpuMillis());
      if (configuration.metricsEndpoint()) {
        // the first scrape, as Prometheus would do while the application warms up
        Http.Response first = Http.get(metricsUrl, 30_000);
        record(round, configuration, Metric.SCRAPE_FIRST_MS, first.nanos() / 1e6);
      }
      Wrk.run(options.loadCpu, base + "/hello", options.connections, options.warmupSeconds);
      Map<String, Long> before = Http.counters(base + "/stats");
      Wrk.Result load =
          Wrk.run(options.loadCpu, base + "/hello", options.connections, options.seconds);
      Map<String, Long> after = Http.counters(base + "/stats");
      long served = after.get("hellos") - before.get("hellos");
      record(round, configuration, Metric.THROUGHPUT, load.requestsPerSecond());
      record(round, configuration, Metric.P50, load.p50Millis());
      record(round, configuration, Metric.P99, load.p99Millis());
      record(
          round,
          configuration,
          Metric.CPU_PER_REQUEST,
          (after.get("cpuNanos") - before.get("cpuNanos")) / 1e3 / served);
      record(
          round,
          configuration,
          Metric.ALLOC_PER_REQUEST,
          (after.get("allocatedBytes") - before.get("allocatedBytes")) / 1024.0 / served);
      record(round, configuration, Metric.RSS, app.rssBytes() / 1048576.0);
      record(round, configuration, Metric.THREADS, after.get("threads"));
      record(round, configuration, Metric.CLASSES, after.get("classes"));
      record(round, configuration, Metric.HEAP_COMMITTED, after.get("heapCommitted") / 1048576.0);
      if (configuration.metricsEndpoint()) {
        scrape(round, configuration, metricsUrl);
      }
      Map<String, Long> collected = Http.counters(base + "/stats?gc=1");
      record(round, configuration, Metric.HEAP_LIVE, collected.get("heapUsed") / 1048576.0);
      hellos = collected.get("hellos");
      if (configuration.agentJar() != null) {
        record(
            round, configuration, Metric.AGENT_JAR, Files.size(configuration.agentJar()) / 1048576.0);
      }
      String summary =
          String.format(
              Locale.ROOT,
              "start %.0f ms, %.0f req/s, p99 %.2f ms, %.1f µs CPU/req, %.2f KiB/req",
              startupNanos / 1e6,
              load.requestsPerSecond(),
              load.p99Millis(),
              (after.get("cpuNanos") - before.get("cpuNanos")) / 1e3 / served,
              (after.get("allocatedBytes") - before.get("allocatedBytes")) / 1024.0 / served);
      // closing sends SIGTERM: agents flush what their queues still hold, then the JVM exits
      app.close();
      if (configuration.agentJar() != null) {
        long delivered = sinkHelloSpans() - spansBefore;
        double share = 100.0 * delivered / hellos;
        record(round, configuration, Metric.SPAN_SHARE, share);
        summary += String.format(Locale.ROOT, ", spans %d/%d", delivered, hellos);
      }
      return summary;
    }
  }

  private void scrape(int round, Configuration configuration, String metricsUrl)
      throws IOException {
    List<Double> times = new ArrayList<>();
    Http.Response response = null;
    for (int i = 0; i < 5; i++) {
      response = Http.get(metricsUrl, 30_000);
      times.add(response.nanos() / 1e6);
    }
    record(round, configuration, Metric.SCRAPE_MS, Samples.quantile(times, 0.5));
    record(round, configuration, Metric.SCRAPE_KIB, response.body().length / 1024.0);
  }

  private long sinkHelloSpans() throws IOException {
    return Http.counters("http://127.0.0.1:" + sinkPort + "/counts").get("helloSpans");
  }

  private void record(int round, Configuration configuration, Metric metric, double value) {
    samples.add(configuration.id(), metric, value);
    csv.append(round)
        .append(',')
        .append(configuration.id())
        .append(',')
        .append(metric.name())
        .append(',')
        .append(value)
        .append('\n');
  }

  private String header(long seconds) throws IOException {
    StringBuilder h = new StringBuilder();
    h.append("## zeromon overhead benchmark")
        .append(options.quick ? " (--quick: a sanity pass, not figures to quote)" : "")
        .append("\n\n");
    h.append("- ")
        .append(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
        .append(", ")
        .append(seconds)
        .append(" s wall time\n");
    h.append("- machine: ").append(cpuModel()).append(", ")
        .append(Runtime.getRuntime().availableProcessors()).append(" CPUs; application pinned to CPU ")
        .append(options.appCpu).append(", wrk and the sink on CPU ").append(options.loadCpu)
        .append('\n');
    h.append("- JVM: ").append(options.java).append(" (").append(javaVersion()).append(")")
        .append(options.jvmArgs.isEmpty() ? "" : ", flags " + String.join(" ", options.jvmArgs))
        .append('\n');
    h.append("- ").append(options.rounds).append(" interleaved rounds (")
        .append(String.join(" ", configurations.stream().map(Configuration::id).toList()))
        .append("); per run: start-up, first /metrics scrape, ")
        .append(options.warmupSeconds).append(" s warm-up, ")
        .append(options.seconds).append(" s measured with `wrk -t1 -c")
        .append(options.connections).append(" --latency`, counters from the JVM over that window\n");
    h.append("- load average (1, 5, 15 min): ").append(String.join("; ", loads)).append('\n');
    h.append("- spans: `/hello` SERVER spans the sink received (after SIGTERM, so agents flush) / `/hello`")
        .append(" requests the application served\n");
    return h.toString();
  }

  private String javaVersion() {
    try {
      Process p =
          new ProcessBuilder(options.java.toString(), "-version").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      String[] lines = out.split("\n");
      return lines.length > 1 ? lines[1].trim() : out.trim();
    } catch (IOException | InterruptedException e) {
      return "?";
    }
  }

  private static String cpuModel() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
      if (line.startsWith("model name")) {
        return line.substring(line.indexOf(':') + 1).trim();
      }
    }
    return "unknown CPU";
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "?";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
