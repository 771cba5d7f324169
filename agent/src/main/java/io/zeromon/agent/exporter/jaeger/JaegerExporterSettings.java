package io.zeromon.agent.exporter.jaeger;

import io.zeromon.agent.config.ConfigReader;
import java.net.URI;

/** Where and how the Jaeger exporter sends: immutable, read once at start. */
public final class JaegerExporterSettings {

  public static final String UDP_COMPACT = "udp/thrift.compact";
  public static final String UDP_BINARY = "udp/thrift.binary";
  public static final String HTTP_BINARY = "http/thrift.binary";

  static final String DEFAULT_ENDPOINT = "http://localhost:14268/api/traces";
  static final long DEFAULT_TIMEOUT_MILLIS = 10_000;

  private final String protocol;
  private final String agentHost;
  private final int agentPort;
  private final String endpoint;
  private final long timeoutMillis;
  private final String user;
  private final String password;

  JaegerExporterSettings(
      String protocol,
      String agentHost,
      int agentPort,
      String endpoint,
      long timeoutMillis,
      String user,
      String password) {
    this.protocol = protocol;
    this.agentHost = agentHost;
    this.agentPort = agentPort;
    this.endpoint = endpoint;
    this.timeoutMillis = timeoutMillis;
    this.user = user;
    this.password = password;
  }

  /**
   * Reads {@code otel.exporter.jaeger.*}, falling back to the Jaeger client's variables {@code
   * JAEGER_AGENT_HOST}, {@code JAEGER_AGENT_PORT}, {@code JAEGER_ENDPOINT} (which selects {@code
   * http/thrift.binary} when no protocol is set), {@code JAEGER_USER} and {@code JAEGER_PASSWORD}.
   */
  public static JaegerExporterSettings read(ConfigReader reader) {
    String envEndpoint = reader.sources().environmentVariable("JAEGER_ENDPOINT");
    String protocol =
        reader.oneOf(
            "otel.exporter.jaeger.protocol",
            envEndpoint != null ? HTTP_BINARY : UDP_COMPACT,
            UDP_COMPACT,
            UDP_BINARY,
            HTTP_BINARY);
    String host =
        reader.string(
            "otel.exporter.jaeger.agent.host", env(reader, "JAEGER_AGENT_HOST", "localhost"));
    int defaultPort = UDP_BINARY.equals(protocol) ? 6832 : 6831;
    String portKey = "otel.exporter.jaeger.agent.port";
    if (reader.sources().get(portKey) == null) {
      defaultPort = envPort(reader, defaultPort); // read only when used: no warning otherwise
    }
    int port = reader.integer(portKey, defaultPort, 1, 65535);
    String endpoint = endpoint(reader, envEndpoint);
    long timeout = timeout(reader);
    String user = reader.string("otel.exporter.jaeger.user", env(reader, "JAEGER_USER", null));
    String password =
        reader.string("otel.exporter.jaeger.password", env(reader, "JAEGER_PASSWORD", null));
    return new JaegerExporterSettings(protocol, host, port, endpoint, timeout, user, password);
  }

  private static long timeout(ConfigReader reader) {
    String key = "otel.exporter.jaeger.timeout";
    long timeout = reader.millis(key, DEFAULT_TIMEOUT_MILLIS);
    if (timeout > 0) {
      return timeout;
    }
    // a request without a deadline could pile up behind a dead collector
    reader
        .problems()
        .report(
            key,
            reader.sources().get(key),
            "a positive duration",
            "using " + DEFAULT_TIMEOUT_MILLIS);
    return DEFAULT_TIMEOUT_MILLIS;
  }

  private static String env(ConfigReader reader, String name, String defaultValue) {
    String value = reader.sources().environmentVariable(name);
    return value == null ? defaultValue : value;
  }

  private static int envPort(ConfigReader reader, int defaultPort) {
    String value = reader.sources().environmentVariable("JAEGER_AGENT_PORT");
    if (value == null) {
      return defaultPort;
    }
    try {
      int port = Integer.parseInt(value);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    reader
        .problems()
        .report("JAEGER_AGENT_PORT", value, "an integer from 1 to 65535", "using " + defaultPort);
    return defaultPort;
  }

  private static String endpoint(ConfigReader reader, String envEndpoint) {
    String key = "otel.exporter.jaeger.endpoint";
    String value = reader.sources().get(key);
    if (value == null) {
      key = "JAEGER_ENDPOINT";
      value = envEndpoint;
    }
    if (value == null) {
      return DEFAULT_ENDPOINT;
    }
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
          && uri.getHost() != null) {
        return value;
      }
    } catch (Exception ignored) {
      // reported below
    }
    reader.problems().report(key, value, "an http:// or https:// URL", "using " + DEFAULT_ENDPOINT);
    return DEFAULT_ENDPOINT;
  }

  /** For the start-up line, e.g. {@code Jaeger udp/thrift.compact localhost:6831}; no secrets. */
  public String describe() {
    if (isHttp()) {
      return "Jaeger " + protocol + " " + endpoint + (user == null ? "" : " (basic auth)");
    }
    return "Jaeger " + protocol + " " + agentHost + ":" + agentPort;
  }

  boolean isHttp() {
    return HTTP_BINARY.equals(protocol);
  }

  public String protocol() {
    return protocol;
  }

  public String agentHost() {
    return agentHost;
  }

  public int agentPort() {
    return agentPort;
  }

  public String endpoint() {
    return endpoint;
  }

  public long timeoutMillis() {
    return timeoutMillis;
  }

  /** The basic-auth user, or null. */
  public String user() {
    return user;
  }

  String password() {
    return password;
  }
}
