package io.zeromon.bootstrap;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;

/**
 * What the agent implements behind {@link Bridge}. Same rules as the bridge: {@code java.base}
 * types only, handles are opaque, {@code null} means "nothing started".
 */
public interface BridgeImpl {

  Object startServer(
      String method,
      String scheme,
      String path,
      String query,
      String serverAddress,
      int serverPort,
      String protocol,
      String clientAddress,
      Map<String, List<String>> headers,
      String route);

  void endServer(Object handle, int status, Throwable error);

  Object startClient(String method, String url);

  String[] clientHeaders(Object handle);

  void endClient(Object handle, int status, Throwable error);

  void endClientWhenDone(Object handle, CompletionStage<?> response);

  void detachServer(Object handle);

  void setServerRoute(String route);

  String[] propagationFields();

  Object startRpcServer(
      String system,
      String service,
      String method,
      String clientAddress,
      Map<String, List<String>> metadata);

  Object startRpcClient(
      String system, String service, String method, String serverAddress, int serverPort);

  void endRpc(Object handle, int statusCode, Throwable error);

  Object currentContext();

  Object makeCurrent(Object context);

  void closeScope(Object scope);

  Runnable wrap(Runnable task);

  <T> Callable<T> wrap(Callable<T> task);

  Runnable unwrap(Runnable task);

  void attach(Object owner, Object handle);

  Object detach(Object owner);

  boolean isAttached(Object owner);
}
