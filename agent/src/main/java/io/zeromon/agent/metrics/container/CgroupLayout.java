package io.zeromon.agent.metrics.container;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the process's cgroup lives, parsed from the text of {@code /proc/self/cgroup} and {@code
 * /proc/self/mountinfo}: v2 (one unified directory) or v1 (one directory per controller). Pure: the
 * directories are absolute paths as the process sees them, with candidates in order of preference.
 */
final class CgroupLayout {

  /** Key of the v2 unified hierarchy in {@link #candidates()}. */
  static final String UNIFIED = "";

  static final List<String> V1_CONTROLLERS = Arrays.asList("cpu", "cpuacct", "memory", "pids");

  private final boolean v2;
  private final Map<String, List<String>> candidates;

  private CgroupLayout(boolean v2, Map<String, List<String>> candidates) {
    this.v2 = v2;
    this.candidates = Collections.unmodifiableMap(candidates);
  }

  boolean isV2() {
    return v2;
  }

  /** Controller (or {@link #UNIFIED}) to candidate directories, most specific first. */
  Map<String, List<String>> candidates() {
    return candidates;
  }

  /**
   * The layout, or null when the process is under no cgroup we can find. v1 wins when any of our
   * controllers has a v1 hierarchy: on a hybrid host the v2 tree mounted beside it holds none of
   * the controllers, only {@code cpu.stat} of everything.
   */
  static CgroupLayout parse(String procSelfCgroup, String mountinfo) {
    if (procSelfCgroup == null || mountinfo == null) {
      return null;
    }
    Map<String, String> paths = cgroupPaths(procSelfCgroup);
    List<Mount> mounts = Mount.parseAll(mountinfo);
    Map<String, List<String>> v1 = new LinkedHashMap<>();
    for (String controller : V1_CONTROLLERS) {
      String path = paths.get(controller);
      List<String> dirs = path == null ? null : directories(mounts, "cgroup", controller, path);
      if (dirs != null) {
        v1.put(controller, dirs);
      }
    }
    if (!v1.isEmpty()) {
      return new CgroupLayout(false, v1);
    }
    String path = paths.get(UNIFIED);
    List<String> dirs = path == null ? null : directories(mounts, "cgroup2", null, path);
    return dirs == null ? null : new CgroupLayout(true, Collections.singletonMap(UNIFIED, dirs));
  }

  /** Lines "id:controllers:path"; v2 is "0::path", keyed {@link #UNIFIED}. */
  static Map<String, String> cgroupPaths(String procSelfCgroup) {
    Map<String, String> paths = new HashMap<>();
    for (String line : procSelfCgroup.split("\n")) {
      String[] parts = line.trim().split(":", 3);
      if (parts.length != 3 || parts[2].isEmpty()) {
        continue;
      }
      if (parts[0].equals("0") && parts[1].isEmpty()) {
        paths.put(UNIFIED, parts[2]);
      } else {
        for (String controller : parts[1].split(",")) {
          paths.putIfAbsent(controller, parts[2]);
        }
      }
    }
    return paths;
  }

  /** Candidate directories over every matching mount, or null when none matches. */
  private static List<String> directories(
      List<Mount> mounts, String fsType, String controller, String cgroupPath) {
    List<String> preferred = new ArrayList<>();
    List<String> fallback = new ArrayList<>();
    for (Mount mount : mounts) {
      if (!mount.fsType.equals(fsType)
          || (controller != null && !mount.superOptions.contains(controller))) {
        continue;
      }
      String relative = relativeTo(mount.root, cgroupPath);
      if (relative != null && !relative.isEmpty()) {
        preferred.add(join(mount.mountPoint, relative));
      }
      // Inside a container the mount point itself is usually the container's own cgroup, even
      // when /proc/self/cgroup shows a host path (no cgroup namespace) or one outside the root.
      fallback.add(mount.mountPoint);
    }
    if (fallback.isEmpty()) {
      return null;
    }
    for (String dir : fallback) {
      if (!preferred.contains(dir)) {
        preferred.add(dir);
      }
    }
    return preferred;
  }

  /** The cgroup path below the mount's root ("" when equal), or null when not below it. */
  private static String relativeTo(String root, String cgroupPath) {
    if (cgroupPath.contains("/..")) {
      return null; // the cgroup is outside this namespace's view: no directory names it
    }
    if (root.equals("/")) {
      return cgroupPath.equals("/") ? "" : cgroupPath;
    }
    if (cgroupPath.equals(root)) {
      return "";
    }
    return cgroupPath.startsWith(root + "/") ? cgroupPath.substring(root.length()) : null;
  }

  private static String join(String mountPoint, String relative) {
    return mountPoint.endsWith("/") ? mountPoint + relative.substring(1) : mountPoint + relative;
  }
}
