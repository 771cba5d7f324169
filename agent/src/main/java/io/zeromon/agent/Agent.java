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
import io.zeromon.agent.metrics.AgentStatus;
import io.zeromon.agent.metrics.MetricsEndpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    AgentLog.debug("start-up: trace pipeline ready at " + elapsed(startNanos) + " ms");
    ClassLoader agentLoader = Agent.class.getClassLoader();
    TransformationListener transformations = new TransformationListener();
    List<String> instrumentations = new ArrayList<>();
    MetricsEndpoint metrics = null;
    RequestListener listener = RequestListener.NONE;
    if (config.metrics.prometheusEnabled) {
      metrics =
          MetricsEndpoint.create(
              config.metrics,
              new AgentStatus(
                  tracing::exportedSpans,
                  tracing::failedSpans,
                  tracing::endedSpans,
                  transformations::errors,
                  transformations::transformed,
                  instrumentations,
                  tracing.selfMetrics()),
              config.serviceName);
      listener = metrics.requestListener();
    }
    Bridge.install(
        config.bridgeFailureForTesting
            ? new FailingBridge()
            : new TracingBridge(tracing.tracer(), tracing.propagator(), agentLoader, listener));
    AgentLog.debug("start-up: bridge installed at " + elapsed(startNanos) + " ms");
    instrumentations.addAll(
        InstrumentationInstaller.install(
            inst, config, agentLoader, Bridge.class.getModule(), transformations));
    AgentLog.debug("start-up: instrumentations installed at " + elapsed(startNanos) + " ms");
    String metricsWhere = "off (otel.metrics.exporter=none)";
    if (metrics != null) {
      metrics.serve(resourceLabels(resource));
      metricsWhere = metrics.describe();
    }
    MetricsEndpoint endpoint = metrics;
    Runtime.getRuntime()
        .addShutdownHook(
            AgentThreads.newThread(
                "zeromon-shutdown",
                () -> {
                  tracing.shutdown(5_000);
                  if (endpoint != null) {
                    endpoint.stop();
                  }
                }));
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
            + ", metrics at "
            + metricsWhere
            + ", instrumentations "
            + String.join(",", instrumentations));
  }

  private static long elapsed(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private static Map<String, String> resourceLabels(Resource resource) {
    Map<String, String> labels = new LinkedHashMap<>();
    resource.getAttributes().forEach((key, value) -> labels.put(key.getKey(), String.valueOf(value)));
    return labels;
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
