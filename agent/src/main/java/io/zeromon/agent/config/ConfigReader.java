package io.zeromon.agent.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Typed reads of settings: every unusable value is reported and replaced by the default. */
public final class ConfigReader {

  private final ConfigSources sources;
  private final ConfigProblems problems;

  public ConfigReader(ConfigSources sources, ConfigProblems problems) {
    this.sources = sources;
    this.problems = problems;
  }

  public ConfigSources sources() {
    return sources;
  }

  public ConfigProblems problems() {
    return problems;
  }

  public String string(String key, String defaultValue) {
    String value = sources.get(key);
    return value == null ? defaultValue : value;
  }

  public boolean bool(String key, boolean defaultValue) {
    String value = sources.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    problems.report(key, value, "true or false", "using " + defaultValue);
    return defaultValue;
  }

  public int integer(String key, int defaultValue, int min, int max) {
    String value = sources.get(key);
    if (value == null) {
      return defaultValue;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    problems.report(
        key, value, "an integer from " + min + " to " + max, "using " + defaultValue);
    return defaultValue;
  }

  public int port(String key, int defaultValue) {
    return integer(key, defaultValue, 0, 65535);
  }

  /** A duration in milliseconds; a plain number, or with a unit suffix ms, s, m. */
  public long millis(String key, long defaultValue) {
    String value = sources.get(key);
    if (value == null) {
      return defaultValue;
    }
    String v = value.toLowerCase(Locale.ROOT);
    long factor = 1;
    if (v.endsWith("ms")) {
      v = v.substring(0, v.length() - 2);
    } else if (v.endsWith("s")) {
      v = v.substring(0, v.length() - 1);
      factor = 1000;
    } else if (v.endsWith("m")) {
      v = v.substring(0, v.length() - 1);
      factor = 60_000;
    }
    try {
      long parsed = Long.parseLong(v.trim()) * factor;
      if (parsed >= 0) {
        return parsed;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    problems.report(
        key, value, "a duration in milliseconds (e.g. 500, 500ms, 5s)", "using " + defaultValue);
    return defaultValue;
  }

  public double ratio(String key, double defaultValue) {
    String value = sources.get(key);
    if (value == null) {
      return defaultValue;
    }
    try {
      double parsed = Double.parseDouble(value);
      if (parsed >= 0 && parsed <= 1) {
        return parsed;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    problems.report(key, value, "a number from 0.0 to 1.0", "using " + defaultValue);
    return defaultValue;
  }

  /** One of {@code accepted} (case-insensitive), else the default. */
  public String oneOf(String key, String defaultValue, String... accepted) {
    String value = sources.get(key);
    if (value == null) {
      return defaultValue;
    }
    for (String candidate : accepted) {
      if (candidate.equalsIgnoreCase(value)) {
        return candidate;
      }
    }
    problems.report(key, value, "one of " + String.join(", ", accepted), "using " + defaultValue);
    return defaultValue;
  }

  /**
   * A comma-separated list of names from {@code accepted}; if any is unknown the whole setting is
   * reported and the default list is used, so that a typo never silently drops an exporter.
   */
  public List<String> names(String key, List<String> defaultValue, String... accepted) {
    String value = sources.get(key);
    if (value == null) {
      return defaultValue;
    }
    List<String> known = Arrays.asList(accepted);
    List<String> result = new ArrayList<>();
    for (String part : value.split(",")) {
      String name = part.trim().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      if (!known.contains(name)) {
        problems.report(
            key,
            value,
            "a comma-separated list of " + String.join(", ", accepted),
            "'" + name + "' is unknown; using " + String.join(",", defaultValue));
        return defaultValue;
      }
      if (!result.contains(name)) {
        result.add(name);
      }
    }
    return result.isEmpty() ? defaultValue : Collections.unmodifiableList(result);
  }

  /** {@code k=v,k=v} pairs (as in otel.resource.attributes); malformed pairs are reported. */
  public Map<String, String> pairs(String key) {
    String value = sources.get(key);
    Map<String, String> result = new LinkedHashMap<>();
    if (value == null) {
      return result;
    }
    for (String pair : value.split(",")) {
      if (pair.trim().isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0 || pair.substring(0, eq).trim().isEmpty()) {
        problems.report(
            key, value, "comma-separated key=value pairs", "skipping '" + pair.trim() + "'");
        continue;
      }
      result.put(pair.substring(0, eq).trim(), decode(pair.substring(eq + 1).trim()));
    }
    return result;
  }

  /** Values may be percent-encoded (the W3C baggage rule the OTel spec uses for this setting). */
  private static String decode(String value) {
    if (value.indexOf('%') < 0) {
      return value;
    }
    try {
      return java.net.URLDecoder.decode(value.replace("+", "%2B"), "UTF-8");
    } catch (Exception e) {
      return value;
    }
  }
}
