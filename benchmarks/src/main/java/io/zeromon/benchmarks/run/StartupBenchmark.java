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
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Start-up only, interleaved: what appending to the boot class path costs an application through
 * class-data sharing (the JVM then shares boot classes only), with the default CDS archive and an
 * application archive (AppCDS), on the JDK HttpServer service and a Spring Boot service; and what
 * each agent adds. Also counts, in one extra run per variant, the classes loaded and the share of
 * them that came from the CDS archive. Run through {@code benchmarks/startup.sh}.
 */
public final class StartupBenchmark {

  /** One way to start an application. */
  record Variant(String app, String name, List<String> flags) {}

  private final Path java;
  private final Path work;
  private final String benchClasspath;
  private final String springClasspath;
  private final int rounds;
  private final Samples samples = new Samples();
  private double lastCpuMillis;

  private StartupBenchmark(Path java, Path work, String benchClasspath, String springClasspath, int rounds) {
    this.java = java;
    this.work = work;
    this.benchClasspath = benchClasspath;
    this.springClasspath = springClasspath;
    this.rounds = rounds;
  }

  /** {@code JAVA WORKDIR MODULE_JAR SPRING_LIBS_DIR ZEROMON_JAR OTEL_JAR ROUNDS [RESULTS_DIR]}. */
  public static void main(String[] args) throws Exception {
    Path java = Path.of(args[0]);
    Path work = Path.of(args[1]).toAbsolutePath();
    Path moduleJar = Path.of(args[2]).toAbsolutePath();
    String springClasspath = moduleJar + ":" + jarsIn(Path.of(args[3]).toAbsolutePath());
    Path zeromon = Path.of(args[4]).toAbsolutePath();
    Path otel = Path.of(args[5]).toAbsolutePath();
    int rounds = Integer.parseInt(args[6]);
    Path results = args.length > 7 ? Path.of(args[7]) : null;
    Files.createDirectories(work);
    StartupBenchmark benchmark =
        new StartupBenchmark(java, work, moduleJar.toString(), springClasspath, rounds);
    benchmark.run(zeromon, otel, results);
  }

