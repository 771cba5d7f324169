package io.zeromon.smoke;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sample application in a child JVM, with or without the built agent jar. Output goes to files
 * under target/smoke-logs; the JVM is stopped by {@link #close()}.
 */
final class AppJvm implements AutoCloseable {

  static final Path AGENT_JAR = Paths.get(System.getProperty("zeromon.agent.jar", "../agent/target/zeromon-agent.jar"));
  static final String APP_CLASSES = System.getProperty("zeromon.app.classes", "target/classes");
  static final Path APP_LIBS = Paths.get(System.getProperty("zeromon.app.libs", "target/app-libs"));
  private static final Pattern READY = Pattern.compile("READY port=(\\d+)");
  private static final Pattern METRICS = Pattern.compile("metrics at http://[^:]+:(\\d+)/metrics");
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Process process;
  private final Path stdout;
  private final Path stderr;
  private int port = -1;

  private AppJvm(Process process, Path stdout, Path stderr) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /** The java launcher the sample applications run on: JDK 25 in the second CI pass. */
  static String javaBinary() {
    String home = System.getProperty("zeromon.test.java.home");
    if (home == null || home.isBlank()) {
      home = System.getProperty("java.home");
    }
    File java = new File(home, "bin/java");
    assumeTrue(java.canExecute(), "no JDK at " + home + ": skipping the tests on that JDK");
    return java.getPath();
  }

  static Builder builder(String mainClass) {
    return new Builder(mainClass);
  }

  /**
   * A sample application built by its own module under {@code smoke-tests/apps/<app>}, with the
   * class path that module wrote to {@code target/classpath.txt} (its classes and its libraries,
   * so that applications on different versions of a library never share a class path).
   */
  static Builder app(String app, String mainClass) {
    Path module = Paths.get("apps", app, "target");
    String libraries;
    try {
      libraries = Files.readString(module.resolve("classpath.txt")).trim();
    } catch (IOException e) {
      throw new IllegalStateException("sample app '" + app + "' is not built: " + e);
    }
    Builder builder = new Builder(mainClass);
    builder.classpath.clear();
    builder.classpath.add(module.resolve("classes").toAbsolutePath().toString());
    if (!libraries.isEmpty()) {
      builder.classpath.add(libraries);
    }
    return builder;
  }

  /** How to launch one child JVM. */
  static final class Builder {
    private final String mainClass;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> classpath = new ArrayList<>(List.of(APP_CLASSES));
    private final List<String> args = new ArrayList<>();
    private final List<String> jvmArgs = new ArrayList<>();
    private boolean agent = true;
    private String agentArgs;

    private Builder(String mainClass) {
      this.mainClass = mainClass;
      // fast export so tests do not wait for the default five-second batches
      properties.put("otel.bsp.schedule.delay", "100");
      properties.put("otel.metrics.exporter", "none");
    }

    Builder property(String key, String value) {
      properties.put(key, value);
      return this;
    }

    Builder env(String key, String value) {
      environment.put(key, value);
      return this;
    }

    Builder classpath(String entry) {
      classpath.add(entry);
      return this;
    }

    Builder arg(String arg) {
      args.add(arg);
      return this;
    }

    Builder jvmArg(String arg) {
      jvmArgs.add(arg);
      return this;
    }

    /** Serves the agent's metrics on a free port (see {@link AppJvm#metricsPort()}). */
    Builder withMetrics() {
      properties.put("otel.metrics.exporter", "prometheus");
      properties.put("otel.exporter.prometheus.port", "0");
      return this;
    }

    Builder withoutAgent() {
      agent = false;
      return this;
    }

    Builder agentArgs(String value) {
      agentArgs = value;
      return this;
    }

    /** Starts the JVM and waits (bounded) for its READY line. */
    AppJvm start() throws IOException, InterruptedException {
      List<String> command = new ArrayList<>();
      command.add(javaBinary());
      if (agent) {
        command.add("-javaagent:" + AGENT_JAR.toAbsolutePath() + (agentArgs == null ? "" : "=" + agentArgs));
      }
      command.addAll(jvmArgs);
      properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
      command.add("-cp");
      command.add(String.join(File.pathSeparator, classpath));
      command.add(mainClass);
      command.addAll(args);
      Path logs = Files.createDirectories(Paths.get("target", "smoke-logs"));
      String name = mainClass.substring(mainClass.lastIndexOf('.') + 1) + "-" + COUNTER.incrementAndGet();
      Path out = logs.resolve(name + ".out");
      Path err = logs.resolve(name + ".err");
      Files.writeString(logs.resolve(name + ".cmd"), String.join(" ", command));
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().putAll(environment);
      AppJvm jvm = new AppJvm(builder.start(), out, err);
      jvm.awaitReady();
      return jvm;
    }
  }

  private void awaitReady() throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      Matcher matcher = READY.matcher(stdout());
      if (matcher.find()) {
        port = Integer.parseInt(matcher.group(1));
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("application exited: " + stdout() + "\n" + stderr());
      }
      Thread.sleep(50);
    }
    close();
    throw new IllegalStateException("application not ready in 60 s: " + stdout() + "\n" + stderr());
  }

  int port() {
    return port;
  }

  /** The port of the agent's metrics endpoint, from its start-up line. */
  int metricsPort() {
    Matcher matcher = METRICS.matcher(stderr());
    if (!matcher.find()) {
      throw new IllegalStateException("no metrics endpoint in the start-up line: " + stderr());
    }
    return Integer.parseInt(matcher.group(1));
  }

  String metricsUrl() {
    return "http://127.0.0.1:" + metricsPort() + "/metrics";
  }

  /** The lines {@code CHECK name=value} the application printed, as a map. */
  java.util.Map<String, String> checks() {
    java.util.Map<String, String> checks = new java.util.TreeMap<>();
    for (String line : stdout().split("\n")) {
      if (line.startsWith("CHECK ")) {
        String[] kv = line.substring(6).split("=", 2);
        checks.put(kv[0], kv.length > 1 ? kv[1] : "");
      }
    }
    return checks;
  }

  long pid() {
    return process.pid();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** GET on the application; bounded by a 10 s timeout. */
  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** GET with extra request headers (name, value, name, value ...). */
  HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .timeout(Duration.ofSeconds(10))
            .headers(headers)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  String stdout() {
    return read(stdout);
  }

  String stderr() {
    return read(stderr);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** Waits for the process to exit by itself (bounded); returns its exit code. */
  int awaitExit(long millis) throws InterruptedException {
    if (!process.waitFor(millis, TimeUnit.MILLISECONDS)) {
      close();
      throw new IllegalStateException("application did not exit in " + millis + " ms");
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
