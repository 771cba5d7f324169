package io.zeromon.smoke.apps.clients;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;

/**
 * The JDK HttpServer every HTTP-client sample application runs: {@code /hello} (200), {@code /fail}
 * (500) and {@code /call?mode=M&to=URL}, which GETs {@code URL} with the application's client in
 * mode {@code M} and answers {@code status=N} (200), or {@code error=CLASS} (502) when the call
 * failed. Prints {@code READY port=N} once it serves; {@code app.port} picks the port.
 */
public final class ClientApp {

  /** One outbound GET with the application's client. */
  public interface Caller {
    /** Returns the HTTP status of the response. */
    int call(String mode, String url) throws Exception;
  }

  private ClientApp() {}

  public static void serve(Caller caller) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.getInteger("app.port", 0)), 0);
    server.createContext("/hello", exchange -> respond(exchange, 200, "hello"));
    server.createContext("/fail", exchange -> respond(exchange, 500, "failed on purpose"));
    server.createContext(
        "/call",
        exchange -> {
          Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
          String body;
          int status;
          try {
            body = "status=" + caller.call(query.getOrDefault("mode", "sync"), query.get("to"));
            status = 200;
          } catch (Exception e) {
            Throwable cause =
                e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            body = "error=" + cause.getClass().getName();
            status = 502;
          }
          respond(exchange, status, body);
        });
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    System.out.println("READY port=" + server.getAddress().getPort());
    System.out.flush();
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        String[] kv = pair.split("=", 2);
        query.put(
            URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
            kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      }
    }
    return query;
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
