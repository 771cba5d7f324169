package io.zeromon.agent.exporter.jaeger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jaegertracing.thriftjava.Span;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A burst larger than one packet is split; nothing is lost without being counted. */
class UdpSplittingTest {

  private static final int EXPORTS = 3;
  private static final int SPANS_PER_EXPORT = 100;

  @ParameterizedTest
  @ValueSource(strings = {JaegerExporterSettings.UDP_COMPACT, JaegerExporterSettings.UDP_BINARY})
  void burstArrivesAsSeveralPacketsEachWithinTheLimit(String protocol) throws Exception {
    boolean compact = JaegerExporterSettings.UDP_COMPACT.equals(protocol);
    try (UdpReceiver agent = new UdpReceiver(compact)) {
      JaegerSpanExporter exporter = new JaegerSpanExporter(TestSpans.udp(protocol, agent.port()));
      int exported = 0;
      int id = 0;
      long oversizeSpanId = -1;
      for (int e = 0; e < EXPORTS; e++) {
        List<SpanData> burst = new ArrayList<>();
        for (int i = 0; i < SPANS_PER_EXPORT; i++) {
          burst.add(TestSpans.large(id++, 3_000));
        }
        if (e == 1) {
          SpanData oversize = TestSpans.large(id++, 70_000); // can never fit: dropped, counted
          oversizeSpanId = Long.parseLong(oversize.getSpanId(), 16);
          burst.add(50, oversize);
          burst.add(TestSpans.large(id++, 64_000)); // just fits, alone
        }
        exported += burst.size();
        assertThat(exporter.export(burst).join(5, TimeUnit.SECONDS).isSuccess()).isTrue();
        // let the receiver drain before the next burst, so the kernel never drops at its end
        agent.await((int) exporter.spansSent(), Duration.ofSeconds(10));
      }

      List<UdpReceiver.Packet> packets = agent.packets;
      assertThat(agent.errors).isEmpty();
      System.out.printf(
          "[jaeger %s] %d spans exported as %d packets of %s bytes%n",
          protocol, exported, packets.size(), packets.stream().map(p -> p.bytes()).toList());
      assertThat(packets.size()).isGreaterThanOrEqualTo(EXPORTS * 4);
      assertThat(packets).allSatisfy(p -> assertThat(p.bytes()).isLessThanOrEqualTo(65_000));
      assertThat(packets).anySatisfy(p -> assertThat(p.bytes()).isGreaterThan(64_000));
      assertThat(exporter.packetsSent()).isEqualTo(packets.size());
      assertThat(exporter.spansDroppedTooLarge()).isEqualTo(1);
      assertThat(exporter.spansDroppedSocket()).isZero();
      assertThat(exporter.spansDroppedError()).isZero();
      long received = agent.spanCount();
      assertThat(exporter.spansSent()).isEqualTo(received);
      assertThat(received + exporter.spansDroppedTooLarge() + exporter.spansDroppedSocket())
          .isEqualTo(exported);

      Set<Long> ids = new HashSet<>();
      for (Span span : agent.spans()) {
        ids.add(span.getSpanId());
      }
      assertThat(ids).hasSize((int) received).doesNotContain(oversizeSpanId);
      assertThat(exporter.shutdown().isSuccess()).isTrue();
    }
  }
}
