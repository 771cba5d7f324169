package io.zeromon.instrumentation.servlet.javax;

import javax.servlet.http.HttpServletMapping;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.MappingMatch;

/**
 * The route of a request from the servlet mapping that matched it (Servlet 4.0+), prefixed with
 * the context path. Injected beside the advice; only called on Servlet 4.0+ containers.
 */
public final class ServletRoutes {

  private ServletRoutes() {}

  /** {@code /app/orders/*} for a path mapping, {@code /app/*} for the default servlet, or null. */
  public static String route(HttpServletRequest request) {
    HttpServletMapping mapping = request.getHttpServletMapping();
    MappingMatch match = mapping == null ? null : mapping.getMappingMatch();
    if (match == null) {
      return null; // a request wrapper of Servlet 3 days: the interface's default mapping
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