  private void run(Path zeromon, Path otel, Path results) throws Exception {
    Path empty = work.resolve("empty.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(empty))) {
      // an empty jar: appending it changes nothing but the JVM's sharing mode
    }
    Path springArchive = work.resolve("spring-" + Runtime.version().feature() + ".jsa");
    Path benchArchive = work.resolve("bench.jsa");
    dumpArchive("spring", springArchive);
    dumpArchive("bench", benchArchive);
    String append = "-Xbootclasspath/a:" + empty;
    List<String> zeromonFlags =
        List.of(
            "-javaagent:" + zeromon,
            "-Dotel.exporter.otlp.endpoint=http://127.0.0.1:9",
            "-Dotel.exporter.prometheus.host=127.0.0.1",
            "-Dotel.exporter.prometheus.port=0");
    List<String> otelFlags =
        List.of(
            "-javaagent:" + otel,
            "-Dotel.exporter.otlp.endpoint=http://127.0.0.1:9",
            "-Dotel.metrics.exporter=prometheus",
            "-Dotel.exporter.prometheus.host=127.0.0.1",
            "-Dotel.exporter.prometheus.port=PORT",
            "-Dotel.logs.exporter=none");
    String benchCds = "-XX:SharedArchiveFile=" + benchArchive;
    String springCds = "-XX:SharedArchiveFile=" + springArchive;
    List<Variant> variants = new ArrayList<>();
    variants.add(new Variant("bench", "no agent", List.of()));
    variants.add(new Variant("bench", "boot class path appended", List.of(append)));
    variants.add(new Variant("bench", "zeromon", zeromonFlags));
    variants.add(new Variant("bench", "AppCDS", List.of(benchCds)));
    variants.add(new Variant("bench", "AppCDS + boot class path appended", List.of(benchCds, append)));
    variants.add(new Variant("spring", "no agent", List.of()));
    variants.add(new Variant("spring", "boot class path appended", List.of(append)));
    variants.add(new Variant("spring", "zeromon", zeromonFlags));
    variants.add(new Variant("spring", "OpenTelemetry agent", otelFlags));
    variants.add(new Variant("spring", "AppCDS", List.of(springCds)));
    variants.add(new Variant("spring", "AppCDS + boot class path appended", List.of(springCds, append)));
    variants.add(new Variant("spring", "AppCDS + zeromon", concat(List.of(springCds), zeromonFlags)));
    for (int round = 1; round <= rounds; round++) {
      System.out.print("round " + round + ":");
      for (Variant variant : variants) {
        double millis = startOnce(variant, false);
        samples.add(key(variant), Metric.STARTUP, millis);
        samples.add(key(variant), Metric.STARTUP_CPU, lastCpuMillis);
        System.out.printf(Locale.ROOT, " %.0f/%.0f", millis, lastCpuMillis);
        System.out.flush();
      }
      System.out.println();
    }
    StringBuilder report = new StringBuilder();
    report.append("## Start-up and class-data sharing\n\n- ")
        .append(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
        .append(", JVM ").append(java).append(", ").append(rounds)
        .append(" interleaved rounds, application pinned to CPU 1; load average ")
        .append(Files.readString(Path.of("/proc/loadavg")).trim())
        .append("\n\n| application | variant | start-up, median (min–max) ms | CPU time to first response, median (min–max) ms | classes loaded | from the CDS archive |\n")
        .append("|---|---|---:|---:|---:|---:|\n");
    for (Variant variant : variants) {
      long[] counts = classCounts(variant);
      String k = key(variant);
      report.append(String.format(Locale.ROOT, "| %s | %s | %.0f (%.0f–%.0f) | %.0f (%.0f–%.0f) | %,d | %,d |\n",
          variant.app(), variant.name(), samples.median(k, Metric.STARTUP),
          samples.min(k, Metric.STARTUP), samples.max(k, Metric.STARTUP),
          samples.median(k, Metric.STARTUP_CPU), samples.min(k, Metric.STARTUP_CPU),
          samples.max(k, Metric.STARTUP_CPU), counts[0], counts[1]));
    }
    System.out.println();
    System.out.println(report);
    if (results != null) {
      Files.createDirectories(results);
      Path file = results.resolve("startup-" + LocalDateTime.now()
          .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm")) + ".md");
      Files.writeString(file, report, StandardCharsets.UTF_8);
      System.out.println("written to " + file);
    }
  }

  private static String key(Variant variant) {
    return variant.app() + "/" + variant.name();
  }

  /** An AppCDS archive of what the application loads until it serves (JDK 13+ dynamic dump). */
  private void dumpArchive(String app, Path archive) throws Exception {
    // always fresh: an archive is only used with the very jars it was made from
    Files.deleteIfExists(archive);
    System.out.println("dumping " + archive + " ...");
    startOnce(new Variant(app, "dump", List.of("-XX:ArchiveClassesAtExit=" + archive)), false);
  }

  private double startOnce(Variant variant, boolean logClasses) throws Exception {
    return launch(variant, logClasses ? List.of("-Xlog:class+load=info:file=" + classLog()) : List.of());
  }

  private Path classLog() {
    return work.resolve("class-load.txt");
  }

  private double launch(Variant variant, List<String> extra) throws Exception {
    int port = freePort();
    List<String> flags = new ArrayList<>();
    for (String flag : variant.flags()) {
      flags.add(flag.replace("PORT", Integer.toString(freePort())));
    }
    flags.addAll(extra);
    String[] main;
    String classpath;
    if (variant.app().equals("spring")) {
      flags.add("-Dserver.port=" + port);
      classpath = springClasspath;
      main = new String[] {"io.zeromon.benchmarks.spring.SpringApp"};
    } else {
      flags.add("-Dapp.port=" + port);
      classpath = benchClasspath;
      main = new String[] {"io.zeromon.benchmarks.app.BenchApp"};
    }
    Path log = work.resolve("logs").resolve(variant.app() + "-" + variant.name().replaceAll("[^a-zA-Z0-9]+", "-") + ".log");
    try (AppProcess app = AppProcess.start("1", java, flags, classpath, log, main)) {
      double wall = app.awaitFirstResponse("http://127.0.0.1:" + port + "/hello", 120_000) / 1e6;
      lastCpuMillis = app.cpuMillis();
      return wall;
    }
  }

  /** Classes loaded until the first response, and how many of them came from the archive. */
  private long[] classCounts(Variant variant) throws Exception {
    Files.deleteIfExists(classLog());
    startOnce(variant, true);
    long total = 0;
    long shared = 0;
    try (Stream<String> lines = Files.lines(classLog())) {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.contains(" source: ")) {
          total++;
          if (line.contains("source: shared objects file")) {
            shared++;
          }
        }
      }
    }
    return new long[] {total, shared};
  }

  private static String jarsIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return String.join(":", files.filter(p -> p.toString().endsWith(".jar")).sorted()
          .map(Path::toString).toList());
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
