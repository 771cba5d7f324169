package io.zeromon.smoke.apps.grpc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * A JDK HttpServer on 127.0.0.1 that calls the gRPC backend at {@code -Dapp.backend=host:port}:
 * {@code /hello?name=X} (unary) and {@code /list?n=N} (server streaming). A gRPC error becomes
 * HTTP 502 with the status code's name as the body. Without a query, {@code /hello} greets
 * "world", so another service can call it as a plain downstream. {@code -Dapp.host} and {@code
 * -Dapp.port} change the address it serves on (0.0.0.0 and a fixed port in a container).
 */
public final class GrpcFrontendApp {

  private static ManagedChannel channel;

  public static void main(String[] args) throws Exception {
    String[] backend = System.getProperty("app.backend").split(":");
    channel =
        ManagedChannelBuilder.forAddress(backend[0], Integer.parseInt(backend[1]))
            .usePlaintext()
            .build();
    HttpServer server =
        HttpServer.create(
            new InetSocketAddress(
                System.getProperty("app.host", "127.0.0.1"), Integer.getInteger("app.port", 0)),
            0);
    server.createContext("/hello", exchange -> handle(exchange, true));
    server.createContext("/list", exchange -> handle(exchange, false));
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    System.out.println("READY port=" + server.getAddress().getPort());
  }

  private static void handle(HttpExchange exchange, boolean unary) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    String argument = query == null ? "world" : query.split("=", 2)[1];
    int status = 200;
    String body;
    try {
      if (unary) {
        body =
            ClientCalls.blockingUnaryCall(
                channel, Greeter.SAY_HELLO, CallOptions.DEFAULT, argument);
      } else {
        List<String> all = new ArrayList<>();
        Iterator<String> stream =
            ClientCalls.blockingServerStreamingCall(
                channel, Greeter.LIST_GREETINGS, CallOptions.DEFAULT, argument);
        stream.forEachRemaining(all::add);
        body = String.join(",", all);
      }
    } catch (StatusRuntimeException e) {
      status = 502;
      body = e.getStatus().getCode().name();
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private GrpcFrontendApp() {}
}
