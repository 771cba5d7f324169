package io.zeromon.agent.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Jaeger client's environment variables, honoured where no OpenTelemetry setting is given, so
 * that a service moving off a Jaeger client keeps its deployment settings.
 */
final class JaegerClientFallbacks {

  private JaegerClientFallbacks() {}

  /** {@code JAEGER_TAGS=k=v,k=v}: resource attributes below {@code otel.resource.attributes}. */
  static Map<String, String> tags(ConfigReader reader) {
    Map<String, String> tags = new LinkedHashMap<>();
    String value = reader.sources().environmentVariable("JAEGER_TAGS");
    if (value == null) {
      return tags;
    }
    for (String pair : value.split(",")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        tags.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      } else if (!pair.trim().isEmpty()) {
        reader.problems().report("JAEGER_TAGS", value, "comma-separated key=value pairs", "skipping '" + pair.trim() + "'");
      }
    }
    return tags;
  }

  /** {@code JAEGER_SAMPLER_TYPE}/{@code _PARAM} as an {@code otel.traces.sampler} name, or null. */
  static String sampler(ConfigReader reader) {
    String type = reader.sources().environmentVariable("JAEGER_SAMPLER_TYPE");
    if (type == null) {
      return null;
    }
    String param = reader.sources().environmentVariable("JAEGER_SAMPLER_PARAM");
    switch (type.toLowerCase(Locale.ROOT)) {
      case "const":
        return "0".equals(param) ? "parentbased_always_off" : "parentbased_always_on";
      case "probabilistic":
        return "parentbased_traceidratio";
      case "remote":
        return "parentbased_jaeger_remote";
      default:
        reader.problems().report("JAEGER_SAMPLER_TYPE", type, "const, probabilistic or remote", "using the default sampler");
        return null;
    }
  }

  /** {@code JAEGER_PROPAGATION=jaeger,b3,w3c} as {@code otel.propagators} names, or null. */
  static List<String> propagators(ConfigReader reader) {
    String value = reader.sources().environmentVariable("JAEGER_PROPAGATION");
    if (value == null) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (String part : value.split(",")) {
      switch (part.trim().toLowerCase(Locale.ROOT)) {
        case "jaeger":
          names.add("jaeger");
          break;
        case "b3":
          names.add("b3multi");
          break;
        case "w3c":
          names.add("tracecontext");
          names.add("baggage");
          break;
        default:
          reader.problems().report("JAEGER_PROPAGATION", value, "jaeger, b3, w3c", "ignoring '" + part.trim() + "'");
      }
    }
    return names.isEmpty() ? null : names;
  }
}
