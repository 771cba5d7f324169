package io.zeromon.smoke;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * The scenarios in Docker (Testcontainers), as an operator deploys them: a real Jaeger v2
 * all-in-one (OTLP gRPC/HTTP and Jaeger Thrift compact over UDP), a real Prometheus (official
 * image), and each application in a JDK container with the agent ({@link AppImages}), all on one
 * network. Traces come from Jaeger's query API, metrics from Prometheus's. Container logs are saved
 * under target/smoke-logs when the back end closes.
 */
final class DockerBackend implements Backend {

  static final String JAEGER_IMAGE = "jaegertracing/jaeger:2.12.0";
  static final String PROMETHEUS_IMAGE = "prom/prometheus:v2.55.1";

  /** The JDK the applications run on; the JDK 25 pass of the build sets eclipse-temurin:25-jre. */
  static final String JAVA_IMAGE =
      System.getProperty("zeromon.docker.java.image", "eclipse-temurin:21-jre");

  private static final int APP_PORT = 8080;
  private static final int METRICS_PORT = 9464;
  private static final Duration STARTUP = Duration.ofMinutes(3);
  private static final String JAEGER_CONFIG = resource("jaeger-config.yaml");

  private final Network network = Network.newNetwork();
  private final AppImages images = new AppImages(JAVA_IMAGE);
  private final Map<String, GenericContainer<?>> containers = new LinkedHashMap<>();
  private JaegerQuery jaegerQuery;

  private DockerBackend() {}

  /** The network and a running Jaeger; everything started is stopped again if that fails. */
  static DockerBackend open() throws Exception {
    DockerBackend backend = new DockerBackend();
    try {
      backend.startJaeger();
      return backend;
    } catch (Exception | Error e) {
      backend.close();
      throw e;
    }
  }

  private void startJaeger() {
    GenericContainer<?> jaeger =
        new GenericContainer<>(DockerImageName.parse(JAEGER_IMAGE))
            .withNetwork(network)
            .withNetworkAliases("jaeger")
            .withCopyToContainer(Transferable.of(JAEGER_CONFIG), "/etc/jaeger/config.yaml")
            .withCommand("--config", "/etc/jaeger/config.yaml")
            .withExposedPorts(16686)
            .waitingFor(Wait.forHttp("/api/services").forPort(16686).withStartupTimeout(STARTUP));
    started("jaeger", jaeger);
    jaegerQuery = new JaegerQuery("http://" + jaeger.getHost() + ":" + jaeger.getMappedPort(16686));
  }

  @Override
  public App start(ScenarioApp app) throws Exception {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("OTEL_SERVICE_NAME", app.service);
    env.put("OTEL_BSP_SCHEDULE_DELAY", "100");
    env.put("OTEL_METRICS_EXPORTER", "prometheus");
    env.put("OTEL_EXPORTER_PROMETHEUS_HOST", "0.0.0.0");
    env.put("OTEL_EXPORTER_PROMETHEUS_PORT", Integer.toString(METRICS_PORT));
    app.transport
        .settings("http://jaeger:4318", "http://jaeger:4317", "jaeger", 6831)
        .forEach((key, value) -> env.put(key.toUpperCase(Locale.ROOT).replace('.', '_'), value));
    List<String> command = new ArrayList<>(List.of("java"));
    app.listen("0.0.0.0", APP_PORT).forEach((k, v) -> command.add("-D" + k + "=" + v));
    app.properties(this::address).forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.add(app.mainClass);
    GenericContainer<?> container =
        new GenericContainer<>(images.of(app))
            .withNetwork(network)
            .withNetworkAliases(app.service)
            .withEnv(env)
            .withCommand(command.toArray(new String[0]))
            .withExposedPorts(APP_PORT)
            .waitingFor(Wait.forLogMessage(".*READY port=.*\\n", 1).withStartupTimeout(STARTUP));
    started(app.service, container);
    return new App(
        app.service, "http://" + container.getHost() + ":" + container.getMappedPort(APP_PORT));
  }

  @Override
  public String address(String service) {
    return service + ":" + APP_PORT;
  }

  @Override
  public PrometheusServer scrape(List<String> services) throws Exception {
    Map<String, List<String>> jobs = new LinkedHashMap<>();
    services.forEach(service -> jobs.put(service, List.of(service + ":" + METRICS_PORT)));
    GenericContainer<?> prometheus =
        new GenericContainer<>(DockerImageName.parse(PROMETHEUS_IMAGE))
            .withNetwork(network)
            .withNetworkAliases("prometheus")
            .withCopyToContainer(
                Transferable.of(PrometheusServer.config(jobs)), "/etc/prometheus/prometheus.yml")
            .withCommand(
                "--config.file=/etc/prometheus/prometheus.yml",
                "--storage.tsdb.path=/prometheus",
                "--enable-feature=exemplar-storage")
            .withExposedPorts(9090)
            .waitingFor(Wait.forHttp("/-/ready").forPort(9090).withStartupTimeout(STARTUP));
    started("prometheus", prometheus);
    return PrometheusServer.at(
        "http://" + prometheus.getHost() + ":" + prometheus.getMappedPort(9090));
  }

  @Override
  public List<TraceSpan> awaitTrace(String service, String traceId, int count, long millis)
      throws Exception {
    long deadline = System.currentTimeMillis() + millis;
    List<TraceSpan> trace = jaegerQuery.trace(service, traceId);
    while (trace.size() < count && System.currentTimeMillis() < deadline) {
      Thread.sleep(500);
      trace = jaegerQuery.trace(service, traceId);
    }
    return trace;
  }

  /** Starts a container and keeps it to stop (and save its log) in {@link #close()}. */
  private void started(String name, GenericContainer<?> container) {
    synchronized (containers) {
      containers.put(name, container);
    }
    container.start();
  }

  private static String resource(String name) {
    try (var in = DockerBackend.class.getResourceAsStream("/scenarios/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws Exception {
    Path logs = Files.createDirectories(Paths.get("target", "smoke-logs"));
    List<Map.Entry<String, GenericContainer<?>>> all;
    synchronized (containers) {
      all = new ArrayList<>(containers.entrySet());
    }
    for (int i = all.size() - 1; i >= 0; i--) {
      GenericContainer<?> container = all.get(i).getValue();
      try {
        if (container.isRunning()) {
          Files.writeString(
              logs.resolve("docker-" + all.get(i).getKey() + ".log"), container.getLogs());
        }
      } finally {
        container.stop();
      }
    }
    network.close();
  }
}
