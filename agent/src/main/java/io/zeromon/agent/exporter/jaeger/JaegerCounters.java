package io.zeromon.agent.exporter.jaeger;

import java.util.concurrent.atomic.LongAdder;

/** What the exporter delivered and dropped, by reason; read by the agent's own metrics. */
final class JaegerCounters {

  final LongAdder spansSent = new LongAdder();
  final LongAdder packetsSent = new LongAdder();

  /** A span whose encoding alone exceeds one UDP packet. */
  final LongAdder droppedTooLarge = new LongAdder();

  /** The socket's send buffer was full: the packet was dropped rather than wait. */
  final LongAdder droppedSocket = new LongAdder();

  /** Encoding, I/O or HTTP failures, and exports after shutdown. */
  final LongAdder droppedError = new LongAdder();
}
