package io.zeromon.smoke;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/** An OTLP/HTTP protobuf traces endpoint on loopback, decoding with opentelemetry-proto. */
final class OtlpHttpReceiver implements AutoCloseable {

  private final HttpServer server;
  final ReceivedSpans spans;

  OtlpHttpReceiver(ReceivedSpans spans) throws IOException {
    this.spans = spans;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/traces",
        exchange -> {
          try (InputStream raw = exchange.getRequestBody()) {
            InputStream body =
                "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(raw)
                    : raw;
            spans.add(ExportTraceServiceRequest.parseFrom(body), "http/protobuf");
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(answer);
            }
          } catch (IOException | RuntimeException e) {
            exchange.sendResponseHeaders(400, -1);
          } finally {
            exchange.close();
          }
        });
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
