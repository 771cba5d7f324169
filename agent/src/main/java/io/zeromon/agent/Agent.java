package io.zeromon.agent;

import io.opentelemetry.sdk.resources.Resource;
import io.zeromon.agent.bridge.FailingBridge;
import io.zeromon.agent.bridge.RequestListener;
import io.zeromon.agent.bridge.TracingBridge;
import io.zeromon.agent.config.AgentConfig;
import io.zeromon.agent.install.InstrumentationInstaller;
import io.zeromon.agent.install.TransformationListener;
import io.zeromon.agent.trace.ResourceFactory;
import io.zeromon.agent.trace.Tracing;
import io.zeromon.bootstrap.Bridge;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The running agent: trace pipeline, bridge, instrumentations, shutdown. */
final class Agent {

  /** Held so that the level set on it is not lost to garbage collection. */
  private static Logger sdkLogger;

  private Agent() {}

  static void start(
      Instrumentation inst, AgentConfig config, boolean attached, String version, long startNanos) {
    quietSdkLogging(config);
    Resource resource =
        ResourceFactory.create(config.serviceName, config.resourceAttributes, version);
    Tracing tracing = Tracing.start(config, resource, version);
    ClassLoader agentLoader = Agent.class.getClassLoader();
    Bridge.install(
        config.bridgeFailureForTesting
            ? new FailingBridge()
            : new TracingBridge(
                tracing.tracer(), tracing.propagator(), agentLoader, RequestListener.NONE));
    TransformationListener transformations = new TransformationListener();
    List<String> instrumentations =
        InstrumentationInstaller.install(
            inst, config, agentLoader, Bridge.class.getModule(), transformations);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> tracing.shutdown(5_000), "zeromon-shutdown"));
    long millis = (System.nanoTime() - startNanos) / 1_000_000;
    AgentLog.info(
        "zeromon "
            + version
            + (attached ? " attached" : " started")
            + " in "
            + millis
            + " ms: service '"
            + config.serviceName
            + "', spans to "
            + tracing.destinations()
            + ", instrumentations "
            + String.join(",", instrumentations));
  }

  /**
   * The SDK logs through java.util.logging under our relocated package name, so raising or
   * silencing it never touches the application's own loggers. Export failures are reported by
   * the agent's own log at a bounded rate instead.
   */
  private static void quietSdkLogging(AgentConfig config) {
    sdkLogger = Logger.getLogger("io.zeromon.shaded.io.opentelemetry");
    sdkLogger.setLevel(config.logLevel == AgentLog.Level.DEBUG ? Level.FINE : Level.OFF);
  }
}
