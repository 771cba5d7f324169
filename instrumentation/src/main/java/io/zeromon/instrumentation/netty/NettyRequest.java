package io.zeromon.instrumentation.netty;

/** Helper (injected beside Netty): one request of a channel, from its head to its response. */
final class NettyRequest {
  /** The place of a request without a span in a channel's queue. */
  static final NettyRequest NONE = new NettyRequest(null, null);

  final Object handle;
  final Object context;
  int status = -1;

  NettyRequest(Object handle, Object context) {
    this.handle = handle;
    this.context = context;
  }
}
