package io.zeromon.smoke.apps.grpc;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.internal.GrpcUtil;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;

/**
 * A gRPC server (shaded Netty, 127.0.0.1) with demo.Greeter: SayHello (unary; the names
 * {@code missing}, {@code down} and {@code boom} fail, {@code relay:X} calls SayHello(X) on
 * itself from inside the handler) and ListGreetings (server streaming, N messages).
 *
 * <p>{@code -Dapp.host} and {@code -Dapp.port} change the address (0.0.0.0 and a fixed port in a
 * container).
 */
public final class GrpcBackendApp {

  private static ManagedChannel self;

  public static void main(String[] args) throws Exception {
    ServerServiceDefinition greeter =
        ServerServiceDefinition.builder(Greeter.SERVICE)
            .addMethod(Greeter.SAY_HELLO, ServerCalls.asyncUnaryCall(GrpcBackendApp::sayHello))
            .addMethod(
                Greeter.LIST_GREETINGS,
                ServerCalls.asyncServerStreamingCall(GrpcBackendApp::listGreetings))
            .build();
    Server server =
        NettyServerBuilder.forAddress(
                new InetSocketAddress(
                    System.getProperty("app.host", "127.0.0.1"), Integer.getInteger("app.port", 0)))
            .addService(greeter)
            .build()
            .start();
    self = ManagedChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    System.out.println("CHECK grpc=" + GrpcUtil.IMPLEMENTATION_VERSION);
    System.out.println("READY port=" + server.getPort());
    server.awaitTermination();
  }

  private static void sayHello(String name, StreamObserver<String> response) {
    switch (name) {
      case "missing" ->
          response.onError(Status.NOT_FOUND.withDescription("no " + name).asRuntimeException());
      case "down" ->
          response.onError(Status.UNAVAILABLE.withDescription("resting").asRuntimeException());
      case "boom" -> throw new IllegalStateException("boom");
      default -> {
        if (name.startsWith("relay:")) {
          String inner =
              ClientCalls.blockingUnaryCall(
                  self, Greeter.SAY_HELLO, io.grpc.CallOptions.DEFAULT, name.substring(6));
          response.onNext("relayed " + inner);
        } else {
          response.onNext("hello " + name);
        }
        response.onCompleted();
      }
    }
  }

  private static void listGreetings(String count, StreamObserver<String> response) {
    int n = Integer.parseInt(count);
    for (int i = 1; i <= n; i++) {
      response.onNext("greeting " + i);
    }
    response.onCompleted();
  }

  private GrpcBackendApp() {}
}
