package io.zeromon.agent.exporter.jaeger;

import io.jaegertracing.agent.thrift.Agent;
import io.jaegertracing.thriftjava.Batch;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.transport.TMemoryInputTransport;

/**
 * A stand-in Jaeger agent: decodes every packet as an {@code Agent.emitBatch} call, or, with {@link
 * #decode} off (for throughput runs), only counts packets and bytes.
 */
final class UdpReceiver implements AutoCloseable {

  record Packet(int bytes, TMessage message, Batch batch) {}

  private final DatagramSocket socket;
  private final boolean compact;
  private final Thread thread;
  final List<Packet> packets = new CopyOnWriteArrayList<>();
  final List<Throwable> errors = new CopyOnWriteArrayList<>();
  final AtomicLong packetCount = new AtomicLong();
  final AtomicLong byteCount = new AtomicLong();
  volatile boolean decode = true;

  UdpReceiver(boolean compact) throws SocketException {
    this.compact = compact;
    socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    socket.setReceiveBufferSize(4 << 20); // a burst of 65 kB packets must not overflow it
    thread = new Thread(this::run, "test-jaeger-agent");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  private void run() {
    byte[] buffer = new byte[65_535];
    while (!socket.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
      } catch (Exception e) {
        return; // closed
      }
      packetCount.incrementAndGet();
      byteCount.addAndGet(packet.getLength());
      if (!decode) {
        continue;
      }
      try {
        packets.add(decode(packet.getData(), packet.getLength()));
      } catch (Exception e) {
        errors.add(e);
      }
    }
  }

  private Packet decode(byte[] data, int length) throws Exception {
    TMemoryInputTransport transport = new TMemoryInputTransport(data, 0, length);
    TProtocol protocol = compact ? new TCompactProtocol(transport) : new TBinaryProtocol(transport);
    TMessage message = protocol.readMessageBegin();
    Agent.emitBatch_args args = new Agent.emitBatch_args();
    args.read(protocol);
    protocol.readMessageEnd();
    if (transport.getBytesRemainingInBuffer() != 0) {
      throw new IllegalStateException("trailing bytes: " + transport.getBytesRemainingInBuffer());
    }
    if (message.type != TMessageType.ONEWAY) {
      throw new IllegalStateException("not a oneway call: " + message);
    }
    return new Packet(length, message, args.getBatch());
  }

  int spanCount() {
    return packets.stream().mapToInt(p -> p.batch().getSpansSize()).sum();
  }

  /** Waits (bounded) until at least {@code spans} spans arrived; returns the packets so far. */
  List<Packet> await(int spans, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (spanCount() < spans && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    return new ArrayList<>(packets);
  }

  List<io.jaegertracing.thriftjava.Span> spans() {
    List<io.jaegertracing.thriftjava.Span> spans = new ArrayList<>();
    packets.forEach(p -> spans.addAll(p.batch().getSpans()));
    return spans;
  }

  @Override
  public void close() {
    socket.close();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
