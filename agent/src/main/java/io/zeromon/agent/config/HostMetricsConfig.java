package io.zeromon.agent.config;

import io.zeromon.agent.metrics.host.HostMetricsSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code zeromon.metrics.host.*} into the host collector's settings. */
final class HostMetricsConfig {

  static final String[] KEYS = {
    "zeromon.metrics.host.cache-ttl",
    "zeromon.metrics.host.per-cpu",
    "zeromon.metrics.host.network.include",
    "zeromon.metrics.host.network.exclude",
    "zeromon.metrics.host.disk.exclude",
    "zeromon.metrics.host.filesystem.type.exclude",
  };

  private HostMetricsConfig() {}

  static HostMetricsSettings read(ConfigReader reader) {
    HostMetricsSettings defaults = HostMetricsSettings.defaults();
    HostMetricsSettings.Builder builder =
        HostMetricsSettings.builder()
            .cacheTtl(
                Duration.ofMillis(
                    reader.millis(KEYS[0], defaults.cacheTtl().toMillis())))
            .perCpu(reader.bool(KEYS[1], defaults.perCpu()))
            .networkIncludes(list(reader, KEYS[2], defaults.networkIncludes()))
            .networkExcludes(list(reader, KEYS[3], defaults.networkExcludes()))
            .diskExcludes(list(reader, KEYS[4], defaults.diskExcludes()))
            .filesystemTypeExcludes(list(reader, KEYS[5], defaults.filesystemTypeExcludes()));
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      // a pattern that does not compile: name it, keep the defaults
      reader
          .problems()
          .report(
              "zeromon.metrics.host.*",
              e.getMessage(),
              "comma-separated Java regular expressions",
              "using the default host metrics settings");
      return defaults;
    }
  }

  private static List<String> list(ConfigReader reader, String key, List<String> defaults) {
    String value = reader.sources().get(key);
    if (value == null) {
      return defaults;
    }
    List<String> items = new ArrayList<>();
    for (String item : value.split(",")) {
      if (!item.trim().isEmpty()) {
        items.add(item.trim());
      }
    }
    return items;
  }
}
