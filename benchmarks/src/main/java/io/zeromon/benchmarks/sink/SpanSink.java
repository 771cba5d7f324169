package io.zeromon.benchmarks.sink;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * The local OTLP/HTTP receiver every configuration exports to: answers {@code /v1/traces},
 * {@code /v1/metrics} and {@code /v1/logs} with 200 and counts the spans it got. {@code GET
 * /counts} tells them as {@code key=value} lines.
 *
 * <p>{@code java -cp ... SpanSink PORT}; prints {@code READY port=N}.
 */
public final class SpanSink {

  private static final AtomicLong SPANS = new AtomicLong();
  private static final AtomicLong SERVER_SPANS = new AtomicLong();
  private static final AtomicLong HELLO_SPANS = new AtomicLong();
  private static final AtomicLong EXPORTS = new AtomicLong();
  private static final AtomicLong BYTES = new AtomicLong();
  private static final AtomicLong BAD = new AtomicLong();
  private static final byte[] EMPTY = new byte[0];

  private SpanSink() {}

  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 4318;
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
    server.createContext("/v1/traces", SpanSink::traces);
    server.createContext("/v1/metrics", SpanSink::drain);
    server.createContext("/v1/logs", SpanSink::drain);
    server.createContext("/counts", SpanSink::counts);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.start();
    System.out.println("READY port=" + server.getAddress().getPort());
    System.out.flush();
  }

  private static void traces(HttpExchange exchange) throws IOException {
    byte[] body = body(exchange);
    BYTES.addAndGet(body.length);
    EXPORTS.incrementAndGet();
    try {
      SpanCounter.Counts counts = SpanCounter.count(body);
      SPANS.addAndGet(counts.spans);
      SERVER_SPANS.addAndGet(counts.serverSpans);
      HELLO_SPANS.addAndGet(counts.helloSpans);
    } catch (RuntimeException e) {
      if (BAD.incrementAndGet() == 1) {
        e.printStackTrace();
      }
    }
    protobufOk(exchange);
  }

  private static void drain(HttpExchange exchange) throws IOException {
    body(exchange);
    protobufOk(exchange);
  }

  private static byte[] body(HttpExchange exchange) throws IOException {
    try (InputStream raw = exchange.getRequestBody()) {
      byte[] bytes = raw.readAllBytes();
      String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
      if (encoding != null && encoding.equalsIgnoreCase("gzip")) {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
          return in.readAllBytes();
        }
      }
      return bytes;
    }
  }

  /** An empty Export*ServiceResponse is zero bytes of protobuf. */
  private static void protobufOk(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
    exchange.sendResponseHeaders(200, -1);
    exchange.getResponseBody().write(EMPTY);
    exchange.close();
  }

  private static void counts(HttpExchange exchange) throws IOException {
    String text =
        "spans="
            + SPANS.get()
            + "\nserverSpans="
            + SERVER_SPANS.get()
            + "\nhelloSpans="
            + HELLO_SPANS.get()
            + "\nexports="
            + EXPORTS.get()
            + "\nbytes="
            + BYTES.get()
            + "\nbad="
            + BAD.get()
            + "\n";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
