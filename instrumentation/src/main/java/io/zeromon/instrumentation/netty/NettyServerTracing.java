package io.zeromon.instrumentation.netty;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpServerCodec;
import java.util.Map;

/**
 * Helper (injected beside Netty): puts {@link NettyServerHandler} behind the HTTP server codec
 * of a pipeline, where it reads decoded requests and sees responses before they are encoded.
 */
public final class NettyServerTracing {

  static final String NAME = "zeromon.http.server";

  private NettyServerTracing() {}

  /** Called after {@code handler} joined {@code pipeline}; adds ours once a codec is complete. */
  public static void added(ChannelPipeline pipeline, ChannelHandler handler) {
    if (!(handler instanceof HttpServerCodec
        || handler instanceof HttpRequestDecoder
        || handler instanceof HttpResponseEncoder)) {
      return;
    }
    if (pipeline.get(NAME) != null) {
      return;
    }
    // a combined codec, or a decoder and an encoder added one by one: behind the last of them
    String after = null;
    boolean decoder = false;
    boolean encoder = false;
    for (Map.Entry<String, ChannelHandler> entry : pipeline) {
      ChannelHandler h = entry.getValue();
      if (h instanceof HttpServerCodec) {
        decoder = true;
        encoder = true;
        after = entry.getKey();
      } else if (h instanceof HttpRequestDecoder) {
        decoder = true;
        after = entry.getKey();
      } else if (h instanceof HttpResponseEncoder) {
        encoder = true;
        after = entry.getKey();
      }
    }
    if (decoder && encoder) {
      pipeline.addAfter(after, NAME, new NettyServerHandler());
    }
  }
}
