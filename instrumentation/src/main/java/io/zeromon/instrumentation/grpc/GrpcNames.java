package io.zeromon.instrumentation.grpc;

import io.grpc.Metadata;
import io.zeromon.bootstrap.Bridge;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Helper (injected beside gRPC): names from a full method name, and propagation fields between
 * gRPC metadata and the bridge's header maps.
 */
final class GrpcNames {

  private static volatile Metadata.Key<String>[] fieldKeys;

  private GrpcNames() {}

  /** {@code package.Service} of {@code package.Service/Method}. */
  static String service(String fullMethodName) {
    int slash = fullMethodName.lastIndexOf('/');
    return slash < 0 ? fullMethodName : fullMethodName.substring(0, slash);
  }

  /** {@code Method} of {@code package.Service/Method}. */
  static String method(String fullMethodName) {
    int slash = fullMethodName.lastIndexOf('/');
    return slash < 0 ? "" : fullMethodName.substring(slash + 1);
  }

  /** The propagation fields present in {@code headers}, as the bridge reads them. */
  static Map<String, List<String>> read(Metadata headers) {
    Metadata.Key<String>[] keys = keys();
    Map<String, List<String>> map = new HashMap<>();
    for (Metadata.Key<String> key : keys) {
      String value = headers.get(key);
      if (value != null) {
        map.put(key.name(), Collections.singletonList(value));
      }
    }
    return map;
  }

  /** Puts the bridge's headers (name, value, ...) into {@code headers}, replacing any there. */
  static void write(Metadata headers, String[] fields) {
    for (int i = 0; i + 1 < fields.length; i += 2) {
      Metadata.Key<String> key = Metadata.Key.of(fields[i], Metadata.ASCII_STRING_MARSHALLER);
      headers.discardAll(key);
      headers.put(key, fields[i + 1]);
    }
  }

  /** {@code host} of an authority {@code host:port} or {@code [v6]:port}. */
  static String host(String authority) {
    if (authority == null) {
      return null;
    }
    int colon = authority.lastIndexOf(':');
    String host = colon > authority.lastIndexOf(']') ? authority.substring(0, colon) : authority;
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return host;
  }

  /** {@code port} of an authority, or -1. */
  static int port(String authority) {
    if (authority == null) {
      return -1;
    }
    int colon = authority.lastIndexOf(':');
    if (colon < 0 || colon < authority.lastIndexOf(']')) {
      return -1;
    }
    try {
      return Integer.parseInt(authority.substring(colon + 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Metadata keys of the propagation fields, made once: the propagators never change. */
  @SuppressWarnings("unchecked")
  private static Metadata.Key<String>[] keys() {
    Metadata.Key<String>[] keys = fieldKeys;
    if (keys == null) {
      List<Metadata.Key<String>> list = new ArrayList<>();
      for (String field : Bridge.propagationFields()) {
        try {
          list.add(Metadata.Key.of(field, Metadata.ASCII_STRING_MARSHALLER));
        } catch (IllegalArgumentException e) {
          // not a valid ASCII metadata name (e.g. a -bin suffix): cannot be carried as text
        }
      }
      keys = list.toArray(new Metadata.Key[0]);
      fieldKeys = keys;
    }
    return keys;
  }
}
