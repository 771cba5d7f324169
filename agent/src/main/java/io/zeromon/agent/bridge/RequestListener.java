package io.zeromon.agent.bridge;

import io.opentelemetry.api.trace.Span;

/** Told of every finished request, for the RED metrics; one recording path for every library. */
public interface RequestListener {

  RequestListener NONE =
      new RequestListener() {
        @Override
        public void onRequestEnd(
            boolean server, String method, String route, int status, String errorType, double seconds, Span span) {}

        @Override
        public void onRpcEnd(
            boolean server, String system, String service, String method, int code, double seconds, Span span) {}
      };

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

  /** An RPC ended with {@code code} (gRPC status code, 0 = OK). */
  void onRpcEnd(
      boolean server,
      String system,
      String service,
      String method,
      int code,
      double seconds,
      Span span);
}
