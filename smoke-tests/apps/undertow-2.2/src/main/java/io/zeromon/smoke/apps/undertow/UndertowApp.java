package io.zeromon.smoke.apps.undertow;

import io.undertow.Undertow;
import io.undertow.Version;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.util.SameThreadExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An Undertow server on 127.0.0.1 with a RoutingHandler: {@code /hello} and {@code
 * /users/{id}} answered on the I/O thread, {@code /dispatch} dispatched to a worker thread where
 * it calls {@code /hello} on this server (HttpURLConnection), {@code /async} completed later from
 * a thread of the application's own, {@code /fail} 500, {@code /boom} throws; others 404.
 */
public final class UndertowApp {

  private static final ScheduledExecutorService LATER =
      Executors.newSingleThreadScheduledExecutor();
  private static int port;

  public static void main(String[] args) {
    RoutingHandler routes =
        new RoutingHandler()
            .get("/hello", exchange -> exchange.getResponseSender().send("hello"))
            .get(
                "/users/{id}",
                exchange ->
                    exchange
                        .getResponseSender()
                        .send("user " + exchange.getQueryParameters().get("id").getFirst()))
            .get("/dispatch", new DispatchingHandler())
            .get("/async", UndertowApp::async)
            .get(
                "/fail",
                exchange -> {
                  exchange.setStatusCode(500);
                  exchange.getResponseSender().send("fail");
                })
            .get(
                "/boom",
                exchange -> {
                  throw new IllegalStateException("boom");
                })
            .setFallbackHandler(
                exchange -> {
                  exchange.setStatusCode(404);
                  exchange.getResponseSender().send("no");
                });
    Undertow server = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(routes).build();
    server.start();
    port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    System.out.println("CHECK undertow=" + Version.getVersionString());
    System.out.println("READY port=" + port);
  }

  /** Completes the exchange from another thread after a short wait. */
  private static void async(HttpServerExchange exchange) {
    exchange.dispatch(
        SameThreadExecutor.INSTANCE,
        () ->
            LATER.schedule(
                () -> exchange.getResponseSender().send("async"), 50, TimeUnit.MILLISECONDS));
  }

  /** Leaves the I/O thread for a worker thread, where blocking is allowed. */
  private static final class DispatchingHandler implements HttpHandler {
    @Override
    public void handleRequest(HttpServerExchange exchange) throws IOException {
      if (exchange.isInIoThread()) {
        exchange.dispatch(this);
        return;
      }
      HttpURLConnection connection =
          (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/hello").openConnection();
      try (InputStream in = connection.getInputStream()) {
        String inner = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        exchange.getResponseSender().send("dispatched -> " + inner);
      } finally {
        connection.disconnect();
      }
    }
  }

  private UndertowApp() {}
}
