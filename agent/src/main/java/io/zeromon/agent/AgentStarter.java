package io.zeromon.agent;

import io.zeromon.agent.config.AgentConfig;
import io.zeromon.agent.config.ConfigProblems;
import io.zeromon.agent.config.ConfigSources;
import java.io.File;
import java.lang.instrument.Instrumentation;
import java.util.jar.JarFile;

/**
 * Entry point inside the agent's class loader, called by the launcher. Reads the configuration,
 * then starts the agent through {@link Agent}, which is kept in its own class because it links
 * against the bridge, and the bridge is only on the boot class path once the launcher put it
 * there.
 */
public final class AgentStarter {

  private AgentStarter() {}

  public static void start(Instrumentation inst, String args, boolean attached, File jar) {
    long startNanos = System.nanoTime();
    ConfigProblems problems = new ConfigProblems();
    AgentConfig config = AgentConfig.load(ConfigSources.fromJvm(args, problems), problems);
    AgentLog.setLevel(config.logLevel);
    if (!config.enabled) {
      AgentLog.info("disabled by otel.javaagent.enabled=false");
      return;
    }
    Agent.start(inst, config, attached, version(jar), startNanos);
  }

  private static String version(File jar) {
    try (JarFile file = new JarFile(jar)) {
      String version = file.getManifest().getMainAttributes().getValue("Implementation-Version");
      return version == null ? "dev" : version;
    } catch (Exception e) {
      return "dev";
    }
  }
}
