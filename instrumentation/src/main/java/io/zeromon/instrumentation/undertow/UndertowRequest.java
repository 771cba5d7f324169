package io.zeromon.instrumentation.undertow;

import io.undertow.server.DefaultResponseListener;
import io.undertow.server.ExchangeCompletionListener;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;
import io.zeromon.bootstrap.Bridge;

/**
 * Helper (injected beside Undertow): one exchange's span, ended when the exchange completes, with
 * the route template a {@code RoutingHandler} or {@code PathTemplateHandler} matched, if any.
 */
final class UndertowRequest implements ExchangeCompletionListener {
  final Object handle;
  final Object context;

  UndertowRequest(Object handle, Object context) {
    this.handle = handle;
    this.context = context;
  }

  @Override
  public void exchangeEvent(HttpServerExchange exchange, NextListener next) {
    try {
      PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
      if (match != null) {
        // the route is named on the current server span: this one, for a moment
        Object scope = Bridge.makeCurrent(context);
        try {
          Bridge.setServerRoute(match.getMatchedTemplate());
        } finally {
          Bridge.closeScope(scope);
        }
      }
      Throwable error = exchange.getAttachment(DefaultResponseListener.EXCEPTION);
      Bridge.endServer(handle, exchange.getStatusCode(), error);
    } finally {
      next.proceed();
    }
  }
}
