package io.zeromon.agent.metrics.host;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The bound on devices per section, so that a host with hundreds of mounts stays cheap. */
final class Devices {

  /** Most interfaces, disks or mounts reported, each a handful of series. */
  static final int MAX = 64;

  private Devices() {}

  /** The first {@link #MAX} of {@code sorted}. */
  static <T> List<T> first(Collection<T> sorted) {
    List<T> result = new ArrayList<>(Math.min(sorted.size(), MAX));
    for (T item : sorted) {
      if (result.size() == MAX) {
        break;
      }
      result.add(item);
    }
    return result;
  }
}
