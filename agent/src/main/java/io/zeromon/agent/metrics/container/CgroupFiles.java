package io.zeromon.agent.metrics.container;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the process's cgroup interface files as strings. Every absolute path ({@code /proc/...},
 * {@code /sys/fs/cgroup/...}) is resolved under a root directory: "/" live, a fixture tree in
 * tests.
 */
final class CgroupFiles {

  // cgroup files are small (v2 memory.stat is ~2 KiB); mountinfo can be long on busy hosts.
  private static final int MAX_BYTES = 1 << 20;

  private final boolean v2;
  private final Map<String, Path> directories;

  private CgroupFiles(boolean v2, Map<String, Path> directories) {
    this.v2 = v2;
    this.directories = directories;
  }

  /** The process's cgroup under {@code root}, or null when there is none or it cannot be read. */
  static CgroupFiles locate(Path root) {
    CgroupLayout layout =
        CgroupLayout.parse(
            read(under(root, "/proc/self/cgroup")), read(under(root, "/proc/self/mountinfo")));
    if (layout == null) {
      return null;
    }
    Map<String, Path> directories = new HashMap<>();
    for (Map.Entry<String, List<String>> entry : layout.candidates().entrySet()) {
      Path directory = firstDirectory(root, entry.getValue());
      if (directory != null) {
        directories.put(entry.getKey(), directory);
      }
    }
    return directories.isEmpty() ? null : new CgroupFiles(layout.isV2(), directories);
  }

  boolean isV2() {
    return v2;
  }

  /** The directory read for a v1 controller or {@link CgroupLayout#UNIFIED}; null if none. */
  Path directory(String controller) {
    return directories.get(controller);
  }

  /** A file of the v2 unified directory; null when missing or unreadable. */
  String unified(String fileName) {
    return file(CgroupLayout.UNIFIED, fileName);
  }

  /** A file of a v1 controller's directory; null when missing or unreadable. */
  String file(String controller, String fileName) {
    Path directory = directories.get(controller);
    return directory == null ? null : read(directory.resolve(fileName));
  }

  static String read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(MAX_BYTES), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      // missing file, no permission, controller not enabled: the parsers turn null into "absent"
      return null;
    }
  }

  private static Path firstDirectory(Path root, List<String> candidates) {
    for (String candidate : candidates) {
      Path directory = under(root, candidate);
      if (Files.isDirectory(directory)) {
        return directory;
      }
    }
    return null;
  }

  private static Path under(Path root, String absolute) {
    String relative = absolute;
    while (relative.startsWith("/")) {
      relative = relative.substring(1);
    }
    return relative.isEmpty() ? root : root.resolve(relative);
  }
}
