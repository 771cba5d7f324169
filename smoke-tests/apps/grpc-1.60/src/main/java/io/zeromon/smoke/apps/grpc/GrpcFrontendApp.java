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
 * HTTP 502 with the status code's name as the body.
 */
public final class GrpcFrontendApp {

  private static ManagedChannel channel;

  public static void main(String[] args) throws Exception {
    String[] backend = System.getProperty("app.backend").split(":");
    channel =
        ManagedChannelBuilder.forAddress(backend[0], Integer.parseInt(backend[1]))
            .usePlaintext()
            .build();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hello", exchange -> handle(exchange, true));
    server.createContext("/list", exchange -> handle(exchange, false));
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    System.out.println("READY port=" + server.getAddress().getPort());
  }

  private static void handle(HttpExchange exchange, boolean unary) throws IOException {
    String argument = exchange.getRequestURI().getRawQuery().split("=", 2)[1];
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
