package io.zeromon.agent.exporter.jaeger;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Measures (prints, does not assert) what the exporters sustain on loopback with batches the size
 * the SDK's batch processor hands over (512) of a typical HTTP server span.
 */
class JaegerThroughputTest {

  private static final int BATCH = 512;
  private static final Duration WARM_UP = Duration.ofSeconds(2);
  private static final Duration MEASURE = Duration.ofSeconds(2);

  @Test
  void udpCompact() throws Exception {
    try (UdpReceiver agent = new UdpReceiver(true)) {
      agent.decode = false; // the figure is the exporter's, not the test receiver's decoding
      JaegerSpanExporter exporter =
          new JaegerSpanExporter(TestSpans.udp(JaegerExporterSettings.UDP_COMPACT, agent.port()));
      List<SpanData> batch = batch();
      run(exporter, batch, WARM_UP);
      Thread.sleep(200); // the warm-up's last packets reach the receiver
      long spansBefore = exporter.spansSent();
      long packetsBefore = exporter.packetsSent();
      long receivedBefore = agent.packetCount.get();
      long bytesBefore = agent.byteCount.get();
      long perSecond = run(exporter, batch, MEASURE);
      Thread.sleep(200);
      long spans = exporter.spansSent() - spansBefore;
      long packets = exporter.packetsSent() - packetsBefore;
      long received = agent.packetCount.get() - receivedBefore;
      long bytes = agent.byteCount.get() - bytesBefore;
      // average packet size × packets sent: exact even if the receiver lost some packets
      long bytesPerSpan = received == 0 ? 0 : bytes * packets / received / spans;
      System.out.printf(
          "[jaeger throughput] udp/thrift.compact: %,d spans/s; %d bytes/span on the wire;"
              + " %,d spans in %,d packets, %,d packets received%n",
          perSecond, bytesPerSpan, spans, packets, received);
      assertThat(exporter.spansDroppedError()).isZero();
      exporter.shutdown();
    }
  }

  @Test
  void httpBinary() throws Exception {
    try (HttpReceiver collector = new HttpReceiver()) {
      collector.decode = false;
      JaegerSpanExporter exporter =
          new JaegerSpanExporter(TestSpans.http(collector.endpoint(), null, null));
      List<SpanData> batch = batch();
      run(exporter, batch, WARM_UP);
      int requestsBefore = collector.requests.size();
      long spansBefore = exporter.spansSent();
      long perSecond = run(exporter, batch, MEASURE);
      long spans = exporter.spansSent() - spansBefore;
      long bytes =
          collector.requests.subList(requestsBefore, collector.requests.size()).stream()
              .mapToLong(HttpReceiver.Request::bytes)
              .sum();
      System.out.printf(
          "[jaeger throughput] http/thrift.binary: %,d spans/s; %d bytes/span on the wire;"
              + " %,d spans in %,d requests%n",
          perSecond, bytes / spans, spans, collector.requests.size() - requestsBefore);
      assertThat(exporter.spansDroppedError()).isZero();
      exporter.shutdown().join(5, TimeUnit.SECONDS);
    }
  }

  /** Exports {@code batch} back to back, one at a time as the SDK does; returns spans/s. */
  private static long run(JaegerSpanExporter exporter, List<SpanData> batch, Duration duration) {
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    long spans = 0;
    while (System.nanoTime() < end) {
      exporter.export(batch).join(10, TimeUnit.SECONDS);
      spans += batch.size();
    }
    return spans * 1_000_000_000L / (System.nanoTime() - start);
  }

  private static List<SpanData> batch() {
    List<SpanData> spans = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      Attributes attributes =
          Attributes.builder()
              .put("http.request.method", "GET")
              .put("url.scheme", "http")
              .put("url.path", "/api/orders/" + (1000 + i))
              .put("http.route", "/api/orders/{id}")
              .put("http.response.status_code", 200L)
              .put("server.address", "shop.example.com")
              .put("server.port", 8080L)
              .put("network.protocol.version", "1.1")
              .put("client.address", "10.1.2." + (i % 250))
              .put("user_agent.original", "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0")
              .build();
      spans.add(
          TestSpans.builder("GET /api/orders/{id}")
              .setSpanContext(
                  SpanContext.create(
                      String.format("%032x", 0x5eed0000L + i),
                      String.format("%016x", i + 1L),
                      TraceFlags.getSampled(),
                      TraceState.getDefault()))
              .setKind(SpanKind.SERVER)
              .setAttributes(attributes)
              .setTotalAttributeCount(attributes.size())
              .build());
    }
    return spans;
  }
}
