package io.zeromon.smoke.apps.netty;

import com.sun.net.httpserver.HttpServer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.Version;
import java.net.InetSocketAddress;

/**
 * A plain Netty HTTP/1.1 server on 127.0.0.1 (see {@link AppHandler} for its paths), twice: with
 * an {@code HttpServerCodec} (the READY port) and with a decoder and an encoder added one by one
 * ({@code CHECK split-port}). A JDK HttpServer beside them serves {@code /downstream}, which
 * {@code /chain} calls.
 */
public final class NettyHttpApp {

  @SuppressWarnings("deprecation") // NioEventLoopGroup: 4.2 prefers MultiThreadIoEventLoopGroup
  public static void main(String[] args) throws Exception {
    HttpServer downstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    downstream.createContext(
        "/downstream",
        exchange -> {
          byte[] body = "downstream".getBytes();
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    downstream.start();
    String downstreamUrl = "http://127.0.0.1:" + downstream.getAddress().getPort() + "/downstream";

    EventLoopGroup group = new NioEventLoopGroup(2);
    Channel combined = bind(group, downstreamUrl, false);
    Channel split = bind(group, downstreamUrl, true);
    String version = Version.identify().get("netty-codec-http").artifactVersion();
    System.out.println("CHECK netty=" + version);
    System.out.println("CHECK split-port=" + port(split));
    System.out.println("READY port=" + port(combined));
    combined.closeFuture().sync();
  }

  private static Channel bind(EventLoopGroup group, String downstreamUrl, boolean split)
      throws InterruptedException {
    return new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .childHandler(
            new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel ch) {
                if (split) {
                  ch.pipeline().addLast("decoder", new HttpRequestDecoder());
                  ch.pipeline().addLast("encoder", new HttpResponseEncoder());
                } else {
                  ch.pipeline().addLast("codec", new HttpServerCodec());
                }
                ch.pipeline()
                    .addLast("aggregator", new HttpObjectAggregator(1 << 16))
                    .addLast("app", new AppHandler(downstreamUrl));
              }
            })
        .bind(new InetSocketAddress("127.0.0.1", 0))
        .sync()
        .channel();
  }

  private static int port(Channel channel) {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  private NettyHttpApp() {}
}
