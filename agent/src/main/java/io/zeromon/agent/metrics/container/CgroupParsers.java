package io.zeromon.agent.metrics.container;

import java.util.OptionalLong;

/**
 * Pure parsers for the cgroup v1 and v2 interface files. They never throw: a missing file (null),
 * an empty one, "max" where a number is needed, or garbage all give {@link OptionalLong#empty()},
 * and the caller then leaves that series out.
 */
final class CgroupParsers {

  // cAdvisor treats any memory limit above 2^62 as "no limit" (v1 writes 2^63 - 4096 rounded
  // down to a page, some kernels other huge values); we follow it so dashboards see the same 0.
  static final long UNLIMITED_MEMORY_THRESHOLD = 1L << 62;

  private CgroupParsers() {}

  /**
   * One non-negative integer: v2 {@code memory.current}, {@code pids.current}; v1 {@code
   * cpuacct.usage}, {@code memory.usage_in_bytes}, {@code pids.current}.
   */
  static OptionalLong single(String content) {
    if (content == null) {
      return OptionalLong.empty();
    }
    return nonNegative(content.trim());
  }

  /**
   * The value of {@code key} in a flat-keyed file of "key value" lines: v2 {@code cpu.stat}, {@code
   * memory.stat}, {@code memory.events}; v1 {@code cpu.stat}, {@code memory.stat}, {@code
   * memory.oom_control}. Absent when the key is missing or its value is not a number.
   */
  static OptionalLong keyed(String content, String key) {
    if (content == null) {
      return OptionalLong.empty();
    }
    for (String line : content.split("\n")) {
      String[] fields = line.trim().split("\\s+");
      if (fields.length == 2 && fields[0].equals(key)) {
        return nonNegative(fields[1]);
      }
    }
    return OptionalLong.empty();
  }

  /** The quota of v2 {@code cpu.max} ("$QUOTA $PERIOD", µs); absent when "max" (no quota). */
  static OptionalLong cpuMaxQuota(String content) {
    return positive(field(content, 0));
  }

  /** The period of v2 {@code cpu.max} in microseconds. */
  static OptionalLong cpuMaxPeriod(String content) {
    return positive(field(content, 1));
  }

  /** v1 {@code cpu.cfs_quota_us} in microseconds; absent when -1 (no quota). */
  static OptionalLong cfsQuota(String content) {
    return positive(content == null ? null : content.trim());
  }

  /** v1 {@code cpu.cfs_period_us} in microseconds. */
  static OptionalLong cfsPeriod(String content) {
    return positive(content == null ? null : content.trim());
  }

  /**
   * A memory limit: v2 {@code memory.max} or v1 {@code memory.limit_in_bytes}. "max" and values
   * above 2^62 mean unlimited and give 0, as cAdvisor's {@code container_spec_memory_limit_bytes}.
   */
  static OptionalLong memoryLimit(String content) {
    if (content == null) {
      return OptionalLong.empty();
    }
    String text = content.trim();
    if (text.equals("max")) {
      return OptionalLong.of(0);
    }
    OptionalLong limit = nonNegative(text);
    if (limit.isPresent() && limit.getAsLong() > UNLIMITED_MEMORY_THRESHOLD) {
      return OptionalLong.of(0);
    }
    if (limit.isEmpty() && text.matches("[0-9]{19,}")) {
      return OptionalLong.of(0); // beyond Long.MAX_VALUE: certainly "unlimited"
    }
    return limit;
  }

  /**
   * cAdvisor's working set: usage minus inactive file cache, floored at 0; the usage itself when
   * the stat file has no inactive_file line.
   */
  static OptionalLong workingSet(OptionalLong usage, OptionalLong inactiveFile) {
    if (usage.isEmpty()) {
      return usage;
    }
    long inactive = inactiveFile.orElse(0);
    return OptionalLong.of(Math.max(0, usage.getAsLong() - inactive));
  }

  private static String field(String content, int index) {
    if (content == null) {
      return null;
    }
    String[] fields = content.trim().split("\\s+");
    return fields.length == 2 ? fields[index] : null;
  }

  private static OptionalLong positive(String text) {
    OptionalLong value = signed(text);
    return value.isPresent() && value.getAsLong() > 0 ? value : OptionalLong.empty();
  }

  private static OptionalLong nonNegative(String text) {
    OptionalLong value = signed(text);
    return value.isPresent() && value.getAsLong() >= 0 ? value : OptionalLong.empty();
  }

  private static OptionalLong signed(String text) {
    if (text == null || text.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
