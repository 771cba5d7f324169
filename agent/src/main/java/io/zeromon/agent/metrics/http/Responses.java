package io.zeromon.agent.metrics.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes HTTP/1.1 responses that close the connection. */
final class Responses {

  static final String INDEX =
      "<html><head><title>zeromon</title></head><body><h1>zeromon</h1>"
          + "<p><a href=\"/metrics\">/metrics</a> &middot; <a href=\"/-/healthy\">/-/healthy</a>"
          + "</p></body></html>\n";

  private Responses() {}

  static void write(OutputStream out, int status, String contentType, String body, boolean headOnly)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    writeHead(out, status, bytes.length, "Content-Type: " + contentType + "; charset=utf-8\r\n");
    if (!headOnly) {
      out.write(bytes);
    }
    out.flush();
  }

  static void write(OutputStream out, ScrapeExchange exchange, boolean headOnly) throws IOException {
    StringBuilder headers = new StringBuilder();
    for (Map.Entry<String, String> header : exchange.responseHeaders.entrySet()) {
      if (header.getKey().equalsIgnoreCase("Content-Length")) {
        continue; // ours, from the buffered body
      }
      headers.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
    }
    writeHead(out, exchange.status, exchange.body.size(), headers.toString());
    if (!headOnly) {
      exchange.body.writeTo(out);
    }
    out.flush();
  }

  static void unauthorized(OutputStream out) throws IOException {
    byte[] body = "authentication required\n".getBytes(StandardCharsets.UTF_8);
    writeHead(
        out,
        401,
        body.length,
        "WWW-Authenticate: Basic realm=\"zeromon\"\r\nContent-Type: text/plain\r\n");
    out.write(body);
    out.flush();
  }

  private static void writeHead(OutputStream out, int status, int length, String headers)
      throws IOException {
    String head =
        "HTTP/1.1 "
            + status
            + " "
            + reason(status)
            + "\r\n"
            + headers
            + "Content-Length: "
            + length
            + "\r\nConnection: close\r\n\r\n";
    out.write(HttpRequestHead.ascii(head));
  }

  private static String reason(int status) {
    switch (status) {
      case 200:
        return "OK";
      case 400:
        return "Bad Request";
      case 401:
        return "Unauthorized";
      case 404:
        return "Not Found";
      case 405:
        return "Method Not Allowed";
      default:
        return "Status";
    }
  }
}
