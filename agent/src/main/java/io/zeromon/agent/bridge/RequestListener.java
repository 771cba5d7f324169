package io.zeromon.agent.bridge;

import io.opentelemetry.api.trace.Span;

/** Told of every finished request, for the RED metrics; one recording path for every library. */
public interface RequestListener {

  RequestListener NONE = (server, method, route, status, errorType, seconds, span) -> {};

  /**
   * A request ended. {@code route} is a template or null, never a raw path; {@code status} is -1
   * when no response was sent or received; {@code errorType} is null unless it failed.
   */
  void onRequestEnd(
      boolean server,
      String method,
      String route,
      int status,
      String errorType,
      double seconds,
      Span span);
}
