package io.zeromon.bootstrap;

/**
 * Per-thread nesting depth, one slot per instrumentation, so that advice on methods that call
 * each other (or are overridden and call super) acts only at the outermost call.
 */
public final class CallDepth {

  public static final int HTTP_URL_CONNECTION = 0;
  public static final int JDK_HTTP_CLIENT = 1;
  public static final int SERVLET = 2;
  public static final int SPRING_WEB = 3;
  public static final int APACHE_HTTP_CLIENT = 4;
  public static final int OKHTTP = 5;
  public static final int NETTY = 6;
  public static final int GRPC = 7;
  public static final int UNDERTOW = 8;
  public static final int EXECUTOR = 9;
  public static final int JDK_HTTP_SERVER = 10;
  private static final int SLOTS = 16;

  private static final ThreadLocal<int[]> DEPTHS =
      new ThreadLocal<int[]>() {
        @Override
        protected int[] initialValue() {
          return new int[SLOTS];
        }
      };

  private CallDepth() {}

  /** Increments the depth of {@code slot}; returns the depth before the call (0 = outermost). */
  public static int enter(int slot) {
    return DEPTHS.get()[slot]++;
  }

  /** Decrements the depth of {@code slot}; returns the depth after the call (0 = outermost). */
  public static int exit(int slot) {
    int[] depths = DEPTHS.get();
    int depth = depths[slot] - 1;
    depths[slot] = Math.max(depth, 0);
    return depth;
  }
}
