package io.zeromon.agent.exporter.jaeger;

import io.jaegertracing.thriftjava.Batch;
import io.jaegertracing.thriftjava.Process;
import io.jaegertracing.thriftjava.Span;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.zeromon.benchmarks.micro.Spans;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.thrift.TException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Jaeger Thrift encoding per span as the exporter does it: map the SpanData to a Thrift span,
 * measure it with the packet's protocol, then encode the {@code emitBatch} packet; compact (UDP
 * agent default) and binary. A batch of 64 spans, about what fits one 65,000-byte packet.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class JaegerEncodingBenchmark {

  static final int BATCH = 64;

  @Param({"compact", "binary"})
  public String protocol;

  private List<SpanData> spans;
  private EmitBatchEncoder encoder;
  private Process process;

  @Setup
  public void setUp() {
    spans = Spans.serverSpans(BATCH);
    encoder = new EmitBatchEncoder(protocol.equals("compact"));
    process = ProcessMapper.map(Spans.resource());
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int mapMeasureAndEncode() throws TException {
    List<Span> mapped = new ArrayList<>(BATCH);
    int bytes = 0;
    for (SpanData data : spans) {
      Span span = SpanMapper.map(data);
      bytes += encoder.spanBytes(span);
      mapped.add(span);
    }
    return bytes + encoder.encode(new Batch(process, mapped)).remaining();
  }
}
