package io.zeromon.smoke;

import com.sun.net.httpserver.HttpServer;
import io.jaegertracing.agent.thrift.Agent;
import io.jaegertracing.thriftjava.Batch;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import org.apache.thrift.TDeserializer;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.transport.TMemoryInputTransport;

/**
 * A Jaeger agent (UDP, {@code Agent.emitBatch} in Thrift compact) and a Jaeger collector (HTTP
 * {@code /api/traces}, a Thrift-binary {@code Batch}) on loopback, decoding with libthrift and the
 * classes generated from Jaeger's IDL.
 */
final class JaegerReceivers implements AutoCloseable {

  private final DatagramSocket udp;
  private final HttpServer http;
  private final Thread udpReader;
  private final List<Batch> batches = new ArrayList<>();

  JaegerReceivers() throws IOException {
    udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    udpReader = new Thread(this::readUdp, "jaeger-udp-receiver");
    udpReader.setDaemon(true);
    udpReader.start();
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext(
        "/api/traces",
        exchange -> {
          try {
            Batch batch = new Batch();
            new TDeserializer(new TBinaryProtocol.Factory())
                .deserialize(batch, exchange.getRequestBody().readAllBytes());
            add(batch);
            exchange.sendResponseHeaders(202, -1);
          } catch (Exception e) {
            exchange.sendResponseHeaders(400, -1);
          } finally {
            exchange.close();
          }
        });
    http.start();
  }

  int udpPort() {
    return udp.getLocalPort();
  }

  String httpEndpoint() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/api/traces";
  }

  private void readUdp() {
    byte[] buffer = new byte[65_535];
    while (!udp.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        udp.receive(packet);
        TProtocol protocol =
            new TCompactProtocol(new TMemoryInputTransport(buffer, 0, packet.getLength()));
        protocol.readMessageBegin();
        Agent.emitBatch_args args = new Agent.emitBatch_args();
        args.read(protocol);
        protocol.readMessageEnd();
        add(args.getBatch());
      } catch (SocketException closed) {
        return;
      } catch (Exception e) {
        System.err.println("undecodable Jaeger packet: " + e);
      }
    }
  }

  private synchronized void add(Batch batch) {
    batches.add(batch);
    notifyAll();
  }

  /** Waits (bounded) until a span with this operation name and trace id low half arrived. */
  synchronized List<Batch> awaitSpans(long traceIdLow, int count, long millis)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (spansOf(traceIdLow) < count && System.currentTimeMillis() < deadline) {
      wait(Math.max(1, deadline - System.currentTimeMillis()));
    }
    return new ArrayList<>(batches);
  }

  /** Every batch received so far. */
  synchronized List<Batch> batches() {
    return new ArrayList<>(batches);
  }

  private int spansOf(long traceIdLow) {
    int found = 0;
    for (Batch batch : batches) {
      found += (int) batch.getSpans().stream().filter(s -> s.getTraceIdLow() == traceIdLow).count();
    }
    return found;
  }

  @Override
  public void close() {
    udp.close();
    http.stop(0);
  }
}
