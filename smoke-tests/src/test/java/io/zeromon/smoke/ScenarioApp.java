package io.zeromon.smoke;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One sample application of a scenario, as either back end runs it: which classes, which service
 * name, how its agent sends spans, and its own {@code -D} settings. A setting's value may name
 * another application of the scenario as {@code {service}}: the back end puts in the host:port at
 * which the applications reach that one.
 */
final class ScenarioApp {

  /** How the agent sends its spans: the three ways a Jaeger collector takes them. */
  enum Transport {
    OTLP_HTTP,
    OTLP_GRPC,
    JAEGER_UDP;

    /** The agent's settings for this transport, given where the back end receives it. */
    Map<String, String> settings(
        String otlpHttp, String otlpGrpc, String jaegerHost, int jaegerPort) {
      switch (this) {
        case OTLP_GRPC:
          return Map.of(
              "otel.exporter.otlp.protocol", "grpc", "otel.exporter.otlp.endpoint", otlpGrpc);
        case JAEGER_UDP:
          return Map.of(
              "otel.traces.exporter",
              "jaeger",
              "otel.exporter.jaeger.agent.host",
              jaegerHost,
              "otel.exporter.jaeger.agent.port",
              Integer.toString(jaegerPort));
        default:
          return Map.of("otel.exporter.otlp.endpoint", otlpHttp);
      }
    }
  }

  private static final Pattern REFERENCE = Pattern.compile("\\{([a-z0-9-]+)}");

  final String service;
  final String module; // a folder under smoke-tests/apps, or null: smoke-tests' own classes
  final String mainClass;
  final Transport transport;
  private final Map<String, String> properties = new LinkedHashMap<>();
  private String hostProperty = "app.host";
  private String portProperty = "app.port";

  private ScenarioApp(String service, String module, String mainClass, Transport transport) {
    this.service = service;
    this.module = module;
    this.mainClass = mainClass;
    this.transport = transport;
  }

  static ScenarioApp of(String service, String module, String mainClass, Transport transport) {
    return new ScenarioApp(service, module, mainClass, transport);
  }

  ScenarioApp property(String key, String value) {
    properties.put(key, value);
    return this;
  }

  /** The settings that move the application off 127.0.0.1 and a free port (in a container). */
  ScenarioApp listenProperties(String host, String port) {
    hostProperty = host;
    portProperty = port;
    return this;
  }

  /** The application's settings to listen on {@code host} and {@code port}. */
  Map<String, String> listen(String host, int port) {
    return Map.of(hostProperty, host, portProperty, Integer.toString(port));
  }

  /** The application's own settings, each {@code {service}} replaced by {@code address}. */
  Map<String, String> properties(Function<String, String> address) {
    Map<String, String> resolved = new LinkedHashMap<>();
    properties.forEach(
        (key, value) -> {
          Matcher matcher = REFERENCE.matcher(value);
          resolved.put(
              key, matcher.replaceAll(m -> Matcher.quoteReplacement(address.apply(m.group(1)))));
        });
    return resolved;
  }

  @Override
  public String toString() {
    return service + " (" + mainClass + ")";
  }
}
