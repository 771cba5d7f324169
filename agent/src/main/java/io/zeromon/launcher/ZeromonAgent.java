package io.zeromon.launcher;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.util.jar.JarFile;

/**
 * The only agent class the application's class loader can see: it puts the bridge on the boot
 * class path, creates the agent's own class loader over the jar's hidden {@code inst/} folder and
 * hands over to the agent inside it. It uses the JDK only and never lets a failure reach the
 * application: whatever goes wrong, the application starts without monitoring.
 */
public final class ZeromonAgent {

  private static final String STARTER = "io.zeromon.agent.AgentStarter";
  private static boolean started;

  private ZeromonAgent() {}

  public static void premain(String args, Instrumentation inst) {
    start(args, inst, false);
  }

  public static void agentmain(String args, Instrumentation inst) {
    start(args, inst, true);
  }

  /** {@code java -jar zeromon-agent.jar attach <pid> [key=value,...]}. */
  public static void main(String[] args) {
    System.exit(AttachCommand.run(args, agentJar()));
  }

  private static synchronized void start(String args, Instrumentation inst, boolean attached) {
    if (started) {
      System.err.println("[zeromon] WARN agent already running in this JVM; ignoring a second start");
      return;
    }
    if (switchedOff()) {
      return;
    }
    started = true;
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try {
      File jar = agentJar();
      inst.appendToBootstrapClassLoaderSearch(new JarFile(jar));
      AgentClassLoader loader = new AgentClassLoader(jar, ClassLoader.getPlatformClassLoader());
      // Threads the agent creates inherit this loader; the bridge uses it to tell them apart.
      thread.setContextClassLoader(loader);
      loader
          .loadClass(STARTER)
          .getMethod("start", Instrumentation.class, String.class, boolean.class, File.class)
          .invoke(null, inst, args, attached, jar);
    } catch (Throwable t) {
      Throwable cause = t.getCause() != null ? t.getCause() : t;
      System.err.println(
          "[zeromon] ERROR the agent could not start; the application runs without it: " + cause);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** {@code otel.javaagent.enabled=false} turns everything off before anything is loaded. */
  private static boolean switchedOff() {
    String value = System.getProperty("otel.javaagent.enabled");
    if (value == null) {
      value = System.getenv("OTEL_JAVAAGENT_ENABLED");
    }
    return value != null && value.trim().equalsIgnoreCase("false");
  }

  static File agentJar() {
    try {
      return new File(ZeromonAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (Exception e) {
      throw new IllegalStateException("cannot locate the zeromon agent jar", e);
    }
  }
}
