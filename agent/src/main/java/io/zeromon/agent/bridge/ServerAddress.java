package io.zeromon.agent.bridge;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanBuilder;

/** {@code server.address}/{@code server.port} from a Host header, else the local port. */
final class ServerAddress {

  private static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  private static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");

  private ServerAddress() {}

  static void set(SpanBuilder builder, String hostHeader, int localPort) {
    int port = localPort;
    String host = hostHeader;
    if (host != null) {
      int colon = host.lastIndexOf(':');
      int bracket = host.lastIndexOf(']');
      if (colon > bracket) {
        try {
          port = Integer.parseInt(host.substring(colon + 1));
        } catch (NumberFormatException ignored) {
          // keep the local port
        }
        host = host.substring(0, colon);
      }
      builder.setAttribute(SERVER_ADDRESS, host);
    }
    if (port > 0) {
      builder.setAttribute(SERVER_PORT, (long) port);
    }
  }
}
