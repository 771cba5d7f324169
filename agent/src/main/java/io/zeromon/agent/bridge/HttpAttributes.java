package io.zeromon.agent.bridge;

import java.net.URI;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Values of the stable HTTP semantic conventions that need more than copying. */
final class HttpAttributes {

  private static final Set<String> KNOWN_METHODS =
      new HashSet<>(
          Arrays.asList(
              "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"));

  /** Query parameters whose values are credentials (the conventions' list). */
  private static final Set<String> SENSITIVE_PARAMETERS =
      new HashSet<>(Arrays.asList("awsaccesskeyid", "signature", "sig", "x-goog-signature"));

  private HttpAttributes() {}

  /** The method if it is a known one, else {@code _OTHER}. */
  static String method(String method) {
    return method != null && KNOWN_METHODS.contains(method) ? method : "_OTHER";
  }

  /** {@code HTTP/1.1} → {@code 1.1}. */
  static String protocolVersion(String protocol) {
    if (protocol == null) {
      return null;
    }
    int slash = protocol.indexOf('/');
    return slash >= 0 ? protocol.substring(slash + 1) : protocol;
  }

  /** The query with the values of signature/credential parameters replaced by REDACTED. */
  static String redactQuery(String query) {
    if (query == null || query.isEmpty()) {
      return query;
    }
    StringBuilder out = new StringBuilder(query.length());
    for (String part : query.split("&", -1)) {
      if (out.length() > 0) {
        out.append('&');
      }
      int eq = part.indexOf('=');
      String name = eq < 0 ? part : part.substring(0, eq);
      if (eq >= 0 && SENSITIVE_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))) {
        out.append(name).append("=REDACTED");
      } else {
        out.append(part);
      }
    }
    return out.toString();
  }

  /** The URL without user credentials and with sensitive query values redacted. */
  static String redactUrl(URI uri) {
    StringBuilder out = new StringBuilder();
    out.append(uri.getScheme()).append("://");
    if (uri.getRawUserInfo() != null) {
      out.append("REDACTED:REDACTED@");
    }
    out.append(uri.getHost());
    if (uri.getPort() >= 0) {
      out.append(':').append(uri.getPort());
    }
    if (uri.getRawPath() != null) {
      out.append(uri.getRawPath());
    }
    if (uri.getRawQuery() != null) {
      out.append('?').append(redactQuery(uri.getRawQuery()));
    }
    return out.toString();
  }

  /** The port a URL names, or the scheme's default. */
  static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
