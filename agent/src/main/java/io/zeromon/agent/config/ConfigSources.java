package io.zeromon.agent.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where settings come from, first match wins: agent arguments (from {@code -javaagent:...=k=v,k=v}
 * or an attach), {@code -D} system properties, {@code OTEL_*}-style environment variables, then the
 * properties file named by {@code otel.javaagent.configuration-file}.
 */
public final class ConfigSources {

  public static final String CONFIG_FILE = "otel.javaagent.configuration-file";

  private final Map<String, String> arguments;
  private final Map<String, String> systemProperties;
  private final Map<String, String> environment;
  private final Map<String, String> file;

  ConfigSources(
      Map<String, String> arguments,
      Map<String, String> systemProperties,
      Map<String, String> environment,
      Map<String, String> file) {
    this.arguments = arguments;
    this.systemProperties = systemProperties;
    this.environment = environment;
    this.file = file;
  }

  /** Reads the live JVM's sources; problems with the file are reported to {@code problems}. */
  public static ConfigSources fromJvm(String agentArguments, ConfigProblems problems) {
    Map<String, String> args = parseArguments(agentArguments);
    Map<String, String> props = new HashMap<>();
    for (String name : System.getProperties().stringPropertyNames()) {
      props.put(name, System.getProperty(name));
    }
    ConfigSources withoutFile = new ConfigSources(args, props, System.getenv(), Collections.emptyMap());
    String fileName = withoutFile.get(CONFIG_FILE);
    Map<String, String> fileValues =
        fileName == null ? Collections.emptyMap() : readFile(fileName, problems);
    return new ConfigSources(args, props, System.getenv(), fileValues);
  }

  /** For tests: explicit maps for each source. */
  public static ConfigSources of(
      Map<String, String> systemProperties, Map<String, String> environment) {
    return new ConfigSources(
        Collections.emptyMap(), systemProperties, environment, Collections.emptyMap());
  }

  /** The raw value of {@code key} (an {@code otel.*}/{@code zeromon.*} name), or null. */
  public String get(String key) {
    String value = arguments.get(key);
    if (value == null) {
      value = systemProperties.get(key);
    }
    if (value == null) {
      value = environment.get(environmentName(key));
    }
    if (value == null) {
      value = file.get(key);
    }
    return value == null || value.trim().isEmpty() ? null : value.trim();
  }

  /** A variable of the environment by its own name (for the Jaeger client's fallbacks). */
  public String environmentVariable(String name) {
    String value = environment.get(name);
    return value == null || value.trim().isEmpty() ? null : value.trim();
  }

  /** Every {@code zeromon.*} key set anywhere, to catch typos. */
  Set<String> zeromonKeys() {
    Set<String> keys = new TreeSet<>();
    for (Map<String, String> source : new Map[] {arguments, systemProperties, file}) {
      for (String key : source.keySet()) {
        if (key.startsWith("zeromon.")) {
          keys.add(key);
        }
      }
    }
    return keys;
  }

  /** {@code otel.exporter.otlp.endpoint} → {@code OTEL_EXPORTER_OTLP_ENDPOINT}. */
  static String environmentName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  static Map<String, String> parseArguments(String arguments) {
    Map<String, String> values = new HashMap<>();
    if (arguments == null) {
      return values;
    }
    for (String pair : arguments.split(",")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        values.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      }
    }
    return values;
  }

  private static Map<String, String> readFile(String fileName, ConfigProblems problems) {
    Path path = Paths.get(fileName);
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(path)) {
      properties.load(in);
    } catch (NoSuchFileException e) {
      problems.report(CONFIG_FILE, fileName, "a readable properties file", "no such file; ignoring it");
      return Collections.emptyMap();
    } catch (IOException | IllegalArgumentException e) {
      problems.report(CONFIG_FILE, fileName, "a readable properties file", e + "; ignoring it");
      return Collections.emptyMap();
    }
    Map<String, String> values = new HashMap<>();
    for (String name : properties.stringPropertyNames()) {
      values.put(name, properties.getProperty(name));
    }
    return values;
  }
}
