package io.zeromon.instrumentation.netty;

/** Helper (injected beside Netty): one request of a channel, from its head to its response. */
final class NettyRequest {
  final Object handle;
  final Object context;
  int status = -1;

  NettyRequest(Object handle, Object context) {
    this.handle = handle;
    this.context = context;
  }
}
