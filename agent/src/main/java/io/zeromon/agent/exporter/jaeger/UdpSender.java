package io.zeromon.agent.exporter.jaeger;

import io.jaegertracing.thriftjava.Batch;
import io.jaegertracing.thriftjava.Process;
import io.jaegertracing.thriftjava.Span;
import io.opentelemetry.sdk.common.CompletableResultCode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import org.apache.thrift.TException;

/**
 * {@code Agent.emitBatch} over UDP to a Jaeger agent: spans packed into as few packets of at most
 * {@link EmitBatchEncoder#MAX_PACKET_BYTES} as they fit in, sent on a non-blocking channel, so a
 * full send buffer drops (and counts) a packet instead of stalling the exporter thread.
 */
final class UdpSender implements JaegerSender {

  private final String host;
  private final int port;
  private final JaegerCounters counters;
  private final EmitBatchEncoder encoder;
  private DatagramChannel channel;
  private InetSocketAddress address;
  private boolean closed;
  private Process budgetProcess;
  private int budget;

  UdpSender(String host, int port, boolean compact, JaegerCounters counters) {
    this.host = host;
    this.port = port;
    this.counters = counters;
    this.encoder = new EmitBatchEncoder(compact);
  }

  @Override
  public synchronized CompletableResultCode send(Process process, List<Span> spans) {
    if (closed || !open()) {
      counters.droppedError.add(spans.size());
      return CompletableResultCode.ofFailure();
    }
    int limit;
    try {
      limit = budget(process);
    } catch (TException | RuntimeException e) {
      counters.droppedError.add(spans.size()); // the process itself cannot be encoded
      return CompletableResultCode.ofExceptionalFailure(e);
    }
    boolean failed = false;
    List<Span> packet = new ArrayList<>();
    int packetBytes = 0;
    for (Span span : spans) {
      int bytes = encoder.spanBytes(span);
      if (bytes == EmitBatchEncoder.UNENCODABLE) {
        counters.droppedError.increment();
        continue;
      }
      if (bytes < 0 || bytes > limit) {
        counters.droppedTooLarge.increment();
        continue;
      }
      if (packetBytes + bytes > limit) {
        failed |= !sendPacket(process, packet);
        packet = new ArrayList<>();
        packetBytes = 0;
      }
      packet.add(span);
      packetBytes += bytes;
    }
    failed |= !packet.isEmpty() && !sendPacket(process, packet);
    // spans too large for any packet are counted, but are no reason to report the agent as failing
    return failed ? CompletableResultCode.ofFailure() : CompletableResultCode.ofSuccess();
  }

  private int budget(Process process) throws TException {
    if (process != budgetProcess) {
      budget = encoder.spanBudget(process);
      budgetProcess = process;
    }
    return budget;
  }

  /** Sends one packet; false when it was dropped (and counted). */
  private boolean sendPacket(Process process, List<Span> spans) {
    try {
      ByteBuffer bytes = encoder.encode(new Batch(process, spans));
      if (channel.send(bytes, address) == 0) {
        counters.droppedSocket.add(spans.size());
        return false;
      }
      counters.packetsSent.increment();
      counters.spansSent.add(spans.size());
      return true;
    } catch (TException | IOException | RuntimeException e) {
      counters.droppedError.add(spans.size());
      if (e instanceof IOException) {
        address = null; // resolve again next time: the agent may have moved
      }
      return false;
    }
  }

  /** Opens the channel and resolves the agent's address on first use, on the exporter thread. */
  private boolean open() {
    try {
      if (channel == null) {
        DatagramChannel opened = DatagramChannel.open();
        opened.configureBlocking(false);
        channel = opened;
      }
      if (address == null || address.isUnresolved()) {
        address = new InetSocketAddress(host, port);
      }
      return !address.isUnresolved();
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess(); // every packet leaves within send()
  }

  @Override
  public synchronized CompletableResultCode shutdown() {
    closed = true;
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing left to release
      }
    }
    return CompletableResultCode.ofSuccess();
  }
}
