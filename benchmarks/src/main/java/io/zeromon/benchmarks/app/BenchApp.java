package io.zeromon.benchmarks.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * The benchmarked service: a JDK HttpServer with {@code /hello} (as the smoke-test app's) and
 * {@code /stats}, which reports the JVM's own counters so that the harness can take the cost per
 * request over a load window: process CPU time, bytes allocated by all threads (dead ones
 * included), {@code /hello} requests served, threads, loaded classes and heap. {@code /stats?gc=1}
 * collects first, so that the heap figure is the live heap.
 *
 * <p>System property {@code app.port} (default 8080). Prints {@code READY port=N} once it serves.
 */
public final class BenchApp {

  private static final LongAdder HELLOS = new LongAdder();

  private BenchApp() {}

  public static void main(String[] args) throws IOException {
    int port = Integer.getInteger("app.port", 8080);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext(
        "/hello",
        exchange -> {
          HELLOS.increment();
          respond(exchange, "hello");
        });
    server.createContext("/stats", BenchApp::stats);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    System.out.println("READY port=" + server.getAddress().getPort());
    System.out.flush();
  }

  private static void stats(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getQuery();
    if (query != null && query.contains("gc=1")) {
      System.gc();
    }
    respond(exchange, JvmCounters.read(HELLOS.sum()));
  }

  static void respond(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** The counters, as {@code key=value} lines. */
  static final class JvmCounters {
    private JvmCounters() {}

    static String read(long hellos) {
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      com.sun.management.ThreadMXBean threads =
          (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      long heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      long heapCommitted = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
      return "cpuNanos="
          + os.getProcessCpuTime()
          + "\nallocatedBytes="
          + threads.getTotalThreadAllocatedBytes()
          + "\nhellos="
          + hellos
          + "\nthreads="
          + threads.getThreadCount()
          + "\nclasses="
          + ManagementFactory.getClassLoadingMXBean().getLoadedClassCount()
          + "\nheapUsed="
          + heapUsed
          + "\nheapCommitted="
          + heapCommitted
          + "\n";
    }
  }
}
