package io.zeromon.bootstrap;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.function.BiPredicate;

/**
 * The only API between instrumented code and the agent; defined in the bootstrap class loader so
 * that advice inlined into classes of any loader can call it.
 *
 * <p>Rules: static methods only; parameters and results are {@code java.base} types; handles are
 * opaque objects, {@code null} when nothing was started; every method is a cheap no-op until the
 * agent installs its implementation, and no method ever throws. This class can never be reloaded,
 * so it stays small and its signatures stay stable.
 */
public final class Bridge {

  private static volatile BridgeImpl impl;

  private Bridge() {}

  /** Called once by the agent when its implementation is ready. */
  public static void install(BridgeImpl implementation) {
    impl = implementation;
  }

  /** Starts a SERVER span for a request and makes it current; returns its handle or null. */
  public static Object startServer(
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
    BridgeImpl i = impl;
    if (i == null) {
      return null;
    }
    try {
      return i.startServer(
          method, scheme, path, query, serverAddress, serverPort, protocol, clientAddress, headers,
          route);
    } catch (Throwable t) {
      return null;
    }
  }

  /** Ends a SERVER span; {@code status} is the HTTP status or -1 when none was sent. */
  public static void endServer(Object handle, int status, Throwable error) {
    BridgeImpl i = impl;
    if (i == null || handle == null) {
      return;
    }
    try {
      i.endServer(handle, status, error);
    } catch (Throwable ignored) {
      // never into application code
    }
  }

  /** Starts a CLIENT span, child of the current context; returns its handle or null. */
  public static Object startClient(String method, String url) {
    BridgeImpl i = impl;
    if (i == null) {
      return null;
    }
    try {
      return i.startClient(method, url);
    } catch (Throwable t) {
      return null;
    }
  }

  /** Header names and values, alternating, to add to the outbound request of a CLIENT span. */
  public static String[] clientHeaders(Object handle) {
    BridgeImpl i = impl;
    if (i == null || handle == null) {
      return NO_HEADERS;
    }
    try {
      String[] headers = i.clientHeaders(handle);
      return headers == null ? NO_HEADERS : headers;
    } catch (Throwable t) {
      return NO_HEADERS;
    }
  }

  /** Ends a CLIENT span; {@code status} is the HTTP status or -1 when no response arrived. */
  public static void endClient(Object handle, int status, Throwable error) {
    BridgeImpl i = impl;
    if (i == null || handle == null) {
      return;
    }
    try {
      i.endClient(handle, status, error);
    } catch (Throwable ignored) {
      // never into application code
    }
  }

  /** Ends a CLIENT span when an asynchronous response completes. */
  public static void endClientWhenDone(Object handle, CompletionStage<?> response) {
    BridgeImpl i = impl;
    if (i == null || handle == null || response == null) {
      return;
    }
    try {
      i.endClientWhenDone(handle, response);
    } catch (Throwable ignored) {
      // never into application code
    }
  }

  /**
   * Leaves the thread of a SERVER span without ending it (asynchronous requests): the span stays
   * open until {@link #endServer}, which may then run on another thread.
   */
  public static void detachServer(Object handle) {
    BridgeImpl i = impl;
    if (i == null || handle == null) {
      return;
    }
    try {
      i.detachServer(handle);
    } catch (Throwable ignored) {
      // never into application code
    }
  }

  /** Names the route template (e.g. {@code /users/{id}}) of the current SERVER span, once known. */
  public static void setServerRoute(String route) {
    BridgeImpl i = impl;
    if (i == null || route == null) {
      return;
    }
    try {
      i.setServerRoute(route);
    } catch (Throwable ignored) {
      // never into application code
    }
  }

  /**
   * The header names the configured propagators read, for servers whose headers can only be
   * asked for one by one: read these into the map given to {@link #startServer}.
   */
  public static String[] propagationFields() {
    BridgeImpl i = impl;
    if (i == null) {
      return NO_HEADERS;
    }
    try {
      String[] fields = i.propagationFields();
      return fields == null ? NO_HEADERS : fields;
    } catch (Throwable t) {
      return NO_HEADERS;
    }
  }

  /** Starts a SERVER span for an RPC (e.g. system {@code grpc}); end it with {@link #endRpc}. */
  public static Object startRpcServer(
      String system,
      String service,
      String method,
      String clientAddress,
      Map<String, List<String>> metadata) {
    BridgeImpl i = impl;
    if (i == null) {
      return null;
    }
    try {
      return i.startRpcServer(system, service, method, clientAddress, metadata);
    } catch (Throwable t) {
      return null;
    }
  }

