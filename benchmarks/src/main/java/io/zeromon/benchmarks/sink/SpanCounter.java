package io.zeromon.benchmarks.sink;

/**
 * Counts spans in an OTLP {@code ExportTraceServiceRequest} by walking the protobuf wire format
 * (no generated classes, so the sink stays cheap on the load generator's core): resource_spans(1)
 * → scope_spans(2) → spans(2); per span, kind(6) and the {@code url.path} attribute(9).
 */
final class SpanCounter {

  /** What one request carried. */
  static final class Counts {
    long spans;
    long serverSpans;
    long helloSpans;
  }

  private static final int SPAN_KIND_SERVER = 2;
  private static final byte[] URL_PATH = "url.path".getBytes(java.nio.charset.StandardCharsets.UTF_8);
  private static final byte[] HELLO = "/hello".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  private SpanCounter() {}

  static Counts count(byte[] body) {
    Counts counts = new Counts();
    Wire request = new Wire(body, 0, body.length);
    while (request.more()) {
      int tag = request.tag();
      if (tag >>> 3 == 1 && (tag & 7) == 2) {
        resourceSpans(request.message(), counts);
      } else {
        request.skip(tag);
      }
    }
    return counts;
  }

  private static void resourceSpans(Wire resourceSpans, Counts counts) {
    while (resourceSpans.more()) {
      int tag = resourceSpans.tag();
      if (tag >>> 3 == 2 && (tag & 7) == 2) {
        Wire scopeSpans = resourceSpans.message();
        while (scopeSpans.more()) {
          int inner = scopeSpans.tag();
          if (inner >>> 3 == 2 && (inner & 7) == 2) {
            span(scopeSpans.message(), counts);
          } else {
            scopeSpans.skip(inner);
          }
        }
      } else {
        resourceSpans.skip(tag);
      }
    }
  }

  private static void span(Wire span, Counts counts) {
    counts.spans++;
    boolean server = false;
    boolean hello = false;
    while (span.more()) {
      int tag = span.tag();
      int field = tag >>> 3;
      if (field == 6 && (tag & 7) == 0) {
        server = span.varint() == SPAN_KIND_SERVER;
      } else if (field == 9 && (tag & 7) == 2) {
        hello |= isHelloPath(span.message());
      } else {
        span.skip(tag);
      }
    }
    if (server) {
      counts.serverSpans++;
      if (hello) {
        counts.helloSpans++;
      }
    }
  }

  /** KeyValue{key=1, value=2 AnyValue{string_value=1}}: is it url.path=/hello? */
  private static boolean isHelloPath(Wire keyValue) {
    boolean keyMatches = false;
    boolean valueMatches = false;
    while (keyValue.more()) {
      int tag = keyValue.tag();
      if (tag >>> 3 == 1 && (tag & 7) == 2) {
        keyMatches = keyValue.bytesEqual(URL_PATH);
      } else if (tag >>> 3 == 2 && (tag & 7) == 2) {
        Wire any = keyValue.message();
        while (any.more()) {
          int inner = any.tag();
          if (inner >>> 3 == 1 && (inner & 7) == 2) {
            valueMatches = any.bytesEqual(HELLO);
          } else {
            any.skip(inner);
          }
        }
      } else {
        keyValue.skip(tag);
      }
    }
    return keyMatches && valueMatches;
  }

  /** A window over protobuf bytes. */
  static final class Wire {
    private final byte[] bytes;
    private int pos;
    private final int end;

    Wire(byte[] bytes, int from, int end) {
      this.bytes = bytes;
      this.pos = from;
      this.end = end;
    }

    boolean more() {
      return pos < end;
    }

    int tag() {
      return (int) varint();
    }

    long varint() {
      long value = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        byte b = bytes[pos++];
        value |= (long) (b & 0x7f) << shift;
        if (b >= 0) {
          return value;
        }
      }
      throw new IllegalArgumentException("malformed varint");
    }

    Wire message() {
      int length = (int) varint();
      Wire inner = new Wire(bytes, pos, pos + length);
      pos += length;
      return inner;
    }

    boolean bytesEqual(byte[] expected) {
      int length = (int) varint();
      boolean equal =
          length == expected.length
              && java.util.Arrays.equals(bytes, pos, pos + length, expected, 0, length);
      pos += length;
      return equal;
    }

    void skip(int tag) {
      switch (tag & 7) {
        case 0:
          varint();
          break;
        case 1:
          pos += 8;
          break;
        case 2:
          int length = (int) varint(); // not pos += varint(): that would read pos before varint moves it
          pos += length;
          break;
        case 5:
          pos += 4;
          break;
        default:
          throw new IllegalArgumentException("unsupported wire type " + (tag & 7));
      }
    }
  }
}
