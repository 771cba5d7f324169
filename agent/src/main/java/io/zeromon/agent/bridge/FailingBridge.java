package io.zeromon.agent.bridge;

import io.zeromon.bootstrap.BridgeImpl;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * A test seam ({@code zeromon.testing.bridge-failure=true}): every call throws, to prove that no
 * failure of the agent's implementation ever reaches application code.
 */
public final class FailingBridge implements BridgeImpl {

  private static RuntimeException failure() {
    return new IllegalStateException("zeromon.testing.bridge-failure: injected failure");
  }

  @Override
  public Object startServer(
      String method,
      String scheme,
      String path,
      String query,
      String serverAddress,
      int serverPort,
      String protocol,
      String clientAddress,
      Map<String, List<String>> headers,
      String route) {
    throw failure();
  }

  @Override
  public void endServer(Object handle, int status, Throwable error) {
    throw failure();
  }

  @Override
  public Object startClient(String method, String url) {
    throw failure();
  }

  @Override
  public String[] clientHeaders(Object handle) {
    throw failure();
  }

  @Override
  public void endClient(Object handle, int status, Throwable error) {
    throw failure();
  }

  @Override
  public void endClientWhenDone(Object handle, CompletionStage<?> response) {
    throw failure();
  }

  @Override
  public Runnable unwrap(Runnable task) {
    throw failure();
  }

  @Override
  public void attach(Object owner, Object handle) {
    throw failure();
  }

  @Override
  public Object detach(Object owner) {
    throw failure();
  }

  @Override
  public boolean isAttached(Object owner) {
    throw failure();
  }

  @Override
  public void detachServer(Object handle) {
    throw failure();
  }

  @Override
  public void setServerRoute(String route) {
    throw failure();
  }

  @Override
  public String[] propagationFields() {
    throw failure();
  }

  @Override
  public Object startRpcServer(
      String system, String service, String method, String clientAddress, Map<String, List<String>> metadata) {
    throw failure();
  }

  @Override
  public Object startRpcClient(
      String system, String service, String method, String serverAddress, int serverPort) {
    throw failure();
  }

  @Override
  public void endRpc(Object handle, int statusCode, Throwable error) {
    throw failure();
  }

  @Override
  public Object currentContext() {
    throw failure();
  }

  @Override
  public Object makeCurrent(Object context) {
    throw failure();
  }

  @Override
  public void closeScope(Object scope) {
    throw failure();
  }

  @Override
  public Runnable wrap(Runnable task) {
    throw failure();
  }

  @Override
  public <T> java.util.concurrent.Callable<T> wrap(java.util.concurrent.Callable<T> task) {
    throw failure();
  }
}
