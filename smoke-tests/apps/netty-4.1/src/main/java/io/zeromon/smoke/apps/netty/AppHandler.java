package io.zeromon.smoke.apps.netty;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code /hello} 200, {@code /fail} 500, {@code /async} 200 written from another thread after a
 * short wait, {@code /chain} calls the JDK server's {@code /downstream} (HttpURLConnection) on the
 * event loop and answers with its body; anything else 404. Keep-alive as the client asks.
 */
final class AppHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  private static final ExecutorService WORKERS = Executors.newFixedThreadPool(2);
  private final String downstreamUrl;

  AppHandler(String downstreamUrl) {
    this.downstreamUrl = downstreamUrl;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request)
      throws IOException {
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    switch (new QueryStringDecoder(request.uri()).path()) {
      case "/hello" -> respond(ctx, HttpResponseStatus.OK, "hello", keepAlive);
      case "/fail" -> respond(ctx, HttpResponseStatus.INTERNAL_SERVER_ERROR, "fail", keepAlive);
      case "/async" ->
          WORKERS.execute(
              () -> {
                try {
                  Thread.sleep(50);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                respond(ctx, HttpResponseStatus.OK, "async", keepAlive);
              });
      case "/chain" -> respond(ctx, HttpResponseStatus.OK, "chain -> " + get(), keepAlive);
      default -> respond(ctx, HttpResponseStatus.NOT_FOUND, "no", keepAlive);
    }
  }

  private String get() throws IOException {
    HttpURLConnection connection = (HttpURLConnection) new URL(downstreamUrl).openConnection();
    try (InputStream in = connection.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } finally {
      connection.disconnect();
    }
  }

  private static void respond(
      ChannelHandlerContext ctx, HttpResponseStatus status, String body, boolean keepAlive) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            status,
            Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain");
    HttpUtil.setContentLength(response, response.content().readableBytes());
    HttpUtil.setKeepAlive(response, keepAlive);
    ctx.writeAndFlush(response);
    if (!keepAlive) {
      ctx.close();
    }
  }
}
