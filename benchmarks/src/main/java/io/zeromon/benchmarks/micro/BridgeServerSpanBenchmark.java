package io.zeromon.benchmarks.micro;

import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.zeromon.agent.bridge.RequestListener;
import io.zeromon.agent.bridge.TracingBridge;
import io.zeromon.agent.metrics.BenchmarkAccess;
import io.zeromon.bootstrap.Bridge;
import java.net.URLClassLoader;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One SERVER span through the bridge, as the JDK HttpServer advice makes it for {@code GET
 * /hello}: {@code Bridge.startServer} + {@code Bridge.endServer}, on a real SdkTracerProvider with
 * a batch processor whose exporter drops the spans. Sampled or not; with the RED histogram
 * (exemplar included) or without metrics; with or without an incoming {@code traceparent}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class BridgeServerSpanBenchmark {

  @Param({"true", "false"})
  public boolean sampled;

  @Param({"red", "none"})
  public String metrics;

  @Param({"false", "true"})
  public boolean parent;

  private SdkTracerProvider provider;
  private Map<String, List<String>> headers;

  /** Held: the batch processor's drop warnings (its exporter drops on purpose) stay quiet. */
  private static final java.util.logging.Logger SDK_LOGGER =
      java.util.logging.Logger.getLogger("io.opentelemetry.sdk.trace.export");

  @Setup(Level.Trial)
  public void setUp() {
    SDK_LOGGER.setLevel(java.util.logging.Level.OFF);
    provider =
        SdkTracerProvider.builder()
            .setResource(Spans.resource())
            .setSampler(sampled ? Sampler.parentBased(Sampler.alwaysOn()) : Sampler.alwaysOff())
            .addSpanProcessor(BatchSpanProcessor.builder(new Spans.NoopExporter()).build())
            .build();
    TextMapPropagator propagator =
        TextMapPropagator.composite(
            W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance());
    RequestListener listener =
        metrics.equals("red") ? BenchmarkAccess.requestMetrics() : RequestListener.NONE;
    // the agent's loader: a loader no benchmark thread has as its context loader
    ClassLoader agentLoader = new URLClassLoader(new URL[0], null);
    Bridge.install(
        new TracingBridge(provider.get("io.zeromon", "bench"), propagator, agentLoader, listener));
    // as the JDK server's Headers: case-insensitive, first letter upper case
    headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.put("Host", List.of("127.0.0.1:8080"));
    headers.put("User-agent", List.of("wrk"));
    headers.put("Accept", List.of("*/*"));
    if (parent) {
      headers.put(
          "Traceparent", List.of("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    Bridge.install(null);
    provider.close();
  }

  @Benchmark
  public Object startAndEnd() {
    Object handle =
        Bridge.startServer(
            "GET", "http", "/hello", null, "127.0.0.1", 8080, "HTTP/1.1", "127.0.0.1", headers,
            "/hello");
    Bridge.endServer(handle, 200, null);
    return handle;
  }
}
