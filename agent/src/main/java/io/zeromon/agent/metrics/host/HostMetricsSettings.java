package io.zeromon.agent.metrics.host;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Immutable settings of the host metrics collector; {@link #defaults()} suits most hosts. Each
 * setting maps to one key under {@code zeromon.metrics.host.}: cache-ttl, per-cpu, network.include,
 * network.exclude, disk.exclude, filesystem.type.exclude (lists comma-separated).
 */
public final class HostMetricsSettings {

  /** Bridges, container and overlay-network ends: their traffic is already counted on eth*. */
  static final List<String> DEFAULT_NETWORK_EXCLUDES =
      csv(
          "lo\\d*,(?i).*loopback.*,veth.*,docker\\d+,br-.*,virbr.*,vnet\\d+,cni\\d+,flannel\\..*,"
              + "cali.*,cilium_.*,lxc.*,kube-.*,tunl\\d+,vxlan\\..*,weave,dummy\\d*");

  /** Loop devices are images already counted on their backing disk; ram/zram are memory. */
  static final List<String> DEFAULT_DISK_EXCLUDES = csv("loop\\d+,ram\\d+,zram\\d+");

  /**
   * On top of OSHI's own pseudo-file-system list: memory-backed, kernel, read-only image, union and
   * FUSE-remote mounts. overlay is listed, but the root mount is always kept (a container's only
   * disk).
   */
  static final List<String> DEFAULT_FILESYSTEM_TYPE_EXCLUDES =
      csv(
          "tmpfs,ramfs,devtmpfs,devfs,proc,sysfs,cgroup,cgroup2,nsfs,autofs,tracefs,debugfs,"
              + "securityfs,squashfs,iso9660,overlay,aufs,fuse.lxcfs,fuse.snapfuse,fuse.sshfs");

  private static final HostMetricsSettings DEFAULTS = builder().build();

  private final Duration cacheTtl;
  private final boolean perCpu;
  private final List<String> networkIncludes;
  private final List<String> networkExcludes;
  private final List<String> diskExcludes;
  private final List<String> filesystemTypeExcludes;
  private final NameFilter networkFilter;
  private final NameFilter diskFilter;

  private HostMetricsSettings(Builder b) {
    this.cacheTtl = b.cacheTtl;
    this.perCpu = b.perCpu;
    this.networkIncludes = b.networkIncludes;
    this.networkExcludes = b.networkExcludes;
    this.diskExcludes = b.diskExcludes;
    this.filesystemTypeExcludes = b.filesystemTypeExcludes;
    // compiled here so that a bad pattern fails build(), where the config layer can report it
    this.networkFilter = NameFilter.of(networkIncludes, networkExcludes);
    this.diskFilter = NameFilter.of(Collections.emptyList(), diskExcludes);
  }

  public static HostMetricsSettings defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** How long expensive reads (interfaces, disks, file systems, process counts) are reused. */
  public Duration cacheTtl() {
    return cacheTtl;
  }

  /** Whether CPU time carries a {@code cpu} label per logical CPU instead of one aggregate. */
  public boolean perCpu() {
    return perCpu;
  }

  /** Interface name regexes; when any is set, only matching interfaces are reported. */
  public List<String> networkIncludes() {
    return networkIncludes;
  }

  /** Interface name regexes skipped when {@link #networkIncludes()} is empty. */
  public List<String> networkExcludes() {
    return networkExcludes;
  }

  /** Disk device name regexes (without {@code /dev/}) skipped for disk I/O. */
  public List<String> diskExcludes() {
    return diskExcludes;
  }

  /** File system types (exact names) skipped, except for the root mount. */
  public List<String> filesystemTypeExcludes() {
    return filesystemTypeExcludes;
  }

  NameFilter networkFilter() {
    return networkFilter;
  }

  NameFilter diskFilter() {
    return diskFilter;
  }

  private static List<String> csv(String values) {
    return Collections.unmodifiableList(Arrays.asList(values.split(",")));
  }

  private static List<String> copy(Collection<String> values) {
    return Collections.unmodifiableList(new ArrayList<>(values));
  }

  /** Builder; every setter replaces the default. {@link #build()} rejects invalid regexes. */
  public static final class Builder {
    private Duration cacheTtl = Duration.ofSeconds(5);
    private boolean perCpu;
    private List<String> networkIncludes = Collections.emptyList();
    private List<String> networkExcludes = DEFAULT_NETWORK_EXCLUDES;
    private List<String> diskExcludes = DEFAULT_DISK_EXCLUDES;
    private List<String> filesystemTypeExcludes = DEFAULT_FILESYSTEM_TYPE_EXCLUDES;

    private Builder() {}

    /** Zero disables caching (every scrape reads everything). */
    public Builder cacheTtl(Duration ttl) {
      if (ttl.isNegative()) {
        throw new IllegalArgumentException("cacheTtl must not be negative: " + ttl);
      }
      this.cacheTtl = ttl;
      return this;
    }

    public Builder perCpu(boolean perCpu) {
      this.perCpu = perCpu;
      return this;
    }

    public Builder networkIncludes(Collection<String> regexes) {
      this.networkIncludes = copy(regexes);
      return this;
    }

    public Builder networkExcludes(Collection<String> regexes) {
      this.networkExcludes = copy(regexes);
      return this;
    }

    public Builder diskExcludes(Collection<String> regexes) {
      this.diskExcludes = copy(regexes);
      return this;
    }

    public Builder filesystemTypeExcludes(Collection<String> types) {
      this.filesystemTypeExcludes = copy(types);
      return this;
    }

    /** Throws {@link java.util.regex.PatternSyntaxException} on an invalid regex. */
    public HostMetricsSettings build() {
      return new HostMetricsSettings(this);
    }
  }
}
