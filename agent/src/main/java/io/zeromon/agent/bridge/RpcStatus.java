package io.zeromon.agent.bridge;

/** Which RPC status codes are errors, by side, as the RPC semantic conventions say for gRPC. */
public final class RpcStatus {

  private RpcStatus() {}

  /**
   * Every non-OK code on the client; on the server only UNKNOWN, DEADLINE_EXCEEDED,
   * UNIMPLEMENTED, INTERNAL, UNAVAILABLE and DATA_LOSS (the others are the caller's doing).
   */
  public static boolean isError(boolean server, int code) {
    if (code == 0) {
      return false;
    }
    if (!server) {
      return true;
    }
    return code == 2 || code == 4 || code == 12 || code == 13 || code == 14 || code == 15;
  }
}