  /**
   * Starts a CLIENT span for an RPC, child of the current context; {@link #clientHeaders} gives
   * the metadata to send, {@link #endRpc} ends it.
   */
  public static Object startRpcClient(
      String system, String service, String method, String serverAddress, int serverPort) {
    BridgeImpl i = impl;
    if (i == null) {
      return null;
    }
    try {
      return i.startRpcClient(system, service, method, serverAddress, serverPort);
    } catch (Throwable t) {
      return null;
    }
  }

  /** Ends an RPC span with the RPC system's status code (gRPC: 0 = OK). */
  public static void endRpc(Object handle, int statusCode, Throwable error) {
    BridgeImpl i = impl;
    if (i == null || handle == null) {
      return;
    }
    try {
      i.endRpc(handle, statusCode, error);
    } catch (Throwable ignored) {
      // never into application code
    }
  }

  /** The current trace context, to carry to another thread; null when there is none. */
  public static Object currentContext() {
    BridgeImpl i = impl;
    if (i == null) {
      return null;
    }
    try {
      return i.currentContext();
    } catch (Throwable t) {
      return null;
    }
  }

  /** Makes a context from {@link #currentContext} current; returns the scope to close, or null. */
  public static Object makeCurrent(Object context) {
    BridgeImpl i = impl;
    if (i == null || context == null) {
      return null;
    }
    try {
      return i.makeCurrent(context);
    } catch (Throwable t) {
      return null;
    }
  }

  /** Closes a scope from {@link #makeCurrent}, on the thread that opened it. */
  public static void closeScope(Object scope) {
    BridgeImpl i = impl;
    if (i == null || scope == null) {
      return;
    }
    try {
      i.closeScope(scope);
    } catch (Throwable ignored) {
      // never into application code
    }
  }

  /** The task, or a wrapper that runs it in the current context when there is one to carry. */
  public static Runnable wrap(Runnable task) {
    BridgeImpl i = impl;
    if (i == null || task == null) {
      return task;
    }
    try {
      return i.wrap(task);
    } catch (Throwable t) {
      return task;
    }
  }

  /** The task, or a wrapper that calls it in the current context when there is one to carry. */
  public static <T> Callable<T> wrap(Callable<T> task) {
    BridgeImpl i = impl;
    if (i == null || task == null) {
      return task;
    }
    try {
      return i.wrap(task);
    } catch (Throwable t) {
      return task;
    }
  }

  /**
   * The task a wrapper from {@link #wrap(Runnable)} runs, or {@code task} itself: for the places
   * where an executor hands a task back to the application (rejection, removal, shutdown).
   */
  public static Runnable unwrap(Runnable task) {
    BridgeImpl i = impl;
    if (i == null || task == null) {
      return task;
    }
    try {
      Runnable original = i.unwrap(task);
      return original == null ? task : original;
    } catch (Throwable t) {
      return task;
    }
  }

  /** Keeps a handle with an object of the instrumented library (held weakly). */
  public static void attach(Object owner, Object handle) {
    BridgeImpl i = impl;
    if (i == null || owner == null || handle == null) {
      return;
    }
    try {
      i.attach(owner, handle);
    } catch (Throwable ignored) {
      // never into application code
    }
  }

  /** Removes and returns the handle kept with {@code owner}, or null. */
  public static Object detach(Object owner) {
    BridgeImpl i = impl;
    if (i == null || owner == null) {
      return null;
    }
    try {
      return i.detach(owner);
    } catch (Throwable t) {
      return null;
    }
  }

  /** Whether a handle is kept with {@code owner}. */
  public static boolean isAttached(Object owner) {
    BridgeImpl i = impl;
    if (i == null || owner == null) {
      return false;
    }
    try {
      return i.isAttached(owner);
    } catch (Throwable t) {
      return false;
    }
  }

  /** A header filter that keeps every header, for copying an immutable request. */
  public static BiPredicate<String, String> anyHeader() {
    return AnyHeader.INSTANCE;
  }

  private static final String[] NO_HEADERS = new String[0];

  private static final class AnyHeader implements BiPredicate<String, String> {
    static final AnyHeader INSTANCE = new AnyHeader();

    @Override
    public boolean test(String name, String value) {
      return true;
    }
  }
}
