package io.zeromon.agent.bridge;

import io.opentelemetry.api.impl.InstrumentationUtil;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.zeromon.bootstrap.BridgeImpl;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;

/** The agent's side of the bridge: spans and context from what the advice read, on the OTel SDK. */
public final class TracingBridge implements BridgeImpl {

  private final ClassLoader agentLoader;
  private final String[] propagationFields;
  private final ServerSpans servers;
  private final ClientSpans clients;
  private final RpcSpans rpcs;
  private final AttachedHandles attached = new AttachedHandles();

  public TracingBridge(
      Tracer tracer, TextMapPropagator propagator, ClassLoader agentLoader, RequestListener listener) {
    this.agentLoader = agentLoader;
    this.propagationFields = propagator.fields().toArray(new String[0]);
    this.servers = new ServerSpans(tracer, propagator, listener);
    this.clients = new ClientSpans(tracer, propagator, listener);
    this.rpcs = new RpcSpans(tracer, propagator, listener);
  }

  /**
   * The agent's own threads (exporters, metrics endpoint) inherit the agent's class loader as
   * their context loader, and exporters mark their calls as suppressed: neither makes spans.
   */
  private boolean ignored(Context current) {
    return Thread.currentThread().getContextClassLoader() == agentLoader
        || InstrumentationUtil.shouldSuppressInstrumentation(current);
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
    Context current = Context.current();
    if (current.get(ServerSpans.SERVER_CALL) != null || ignored(current)) {
      return null;
    }
    return servers.start(
        current, method, scheme, path, query, serverAddress, serverPort, protocol, clientAddress,
        headers, route);
  }

  @Override
  public void endServer(Object handle, int status, Throwable error) {
    servers.end(handle, status, error);
  }

  @Override
  public void detachServer(Object handle) {
    ((ServerCall) handle).leaveThread();
  }

  @Override
  public void setServerRoute(String route) {
    servers.setRoute(Context.current(), route);
  }

  @Override
  public String[] propagationFields() {
    return propagationFields.clone();
  }

  @Override
  public Object startClient(String method, String url) {
    Context current = Context.current();
    return ignored(current) ? null : clients.start(current, method, url);
  }

  @Override
  public String[] clientHeaders(Object handle) {
    return clients.headers(handle);
  }

  @Override
  public void endClient(Object handle, int status, Throwable error) {
    clients.end(handle, status, error);
  }

  @Override
  public void endClientWhenDone(Object handle, CompletionStage<?> response) {
    clients.endWhenDone(handle, response);
  }

  @Override
  public Object startRpcServer(
      String system, String service, String method, String clientAddress, Map<String, List<String>> metadata) {
    Context current = Context.current();
    return ignored(current) ? null : rpcs.startServer(current, system, service, method, clientAddress, metadata);
  }

  @Override
  public Object startRpcClient(
      String system, String service, String method, String serverAddress, int serverPort) {
    Context current = Context.current();
    return ignored(current)
        ? null
        : rpcs.startClient(current, system, service, method, serverAddress, serverPort);
  }

  @Override
  public void endRpc(Object handle, int statusCode, Throwable error) {
    rpcs.end(handle, statusCode, error);
  }

  @Override
  public Object currentContext() {
    return ContextCarrier.capture(Context.current());
  }

  @Override
  public Object makeCurrent(Object context) {
    return ContextCarrier.makeCurrent(context);
  }

  @Override
  public void closeScope(Object scope) {
    ((Scope) scope).close();
  }

  @Override
  public Runnable wrap(Runnable task) {
    return ContextCarrier.wrap(Context.current(), task);
  }

  @Override
  public <T> Callable<T> wrap(Callable<T> task) {
    return ContextCarrier.wrap(Context.current(), task);
  }

  @Override
  public Runnable unwrap(Runnable task) {
    return ContextCarrier.unwrap(task);
  }

  @Override
  public void attach(Object owner, Object handle) {
    attached.put(owner, handle);
  }

  @Override
  public Object detach(Object owner) {
    return attached.remove(owner);
  }

  @Override
  public boolean isAttached(Object owner) {
    return attached.contains(owner);
  }
}
