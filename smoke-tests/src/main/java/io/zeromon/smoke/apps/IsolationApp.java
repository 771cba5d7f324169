package io.zeromon.smoke.apps;

import java.security.CodeSource;

/**
 * Reports which copies of popular libraries the application sees ({@code CHECK name=where}), then
 * serves like {@link HttpServerApp}. Run with and without the libraries on its class path to show
 * that the agent's own copies are invisible and never replace the application's.
 */
public final class IsolationApp {

  private static final String[] CLASSES = {
    "net.bytebuddy.ByteBuddy",
    "io.opentelemetry.api.GlobalOpenTelemetry",
    "io.opentelemetry.sdk.trace.SdkTracerProvider",
    "com.sun.jna.Native",
    "io.zeromon.agent.AgentStarter",
    "io.zeromon.instrumentation.Instrumentations",
    "io.zeromon.shaded.io.opentelemetry.api.trace.Span",
    "io.prometheus.metrics.core.metrics.Counter",
    "oshi.SystemInfo",
    "okhttp3.OkHttpClient",
    "kotlin.Unit",
  };

  private IsolationApp() {}

  public static void main(String[] args) throws Exception {
    for (String name : CLASSES) {
      System.out.println("CHECK " + name + "=" + origin(name));
    }
    System.out.println("CHECK jna-works=" + jnaWorks());
    HttpServerApp.main(args);
  }

  private static String origin(String className) {
    try {
      Class<?> type = Class.forName(className, false, IsolationApp.class.getClassLoader());
      CodeSource source = type.getProtectionDomain().getCodeSource();
      return source == null ? "boot" : source.getLocation().getPath();
    } catch (ClassNotFoundException | LinkageError e) {
      return "absent";
    }
  }

  /** Loads the application's JNA native library and calls into it, if JNA is there. */
  private static String jnaWorks() {
    try {
      Class<?> nativeClass = Class.forName("com.sun.jna.Native");
      Object size = nativeClass.getField("POINTER_SIZE").get(null);
      return "pointer-size-" + size;
    } catch (ClassNotFoundException e) {
      return "absent";
    } catch (ReflectiveOperationException | LinkageError e) {
      return "failed-" + e;
    }
  }
}
