package io.zeromon.agent.exporter.jaeger;

import io.jaegertracing.agent.thrift.Agent;
import io.jaegertracing.thriftjava.Batch;
import io.jaegertracing.thriftjava.Process;
import io.jaegertracing.thriftjava.Span;
import java.nio.ByteBuffer;
import java.util.Collections;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.transport.TByteBuffer;
import org.apache.thrift.transport.TTransportException;

/**
 * Encodes {@code Agent.emitBatch} calls into one reusable packet buffer, and measures each span
 * with the same protocol, so that packets are filled up to the limit without trial and error. Not
 * thread-safe.
 */
final class EmitBatchEncoder {

  /** The largest packet a Jaeger agent reads (its default UDP server buffer). */
  static final int MAX_PACKET_BYTES = 65_000;

  /**
   * Room for what can grow between the measured empty batch and a full one: the message's sequence
   * number (a varint in the compact protocol, up to 5 bytes) and the span list's header.
   */
  static final int SLACK_BYTES = 16;

  static final int TOO_LARGE = -1;
  static final int UNENCODABLE = -2;

  private final TByteBuffer packet;
  private final TProtocol packetProtocol;
  private final Agent.Client client;
  private final TByteBuffer scratch;
  private final TProtocol scratchProtocol;

  EmitBatchEncoder(boolean compact) {
    try {
      packet = new TByteBuffer(ByteBuffer.allocateDirect(MAX_PACKET_BYTES));
      scratch = new TByteBuffer(ByteBuffer.allocate(MAX_PACKET_BYTES));
    } catch (TTransportException e) {
      throw new IllegalStateException(e); // only for a bad TConfiguration, and ours is the default
    }
    packetProtocol = protocol(compact, packet);
    scratchProtocol = protocol(compact, scratch);
    client = new Agent.Client(packetProtocol);
  }

  private static TProtocol protocol(boolean compact, TByteBuffer transport) {
    return compact ? new TCompactProtocol(transport) : new TBinaryProtocol(transport);
  }

  /** Encoded bytes of one span, {@link #TOO_LARGE} or {@link #UNENCODABLE}. */
  int spanBytes(Span span) {
    scratch.clear();
    scratchProtocol.reset();
    try {
      span.write(scratchProtocol);
      return scratch.getByteBuffer().position();
    } catch (TTransportException e) {
      return TOO_LARGE; // out of room in a buffer the size of a packet
    } catch (TException | RuntimeException e) {
      return UNENCODABLE; // e.g. a required field missing
    }
  }

  /** Bytes left for spans in a packet that carries {@code process}, or less than 1 if none. */
  int spanBudget(Process process) throws TException {
    int empty = encode(new Batch(process, Collections.emptyList())).remaining();
    return MAX_PACKET_BYTES - empty - SLACK_BYTES;
  }

  /** The packet, ready to send (valid until the next call). */
  ByteBuffer encode(Batch batch) throws TException {
    packet.clear();
    packetProtocol.reset();
    client.emitBatch(batch);
    return packet.flip().getByteBuffer();
  }
}
