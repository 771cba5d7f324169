package io.zeromon.instrumentation.undertow;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.zeromon.bootstrap.Bridge;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Helper (injected beside Undertow): the span of an exchange, kept as an attachment of the
 * exchange, current on whichever thread runs one of its handlers.
 */
public final class UndertowServerTracing {

  static final AttachmentKey<UndertowRequest> REQUEST = AttachmentKey.create(UndertowRequest.class);

  private UndertowServerTracing() {}

  /** Returns what {@link #exit} takes back: the scope to close, or null. */
  public static Object enter(HttpServerExchange exchange) {
    UndertowRequest request = exchange.getAttachment(REQUEST);
    if (request == null) {
      Object handle = start(exchange);
      if (handle == null) {
        return null;
      }
      request = new UndertowRequest(handle, Bridge.currentContext());
      // the bridge made the span current on this thread; leave it at once and use a scope of our
      // own, so that the exchange may complete (and end the span) on any thread
      Bridge.detachServer(handle);
      exchange.putAttachment(REQUEST, request);
      exchange.addExchangeCompleteListener(request);
    }
    return Bridge.makeCurrent(request.context);
  }

  public static void exit(Object scope) {
    Bridge.closeScope(scope);
  }

  private static Object start(HttpServerExchange exchange) {
    String uri = exchange.getRequestURI();
    int scheme = uri.indexOf("://");
    if (scheme > 0 && scheme < 6) {
      // absolute form: the path starts after the authority
      int slash = uri.indexOf('/', scheme + 3);
      uri = slash < 0 ? "/" : uri.substring(slash);
    }
    String query = exchange.getQueryString();
    InetSocketAddress local = exchange.getConnection().getLocalAddress(InetSocketAddress.class);
    InetSocketAddress remote = exchange.getSourceAddress();
    HeaderMap headers = exchange.getRequestHeaders();
    return Bridge.startServer(
        exchange.getRequestMethod().toString(),
        exchange.getRequestScheme(),
        uri,
        query == null || query.isEmpty() ? null : query,
        headers.getFirst("Host"),
        local == null ? -1 : local.getPort(),
        exchange.getProtocol().toString(),
        remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress(),
        propagationHeaders(headers),
        null);
  }

  /** The headers the bridge reads: the propagators' fields and the user agent. */
  private static Map<String, List<String>> propagationHeaders(HeaderMap headers) {
    Map<String, List<String>> map = new HashMap<>();
    for (String field : Bridge.propagationFields()) {
      copy(headers, field, map);
    }
    copy(headers, "User-Agent", map);
    return map;
  }

  private static void copy(HeaderMap headers, String name, Map<String, List<String>> map) {
    HeaderValues values = headers.get(name);
    if (values != null && !values.isEmpty()) {
      map.put(name, new ArrayList<>(values));
    }
  }
}
