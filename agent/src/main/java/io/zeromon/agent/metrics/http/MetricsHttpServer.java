package io.zeromon.agent.metrics.http;

import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.zeromon.agent.AgentLog;
import io.zeromon.agent.AgentThreads;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The metrics endpoint's HTTP server: a blocking socket, one acceptor and a fixed pool of
 * workers with a bounded queue. Written by hand rather than on the JDK's HttpServer because that
 * server reads its {@code sun.net.httpserver.*} settings once, when its classes first load: an
 * agent starting one before {@code main} would silently take those settings from the
 * application's own server. Every connection has a read timeout and serves one request, so slow
 * or flooding clients hold at most {@code workers} threads and are otherwise turned away.
 */
public final class MetricsHttpServer implements AutoCloseable {

  private static final int QUEUE = 16;

  private final ServerSocket socket;
  private final ThreadPoolExecutor workers;
  private final Thread acceptor;
  private final PrometheusScrapeHandler scrapes;
  private final BasicAuth auth;
  private final int timeoutMillis;
  private final AtomicLong rejected = new AtomicLong();

  private MetricsHttpServer(
      ServerSocket socket, PrometheusScrapeHandler scrapes, BasicAuth auth, int workerCount, int timeoutMillis) {
    this.socket = socket;
    this.scrapes = scrapes;
    this.auth = auth;
    this.timeoutMillis = timeoutMillis;
    this.workers =
        new ThreadPoolExecutor(
            workerCount,
            workerCount,
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            AgentThreads.factory("zeromon-metrics-http"));
    this.workers.allowCoreThreadTimeOut(true);
    this.acceptor = AgentThreads.newThread("zeromon-metrics-accept", this::acceptLoop);
  }

  /** Binds and starts serving; throws if the address cannot be bound. */
  public static MetricsHttpServer start(
      String host, int port, PrometheusScrapeHandler scrapes, String user, String password)
      throws IOException {
    ServerSocket socket = new ServerSocket();
    try {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(host, port), 50);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    BasicAuth auth = user == null ? null : new BasicAuth(user, password == null ? "" : password);
    MetricsHttpServer server = new MetricsHttpServer(socket, scrapes, auth, 2, 10_000);
    server.acceptor.start();
    return server;
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** Connections turned away because every worker was busy and the queue full. */
  public long rejectedConnections() {
    return rejected.get();
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      Socket connection;
      try {
        connection = socket.accept();
      } catch (IOException e) {
        if (!socket.isClosed()) {
          AgentLog.debug("metrics endpoint accept failed: " + e);
        }
        continue;
      }
      try {
        workers.execute(() -> serve(connection));
      } catch (RejectedExecutionException e) {
        rejected.incrementAndGet();
        closeQuietly(connection);
      }
    }
  }

  private void serve(Socket connection) {
    try (Socket c = connection) {
      c.setSoTimeout(timeoutMillis);
      HttpRequestHead head = HttpRequestHead.read(new BufferedInputStream(c.getInputStream()));
      OutputStream out = c.getOutputStream();
      if (head == null) {
        Responses.write(out, 400, "text/plain", "bad request\n", false);
      } else {
        respond(head, out);
      }
    } catch (IOException | RuntimeException e) {
      AgentLog.debug("metrics endpoint request failed: " + e);
    }
  }

  private void respond(HttpRequestHead head, OutputStream out) throws IOException {
    boolean headOnly = "HEAD".equals(head.method);
    if (!"GET".equals(head.method) && !headOnly) {
      Responses.write(out, 405, "text/plain", "only GET and HEAD\n", false);
    } else if (auth != null && !auth.accepts(head.header("Authorization"))) {
      Responses.unauthorized(out);
    } else if ("/metrics".equals(head.path)) {
      ScrapeExchange exchange = new ScrapeExchange(head);
      scrapes.handleRequest(exchange);
      Responses.write(out, exchange, headOnly);
    } else if ("/-/healthy".equals(head.path) || "/health".equals(head.path)) {
      Responses.write(out, 200, "text/plain", "ok\n", headOnly);
    } else if ("/".equals(head.path)) {
      Responses.write(out, 200, "text/html", Responses.INDEX, headOnly);
    } else {
      Responses.write(out, 404, "text/plain", "not found; metrics are at /metrics\n", headOnly);
    }
  }

  private static void closeQuietly(Socket connection) {
    try {
      connection.close();
    } catch (IOException ignored) {
      // nothing to do
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    workers.shutdownNow();
  }
}
