package io.zeromon.smoke.apps.executors;

import static java.util.concurrent.TimeUnit.SECONDS;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A JDK HttpServer service whose endpoints make their outbound call ({@code GET /hello} on itself,
 * with HttpURLConnection or java.net.http) from another thread: {@code /pool-execute}, {@code
 * /pool-submit} (fixed thread pool), {@code /scheduled}, {@code /periodic} (a periodic task: it
 * carries no context), {@code /supply-async} (default pool), {@code /then-apply-async} (a stage
 * registered before its source completes on a thread outside the trace), {@code /fork-join-submit}
 * (common pool), {@code /fork-join-task} (a forked subtask), {@code /virtual-start} and {@code
 * /virtual-executor} (JDK 21+, else 501); {@code /sync} calls in place. {@code /identity}, {@code
 * /leak}, {@code /leak-check} and {@code /bench} are in {@link Checks}. Prints {@code CHECK} lines
 * and {@code READY port=N}.
 */
public final class ExecutorsApp {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static String self;
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ExecutorsApp() {}

  public static void main(String[] args) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    self = "http://127.0.0.1:" + server.getAddress().getPort();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
    ForkJoinPool forkJoin = new ForkJoinPool(2);

    route(server, "/hello", () -> "hello");
    route(server, "/sync", ExecutorsApp::call);
    route(
        server,
        "/pool-execute",
        () -> {
          CompletableFuture<String> result = new CompletableFuture<>();
          pool.execute(() -> complete(result, ExecutorsApp::call));
          return result.get(10, TimeUnit.SECONDS);
        });
    route(server, "/pool-submit", () -> pool.submit(ExecutorsApp::call).get(10, TimeUnit.SECONDS));
    route(
        server,
        "/scheduled",
        () -> scheduler.schedule(ExecutorsApp::call, 5, TimeUnit.MILLISECONDS).get(10, SECONDS));
    route(
        server,
        "/periodic",
        () -> {
          CompletableFuture<String> result = new CompletableFuture<>();
          ScheduledFuture<?> periodic =
              scheduler.scheduleAtFixedRate(
                  () -> {
                    if (!result.isDone()) {
                      complete(result, ExecutorsApp::call);
                    }
                  },
                  0,
                  1,
                  TimeUnit.HOURS);
          try {
            return result.get(10, TimeUnit.SECONDS);
          } finally {
            periodic.cancel(false);
          }
        });
    route(
        server,
        "/supply-async",
        () -> CompletableFuture.supplyAsync(ExecutorsApp::callWithHttpClient).get(10, SECONDS));
    route(
        server,
        "/then-apply-async",
        () -> {
          CompletableFuture<String> gate = new CompletableFuture<>();
          CompletableFuture<String> stage =
              gate.thenApplyAsync(go -> unchecked(ExecutorsApp::call));
          // a platform thread started here carries no context: the stage must keep its own
          new Thread(() -> gate.complete("go"), "completer").start();
          return stage.get(10, TimeUnit.SECONDS);
        });
    route(
        server,
        "/fork-join-submit",
        () -> ForkJoinPool.commonPool().submit(ExecutorsApp::call).get(10, TimeUnit.SECONDS));
    route(server, "/fork-join-task", () -> forkJoin.invoke(new ForkingTask()));
    route(server, "/virtual-start", () -> virtualStart());
    route(server, "/virtual-executor", () -> virtualExecutor());
    Checks.register(server);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.start();
    System.out.println("CHECK feature=" + Runtime.version().feature());
    System.out.println("CHECK outside-trace-same-instance=" + Checks.outsideTraceSameInstance());
    System.out.println("READY port=" + server.getAddress().getPort());
    System.out.flush();
  }

  /** A forked subtask makes the call, on another worker: the parent waits for it to start. */
  static final class ForkingTask extends RecursiveTask<String> {
    @Override
    protected String compute() {
      CountDownLatch started = new CountDownLatch(1);
      RecursiveTask<String> child =
          new RecursiveTask<>() {
            @Override
            protected String compute() {
              started.countDown();
              return unchecked(ExecutorsApp::call);
            }
          };
      child.fork();
      try {
        started.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return child.join();
    }
  }

  private static String virtualStart() throws Exception {
    Method start = Thread.class.getMethod("startVirtualThread", Runnable.class);
    CompletableFuture<String> result = new CompletableFuture<>();
    Thread thread =
        (Thread) start.invoke(null, (Runnable) () -> complete(result, ExecutorsApp::call));
    thread.join(10_000);
    return result.get(10, TimeUnit.SECONDS);
  }

  private static String virtualExecutor() throws Exception {
    Method factory = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
    ExecutorService executor = (ExecutorService) factory.invoke(null);
    try {
      return executor.submit(ExecutorsApp::call).get(10, TimeUnit.SECONDS);
    } finally {
      executor.shutdown();
    }
  }

  static String call() throws IOException {
    HttpURLConnection connection =
        (HttpURLConnection) new URL(self + "/hello").openConnection();
    connection.setConnectTimeout(5000);
    connection.setReadTimeout(5000);
    try (InputStream in = connection.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static String callWithHttpClient() {
    try {
      return CLIENT
          .send(
              HttpRequest.newBuilder(URI.create(self + "/hello")).timeout(TIMEOUT).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  static <T> T unchecked(Callable<T> body) {
    try {
      return body.call();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static <T> void complete(CompletableFuture<T> result, Callable<T> body) {
    try {
      result.complete(body.call());
    } catch (Exception | Error e) {
      result.completeExceptionally(e);
    }
  }

  /** A handler body that returns the response text. */
  interface Body {
    String get() throws Exception;
  }

  static void route(HttpServer server, String path, Body body) {
    HttpHandler handler =
        exchange -> {
          try {
            respond(exchange, 200, body.get());
          } catch (ReflectiveOperationException e) {
            respond(exchange, 501, "not on this JDK: " + e);
          } catch (Exception e) {
            respond(exchange, 500, e.toString());
          }
        };
    server.createContext(path, handler);
  }

  static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
