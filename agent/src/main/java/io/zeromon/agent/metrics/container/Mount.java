package io.zeromon.agent.metrics.container;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One line of {@code /proc/self/mountinfo}, only the fields a cgroup lookup needs. */
final class Mount {

  final String root;
  final String mountPoint;
  final String fsType;
  final List<String> superOptions;

  private Mount(String root, String mountPoint, String fsType, List<String> superOptions) {
    this.root = root;
    this.mountPoint = mountPoint;
    this.fsType = fsType;
    this.superOptions = superOptions;
  }

  /** Every well-formed line; malformed lines are skipped, never fatal. */
  static List<Mount> parseAll(String mountinfo) {
    List<Mount> mounts = new ArrayList<>();
    for (String line : mountinfo.split("\n")) {
      Mount mount = parse(line);
      if (mount != null) {
        mounts.add(mount);
      }
    }
    return mounts;
  }

  /**
   * "id parent major:minor root mountpoint options [optional...] - fstype source superoptions"; the
   * optional fields vary in number, so the fields after them are found from the "-" separator.
   */
  static Mount parse(String line) {
    String[] fields = line.trim().split(" ");
    int separator = -1;
    for (int i = 6; i < fields.length; i++) {
      if (fields[i].equals("-")) {
        separator = i;
        break;
      }
    }
    if (separator < 0 || fields.length < separator + 4) {
      return null;
    }
    return new Mount(
        unescape(fields[3]),
        unescape(fields[4]),
        fields[separator + 1],
        Arrays.asList(fields[separator + 3].split(",")));
  }

  /** The kernel writes space, tab, newline and backslash in paths as octal escapes ("\040"). */
  static String unescape(String field) {
    if (field.indexOf('\\') < 0) {
      return field;
    }
    StringBuilder out = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && i + 3 < field.length() && isOctal(field, i + 1)) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isOctal(String text, int from) {
    for (int i = from; i < from + 3; i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '7') {
        return false;
      }
    }
    return true;
  }
}
