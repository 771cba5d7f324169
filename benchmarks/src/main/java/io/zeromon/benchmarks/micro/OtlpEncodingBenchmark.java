package io.zeromon.benchmarks.micro;

import io.opentelemetry.exporter.internal.otlp.traces.LowAllocationTraceRequestMarshaler;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * OTLP protobuf encoding per span, in a batch of 512 (the batch processor's export size):
 * the SDK's immutable marshaler (the exporters' default memory mode) and its reusable one.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class OtlpEncodingBenchmark {

  static final int BATCH = 512;

  private List<SpanData> spans;
  private ByteArrayOutputStream out;
  private final LowAllocationTraceRequestMarshaler reusable =
      new LowAllocationTraceRequestMarshaler();

  @Setup
  public void setUp() {
    spans = Spans.serverSpans(BATCH);
    out = new ByteArrayOutputStream(BATCH * 512);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int immutableMarshaler() throws IOException {
    out.reset();
    TraceRequestMarshaler.create(spans).writeBinaryTo(out);
    return out.size();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int reusableMarshaler() throws IOException {
    out.reset();
    reusable.initialize(spans);
    try {
      reusable.writeBinaryTo(out);
    } finally {
      reusable.reset();
    }
    return out.size();
  }
}
