package io.zeromon.agent.bridge;

import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;
import java.util.Map;

/**
 * Reads propagation headers from a header map. Header names are case-insensitive but maps are
 * not always (the JDK server's Headers is; a plain map may not be), so a miss falls back to a
 * case-insensitive scan.
 */
final class HeaderMapGetter implements TextMapGetter<Map<String, List<String>>> {

  static final HeaderMapGetter INSTANCE = new HeaderMapGetter();

  @Override
  public Iterable<String> keys(Map<String, List<String>> carrier) {
    return carrier.keySet();
  }

  @Override
  public String get(Map<String, List<String>> carrier, String key) {
    if (carrier == null) {
      return null;
    }
    List<String> values = carrier.get(key);
    if (values == null && !caseInsensitive(carrier)) {
      for (Map.Entry<String, List<String>> entry : carrier.entrySet()) {
        if (key.equalsIgnoreCase(entry.getKey())) {
          values = entry.getValue();
          break;
        }
      }
    }
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * The JDK server's Headers answers every spelling of a name, so a miss there is a real miss
   * and needs no scan (compared by name: jdk.httpserver may be absent from a trimmed runtime).
   */
  private static boolean caseInsensitive(Map<String, List<String>> carrier) {
    return carrier.getClass().getName().equals("com.sun.net.httpserver.Headers");
  }
}
