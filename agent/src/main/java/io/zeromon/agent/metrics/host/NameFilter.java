package io.zeromon.agent.metrics.host;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Include/exclude by whole-name regex. Includes win: when any is set, excludes are not consulted,
 * so {@code include=lo} alone brings loopback back without having to edit the exclude list.
 */
final class NameFilter {

  private final List<Pattern> includes;
  private final List<Pattern> excludes;

  private NameFilter(List<Pattern> includes, List<Pattern> excludes) {
    this.includes = includes;
    this.excludes = excludes;
  }

  static NameFilter of(Collection<String> includes, Collection<String> excludes) {
    return new NameFilter(compile(includes), compile(excludes));
  }

  boolean accepts(String name) {
    if (!includes.isEmpty()) {
      return matchesAny(includes, name);
    }
    return !matchesAny(excludes, name);
  }

  private static boolean matchesAny(List<Pattern> patterns, String name) {
    for (Pattern p : patterns) {
      if (p.matcher(name).matches()) {
        return true;
      }
    }
    return false;
  }

  private static List<Pattern> compile(Collection<String> regexes) {
    List<Pattern> patterns = new ArrayList<>(regexes.size());
    for (String regex : regexes) {
      String trimmed = regex.trim();
      if (!trimmed.isEmpty()) {
        patterns.add(Pattern.compile(trimmed));
      }
    }
    return patterns;
  }
}
