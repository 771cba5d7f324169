package io.zeromon.benchmarks.run;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small blocking HTTP GET for the harness (never on the application's core). */
final class Http {

  /** A response: status, body and the time from request to the last byte. */
  record Response(int status, byte[] body, long nanos) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private Http() {}

  static Response get(String url, int timeoutMillis) throws IOException {
    long start = System.nanoTime();
    HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
    connection.setConnectTimeout(timeoutMillis);
    connection.setReadTimeout(timeoutMillis);
    connection.setUseCaches(false);
    int status = connection.getResponseCode();
    byte[] body;
    try (InputStream in =
        status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
      body = in == null ? new byte[0] : in.readAllBytes();
    }
    return new Response(status, body, System.nanoTime() - start);
  }

  /** {@code key=value} lines as a map of longs. */
  static Map<String, Long> counters(String url) throws IOException {
    Response response = get(url, 10_000);
    if (response.status() != 200) {
      throw new IOException(url + " answered " + response.status());
    }
    Map<String, Long> values = new LinkedHashMap<>();
    for (String line : response.text().split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        values.put(line.substring(0, eq).trim(), Long.parseLong(line.substring(eq + 1).trim()));
      }
    }
    return values;
  }
}
