package io.zeromon.benchmarks.micro;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.extension.trace.propagation.B3Propagator;
import io.opentelemetry.extension.trace.propagation.JaegerPropagator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Header extraction (from a case-insensitive header map, as the JDK server's) and injection (into
 * a name/value list, as the bridge hands headers to client advice) per propagator the agent
 * configures with {@code otel.propagators}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class PropagatorBenchmark {

  @Param({"tracecontext", "baggage", "b3", "b3multi", "jaeger"})
  public String propagator;

  private TextMapPropagator instance;
  private Context context;
  private Map<String, List<String>> headers;

  private static final TextMapGetter<Map<String, List<String>>> GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, List<String>> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, List<String>> carrier, String key) {
          List<String> values = carrier.get(key);
          return values == null || values.isEmpty() ? null : values.get(0);
        }
      };

  private static final TextMapSetter<List<String>> SETTER =
      (carrier, key, value) -> {
        carrier.add(key);
        carrier.add(value);
      };

  @Setup
  public void setUp() {
    switch (propagator) {
      case "tracecontext":
        instance = W3CTraceContextPropagator.getInstance();
        break;
      case "baggage":
        instance = W3CBaggagePropagator.getInstance();
        break;
      case "b3":
        instance = B3Propagator.injectingSingleHeader();
        break;
      case "b3multi":
        instance = B3Propagator.injectingMultiHeaders();
        break;
      default:
        instance = JaegerPropagator.getInstance();
        break;
    }
    context =
        Context.root()
            .with(
                Span.wrap(
                    SpanContext.create(
                        "4bf92f3577b34da6a3ce929d0e0e4736",
                        "00f067aa0ba902b7",
                        TraceFlags.getSampled(),
                        TraceState.getDefault())))
            .with(Baggage.builder().put("tenant", "acme").put("region", "eu-1").build());
    headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.put("Host", List.of("127.0.0.1:8080"));
    headers.put("User-agent", List.of("wrk"));
    List<String> injected = new ArrayList<>();
    instance.inject(context, injected, SETTER);
    for (int i = 0; i < injected.size(); i += 2) {
      headers.put(injected.get(i), List.of(injected.get(i + 1)));
    }
  }

  @Benchmark
  public Context extract() {
    return instance.extract(Context.root(), headers, GETTER);
  }

  @Benchmark
  public List<String> inject() {
    List<String> carrier = new ArrayList<>(4);
    instance.inject(context, carrier, SETTER);
    return carrier;
  }
}
