package io.zeromon.instrumentation.servlet.jakarta;

import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;

/**
 * The route of a request from the servlet mapping that matched it, prefixed with the context
 * path. Injected beside the advice.
 */
public final class ServletRoutes {

  private ServletRoutes() {}

  /** {@code /app/orders/*} for a path mapping, {@code /app/*} for the default servlet, or null. */
  public static String route(HttpServletRequest request) {
    HttpServletMapping mapping = request.getHttpServletMapping();
    MappingMatch match = mapping == null ? null : mapping.getMappingMatch();
    if (match == null) {
      return null; // a wrapper that does not pass the container's mapping on
    }
    String pattern = mapping.getPattern();
    String route;
    if (match == MappingMatch.CONTEXT_ROOT) {
      route = "/";
    } else if (match == MappingMatch.DEFAULT) {
      route = "/*"; // the default servlet takes every path no other mapping took
    } else if (match == MappingMatch.EXTENSION) {
      route = "/".concat(pattern);
    } else {
      route = pattern;
    }
    String contextPath = request.getContextPath();
    return contextPath == null || contextPath.isEmpty() ? route : contextPath.concat(route);
  }
}
