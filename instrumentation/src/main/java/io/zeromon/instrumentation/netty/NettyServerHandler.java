package io.zeromon.instrumentation.netty;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandler;
import io.zeromon.bootstrap.Bridge;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Helper (injected beside Netty): a SERVER span per HTTP request of a channel, from the decoded
 * request head to the last content of its response. HTTP/1.1 answers requests in order, so the
 * requests of a channel (keep-alive, pipelined) wait in a FIFO for their responses. All methods
 * run on the channel's event loop: no locking.
 */
final class NettyServerHandler extends ChannelDuplexHandler {

  /** Pipelined requests without a response yet beyond which no span is started. */
  private static final int MAX_PENDING = 64;

  private final ArrayDeque<NettyRequest> pending = new ArrayDeque<>();

  /** The request whose head was read last: its body parts come next. */
  private NettyRequest reading;

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (msg instanceof HttpRequest) {
      reading = pending.size() < MAX_PENDING ? start(ctx, (HttpRequest) msg) : null;
      // a request without a span keeps its place too: responses come in request order
      pending.addLast(reading == null ? NettyRequest.NONE : reading);
    }
    // the request being read is current while the pipeline handles its parts; never beyond,
    // as the event loop serves other channels next
    Object scope =
        reading != null && msg instanceof HttpObject ? Bridge.makeCurrent(reading.context) : null;
    try {
      ctx.fireChannelRead(msg);
    } finally {
      Bridge.closeScope(scope);
    }
  }

  private static NettyRequest start(ChannelHandlerContext ctx, HttpRequest request) {
    HttpHeaders headers = request.headers();
    String uri = request.uri();
    int scheme = uri.indexOf("://");
    if (scheme > 0 && scheme < 6) {
      // absolute form (a proxy's request): the path starts after the authority
      int slash = uri.indexOf('/', scheme + 3);
      uri = slash < 0 ? "/" : uri.substring(slash);
    }
    int question = uri.indexOf('?');
    String path = question < 0 ? uri : uri.substring(0, question);
    String query = question < 0 ? null : uri.substring(question + 1);
    Object handle =
        Bridge.startServer(
            request.method().name(),
            ctx.pipeline().get(SslHandler.class) == null ? "http" : "https",
            path,
            query,
            headers.get("Host"),
            port(ctx.channel().localAddress()),
            request.protocolVersion().text(),
            address(ctx.channel().remoteAddress()),
            propagationHeaders(headers),
            null);
    if (handle == null) {
      return null;
    }
    NettyRequest started = new NettyRequest(handle, Bridge.currentContext());
    // the bridge made the span current on this thread: leave it now, the span is made current
    // again for each part of the request, so that the response may end it on any thread
    Bridge.detachServer(handle);
    return started;
  }

  /** The headers the bridge reads: the propagators' fields and the user agent. */
  private static Map<String, List<String>> propagationHeaders(HttpHeaders headers) {
    Map<String, List<String>> map = new HashMap<>();
    for (String field : Bridge.propagationFields()) {
      List<String> values = headers.getAll(field);
      if (!values.isEmpty()) {
        map.put(field, values);
      }
    }
    String userAgent = headers.get("User-Agent");
    if (userAgent != null) {
      List<String> values = new ArrayList<>(1);
      values.add(userAgent);
      map.put("User-Agent", values);
    }
    return map;
  }

  private static int port(SocketAddress address) {
    return address instanceof InetSocketAddress ? ((InetSocketAddress) address).getPort() : -1;
  }

  private static String address(SocketAddress address) {
    if (address instanceof InetSocketAddress) {
      InetSocketAddress inet = (InetSocketAddress) address;
      return inet.getAddress() == null ? inet.getHostString() : inet.getAddress().getHostAddress();
    }
    return null;
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise)
      throws Exception {
    NettyRequest request = pending.peekFirst();
    if (request != null && msg instanceof HttpObject) {
      int status = request.status;
      if (msg instanceof HttpResponse) {
        status = ((HttpResponse) msg).status().code();
      }
      // 100 Continue and other interim responses: the final response is still to come
      boolean interim = status >= 100 && status < 200 && status != 101;
      if (!interim && msg instanceof LastHttpContent) {
        pending.pollFirst();
        if (request != NettyRequest.NONE) {
          Bridge.endServer(request.handle, status, null);
        }
      } else if (!interim && request != NettyRequest.NONE) {
        request.status = status;
      }
    }
    ctx.write(msg, promise);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    // requests the connection closed under: ended without a status
    NettyRequest request;
    reading = null;
    while ((request = pending.pollFirst()) != null) {
      if (request != NettyRequest.NONE) {
        Bridge.endServer(request.handle, -1, null);
      }
    }
    ctx.fireChannelInactive();
  }
}
