package io.zeromon.agent.metrics.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** HTTP basic authentication against one configured user, compared in constant time. */
final class BasicAuth {

  private final byte[] expected;

  BasicAuth(String user, String password) {
    String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    expected = ("Basic " + token).getBytes(StandardCharsets.UTF_8);
  }

  boolean accepts(String authorization) {
    if (authorization == null) {
      return false;
    }
    return MessageDigest.isEqual(expected, authorization.trim().getBytes(StandardCharsets.UTF_8));
  }
}
