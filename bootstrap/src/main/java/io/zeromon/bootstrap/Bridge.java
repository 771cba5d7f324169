package io.zeromon.bootstrap;

import java.util.List;
import java.util.Map;
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
