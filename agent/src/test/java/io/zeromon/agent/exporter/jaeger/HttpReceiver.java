package io.zeromon.agent.exporter.jaeger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jaegertracing.thriftjava.Batch;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.thrift.TDeserializer;
import org.apache.thrift.protocol.TBinaryProtocol;

/** A stand-in Jaeger collector: decodes every POST body as a Thrift-binary {@code Batch}. */
final class HttpReceiver implements AutoCloseable {

  record Request(
      String method,
      String path,
      String contentType,
      String authorization,
      int bytes,
      Batch batch) {}

  private final HttpServer server;
  final List<Request> requests = new CopyOnWriteArrayList<>();
  final List<Throwable> errors = new CopyOnWriteArrayList<>();
  volatile int status = 202;

  /** Off for throughput runs: bodies are then only counted, their batch left null. */
  volatile boolean decode = true;

  HttpReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.createContext("/api/traces", this::handle);
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/traces";
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readAllBytes();
      Batch batch = null;
      if (decode) {
        batch = new Batch();
        new TDeserializer(new TBinaryProtocol.Factory()).deserialize(batch, body);
      }
      requests.add(
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              exchange.getRequestHeaders().getFirst("Content-Type"),
              exchange.getRequestHeaders().getFirst("Authorization"),
              body.length,
              batch));
      exchange.sendResponseHeaders(status, -1);
    } catch (Exception e) {
      errors.add(e);
      exchange.sendResponseHeaders(400, -1);
    } finally {
      exchange.close();
    }
  }

  int spanCount() {
    return requests.stream().mapToInt(r -> r.batch().getSpansSize()).sum();
  }

  void await(int spans, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (spanCount() < spans && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
