package io.zeromon.instrumentation.grpc;

import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.zeromon.bootstrap.Bridge;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Helper (injected beside gRPC): a SERVER span per call, from the call's start until it is
 * closed, cancelled or fails, current while the application's listener callbacks run.
 */
public final class TracingServerInterceptor implements ServerInterceptor {

  /** gRPC's UNKNOWN and CANCELLED status codes. */
  private static final int UNKNOWN = 2;

  private static final int CANCELLED = 1;

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String fullName = call.getMethodDescriptor().getFullMethodName();
    Object handle =
        Bridge.startRpcServer(
            "grpc",
            GrpcNames.service(fullName),
            GrpcNames.method(fullName),
            clientAddress(call),
            GrpcNames.read(headers));
    if (handle == null) {
      return next.startCall(call, headers);
    }
    TracingServerCall<Q, R> traced = new TracingServerCall<>(call, handle);
    ServerCall.Listener<Q> listener;
    Object scope = Bridge.makeCurrent(handle);
    try {
      listener = next.startCall(traced, headers);
    } catch (RuntimeException | Error e) {
      traced.end(UNKNOWN, e);
      throw e;
    } finally {
      Bridge.closeScope(scope);
    }
    return new TracingListener<>(listener, traced);
  }

  private static String clientAddress(ServerCall<?, ?> call) {
    SocketAddress remote = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
    if (remote instanceof InetSocketAddress) {
      InetSocketAddress inet = (InetSocketAddress) remote;
      return inet.getAddress() == null ? inet.getHostString() : inet.getAddress().getHostAddress();
    }
    return null;
  }

  /** Ends the span with the status the call is closed with. */
  static final class TracingServerCall<Q, R>
      extends ForwardingServerCall.SimpleForwardingServerCall<Q, R> {
    final Object handle;
    private final AtomicBoolean ended = new AtomicBoolean();

    TracingServerCall(ServerCall<Q, R> delegate, Object handle) {
      super(delegate);
      this.handle = handle;
    }

    @Override
    public void close(Status status, Metadata trailers) {
      end(status.getCode().value(), status.getCause());
      super.close(status, trailers);
    }

    void end(int code, Throwable error) {
      if (ended.compareAndSet(false, true)) {
        Bridge.endRpc(handle, code, error);
      }
    }
  }

  /**
   * Makes the span current around each callback of the application's listener; a callback that
   * throws makes gRPC close the stream as UNKNOWN without passing through {@code close}.
   */
  static final class TracingListener<Q>
      extends ForwardingServerCallListener.SimpleForwardingServerCallListener<Q> {
    private final TracingServerCall<Q, ?> call;

    TracingListener(ServerCall.Listener<Q> delegate, TracingServerCall<Q, ?> call) {
      super(delegate);
      this.call = call;
    }

    @Override
    public void onMessage(Q message) {
      Object scope = Bridge.makeCurrent(call.handle);
      try {
        super.onMessage(message);
      } catch (RuntimeException | Error e) {
        call.end(UNKNOWN, e);
        throw e;
      } finally {
        Bridge.closeScope(scope);
      }
    }

    @Override
    public void onHalfClose() {
      Object scope = Bridge.makeCurrent(call.handle);
      try {
        super.onHalfClose();
      } catch (RuntimeException | Error e) {
        call.end(UNKNOWN, e);
        throw e;
      } finally {
        Bridge.closeScope(scope);
      }
    }

    @Override
    public void onCancel() {
      call.end(CANCELLED, null);
      Object scope = Bridge.makeCurrent(call.handle);
      try {
        super.onCancel();
      } finally {
        Bridge.closeScope(scope);
      }
    }

    @Override
    public void onComplete() {
      // normally ended by close; this covers a transport that completes without it
      call.end(0, null);
      Object scope = Bridge.makeCurrent(call.handle);
      try {
        super.onComplete();
      } finally {
        Bridge.closeScope(scope);
      }
    }

    @Override
    public void onReady() {
      Object scope = Bridge.makeCurrent(call.handle);
      try {
        super.onReady();
      } finally {
        Bridge.closeScope(scope);
      }
    }
  }
}
