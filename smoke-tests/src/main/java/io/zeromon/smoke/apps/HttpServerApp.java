package io.zeromon.smoke.apps;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * A plain JDK HttpServer service, as an operator would run it: {@code /hello}; {@code /chain}
 * calling {@code downstream} (another instance, or itself) with HttpURLConnection; {@code
 * /chain-client} and {@code /chain-async} doing the same with java.net.http sync and async; {@code
 * /fail} answering 500 and {@code /boom} throwing. Prints {@code READY port=N} once it serves.
 *
 * <p>System properties: {@code app.port} (0 = any free port), {@code app.host} (the address to
 * bind, 127.0.0.1 by default; 0.0.0.0 in a container), {@code app.downstream} (base URL).
 */
public final class HttpServerApp {

  private HttpServerApp() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.getInteger("app.port", 0);
    if (Boolean.getBoolean("app.nodelay")) {
      // as applications do in main: the JDK server reads this when its classes initialise
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    String host = System.getProperty("app.host", "127.0.0.1");
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
    String self = "http://127.0.0.1:" + server.getAddress().getPort();
    String downstream = System.getProperty("app.downstream", self);
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    server.createContext("/hello", exchange -> respond(exchange, 200, "hello"));
    server.createContext("/fail", exchange -> respond(exchange, 500, "failed on purpose"));
    server.createContext(
        "/boom",
        exchange -> {
          throw new IllegalStateException("boom on purpose");
        });
    server.createContext(
        "/chain",
        exchange -> {
          String body = callWithUrlConnection(downstream + "/hello");
          respond(exchange, 200, "chain -> " + body);
        });
    server.createContext(
        "/chain-client",
        exchange -> {
          try {
            HttpResponse<String> response =
                client.send(
                    HttpRequest.newBuilder(URI.create(downstream + "/hello")).build(),
                    HttpResponse.BodyHandlers.ofString());
            respond(exchange, 200, "chain-client -> " + response.body());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            respond(exchange, 500, "interrupted");
          }
        });
    server.createContext(
        "/chain-async",
        exchange -> {
          String body =
              client
                  .sendAsync(
                      HttpRequest.newBuilder(URI.create(downstream + "/hello")).build(),
                      HttpResponse.BodyHandlers.ofString())
                  .thenApply(HttpResponse::body)
                  .join();
          respond(exchange, 200, "chain-async -> " + body);
        });
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    System.out.println("CHECK nodelay=" + serverConfig("noDelay"));
    System.out.println("CHECK maxReqTime=" + System.getProperty("sun.net.httpserver.maxReqTime"));
    System.out.println("READY port=" + server.getAddress().getPort());
    System.out.flush();
  }

  /** A setting as the JDK server took it (needs --add-opens jdk.httpserver/sun.net.httpserver). */
  private static String serverConfig(String getter) {
    try {
      java.lang.reflect.Method method =
          Class.forName("sun.net.httpserver.ServerConfig").getDeclaredMethod(getter);
      method.setAccessible(true);
      return String.valueOf(method.invoke(null));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return "unknown";
    }
  }

  static String callWithUrlConnection(String url) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
    connection.setConnectTimeout(5000);
    connection.setReadTimeout(5000);
    try (InputStream in = connection.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
