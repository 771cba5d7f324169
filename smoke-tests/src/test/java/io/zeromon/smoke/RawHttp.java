package io.zeromon.smoke;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 connection on a plain socket, for what HTTP clients hide: several requests on one
 * connection, and requests written back to back before any response is read (pipelining).
 */
final class RawHttp implements AutoCloseable {

  /** A response's status and body. */
  record Response(int status, String body) {}

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  RawHttp(int port) throws IOException {
    socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    socket.setSoTimeout(10_000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  /** Writes GET requests for these targets in one write, without reading. */
  void send(String... targets) throws IOException {
    StringBuilder requests = new StringBuilder();
    for (String target : targets) {
      requests
          .append("GET ")
          .append(target)
          .append(" HTTP/1.1\r\nHost: 127.0.0.1:")
          .append(socket.getPort())
          .append("\r\nUser-Agent: raw-http/1\r\n\r\n");
    }
    out.write(requests.toString().getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Reads one response with a Content-Length body. */
  Response read() throws IOException {
    String statusLine = line();
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    int length = 0;
    for (String header = line(); !header.isEmpty(); header = line()) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Integer.parseInt(lower.substring(15).trim());
      }
    }
    byte[] body = in.readNBytes(length);
    return new Response(status, new String(body, StandardCharsets.UTF_8));
  }

  private String line() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new IOException("connection closed");
      }
      if (b != '\r') {
        bytes.write(b);
      }
    }
    return bytes.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
