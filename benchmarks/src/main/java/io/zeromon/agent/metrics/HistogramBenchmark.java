package io.zeromon.agent.metrics;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One RED observation as the bridge records it at the end of a request: {@code
 * RequestMetrics.onRequestEnd} (series lookup under the cap + client_java histogram), with the
 * span as exemplar when sampled.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class HistogramBenchmark {

  private RequestMetrics metrics;
  private Span sampled;
  private Span notSampled;

  @Setup
  public void setUp() {
    metrics = new RequestMetrics(BenchmarkAccess.properties(), new PrometheusRegistry(), 1000);
    sampled = span(TraceFlags.getSampled());
    notSampled = span(TraceFlags.getDefault());
  }

  private static Span span(TraceFlags flags) {
    return Span.wrap(
        SpanContext.create(
            "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", flags, TraceState.getDefault()));
  }

  @Benchmark
  public void observeWithExemplar() {
    metrics.onRequestEnd(
        true, "GET", "/hello", 200, null, ThreadLocalRandom.current().nextDouble(0.01), sampled);
  }

  @Benchmark
  public void observeWithoutExemplar() {
    metrics.onRequestEnd(
        true, "GET", "/hello", 200, null, ThreadLocalRandom.current().nextDouble(0.01), notSampled);
  }
}
