package io.zeromon.agent.metrics.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The request line and headers of one HTTP/1.x request, read with a size limit. */
final class HttpRequestHead {

  static final int MAX_HEAD_BYTES = 8192;

  final String method;
  final String path;
  final String query;
  private final List<String[]> headers;

  private HttpRequestHead(String method, String path, String query, List<String[]> headers) {
    this.method = method;
    this.path = path;
    this.query = query;
    this.headers = headers;
  }

  /** Reads up to the empty line; null if the input is not an HTTP request or is too large. */
  static HttpRequestHead read(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int total = 0;
    int b;
    while ((b = in.read()) != -1) {
      if (++total > MAX_HEAD_BYTES) {
        return null;
      }
      if (b == '\n') {
        String text = line.toString();
        line.setLength(0);
        if (text.isEmpty()) {
          return parse(lines);
        }
        lines.add(text);
      } else if (b != '\r') {
        line.append((char) b);
      }
    }
    return null;
  }

  private static HttpRequestHead parse(List<String> lines) {
    if (lines.isEmpty()) {
      return null;
    }
    String[] parts = lines.get(0).split(" ");
    if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
      return null;
    }
    String target = parts[1];
    int q = target.indexOf('?');
    List<String[]> headers = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      int colon = lines.get(i).indexOf(':');
      if (colon > 0) {
        headers.add(
            new String[] {
              lines.get(i).substring(0, colon).trim().toLowerCase(Locale.ROOT),
              lines.get(i).substring(colon + 1).trim()
            });
      }
    }
    return new HttpRequestHead(
        parts[0],
        q < 0 ? target : target.substring(0, q),
        q < 0 ? null : target.substring(q + 1),
        headers);
  }

  /** Every value of a header (case-insensitive name). */
  List<String> headers(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    List<String> values = new ArrayList<>();
    for (String[] header : headers) {
      if (header[0].equals(lower)) {
        values.add(header[1]);
      }
    }
    return values;
  }

  String header(String name) {
    List<String> values = headers(name);
    return values.isEmpty() ? null : values.get(0);
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
