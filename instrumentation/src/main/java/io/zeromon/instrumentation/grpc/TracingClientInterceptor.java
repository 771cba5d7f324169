package io.zeromon.instrumentation.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.zeromon.bootstrap.Bridge;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Helper (injected beside gRPC): a CLIENT span per call, its context sent in the metadata, ended
 * when the call closes. The caller's context is current again while the application's response
 * listener runs, so that work done in callbacks belongs to the caller's trace.
 */
public final class TracingClientInterceptor implements ClientInterceptor {

  /** gRPC's UNKNOWN status code. */
  private static final int UNKNOWN = 2;

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(
      MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    String fullName = method.getFullMethodName();
    String authority = next.authority();
    Object caller = Bridge.currentContext();
    Object handle =
        Bridge.startRpcClient(
            "grpc",
            GrpcNames.service(fullName),
            GrpcNames.method(fullName),
            GrpcNames.host(authority),
            GrpcNames.port(authority));
    if (handle == null) {
      return next.newCall(method, options);
    }
    ClientCall<Q, R> call;
    try {
      call = next.newCall(method, options);
    } catch (RuntimeException | Error e) {
      Bridge.endRpc(handle, UNKNOWN, e);
      throw e;
    }
    return new TracingClientCall<>(call, handle, caller);
  }

  /** Sends the span's context and follows the call to its close. */
  static final class TracingClientCall<Q, R>
      extends ForwardingClientCall.SimpleForwardingClientCall<Q, R> {
    private final Object handle;
    private final Object caller;
    private final AtomicBoolean ended = new AtomicBoolean();

    TracingClientCall(ClientCall<Q, R> delegate, Object handle, Object caller) {
      super(delegate);
      this.handle = handle;
      this.caller = caller;
    }

    @Override
    public void start(Listener<R> listener, Metadata headers) {
      GrpcNames.write(headers, Bridge.clientHeaders(handle));
      try {
        super.start(new TracingListener<>(listener, this), headers);
      } catch (RuntimeException | Error e) {
        end(UNKNOWN, e);
        throw e;
      }
    }

    void end(int code, Throwable error) {
      if (ended.compareAndSet(false, true)) {
        Bridge.endRpc(handle, code, error);
      }
    }
  }

  /** Ends the span on close; runs the application's callbacks in the caller's context. */
  static final class TracingListener<R>
      extends ForwardingClientCallListener.SimpleForwardingClientCallListener<R> {
    private final TracingClientCall<?, R> call;

    TracingListener(ClientCall.Listener<R> delegate, TracingClientCall<?, R> call) {
      super(delegate);
      this.call = call;
    }

    @Override
    public void onHeaders(Metadata headers) {
      Object scope = Bridge.makeCurrent(call.caller);
      try {
        super.onHeaders(headers);
      } finally {
        Bridge.closeScope(scope);
      }
    }

    @Override
    public void onMessage(R message) {
      Object scope = Bridge.makeCurrent(call.caller);
      try {
        super.onMessage(message);
      } finally {
        Bridge.closeScope(scope);
      }
    }

    @Override
    public void onClose(Status status, Metadata trailers) {
      call.end(status.getCode().value(), status.getCause());
      Object scope = Bridge.makeCurrent(call.caller);
      try {
        super.onClose(status, trailers);
      } finally {
        Bridge.closeScope(scope);
      }
    }

    @Override
    public void onReady() {
      Object scope = Bridge.makeCurrent(call.caller);
      try {
        super.onReady();
      } finally {
        Bridge.closeScope(scope);
      }
    }
  }
}
