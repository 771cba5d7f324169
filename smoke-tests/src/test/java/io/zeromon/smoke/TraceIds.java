package io.zeromon.smoke;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Random W3C ids, so that each test request is a trace of its own that the test can pick out. */
final class TraceIds {

  private TraceIds() {}

  static String traceId() {
    return randomHex(16);
  }

  static String spanId() {
    return randomHex(8);
  }

  static String traceparent(String traceId, String parentSpanId) {
    return "00-" + traceId + "-" + parentSpanId + "-01";
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    random[0] |= 1; // never all zero: an invalid id
    return HexFormat.of().formatHex(random);
  }
}
