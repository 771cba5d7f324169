package io.zeromon.smoke;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Spans decoded by a receiver, with their resource; waits are bounded. */
final class ReceivedSpans {

  /** One received span with the resource it came with and the protocol that carried it. */
  record Received(Resource resource, Span span, String protocol) {
    String attribute(String key) {
      return ReceivedSpans.attribute(span.getAttributesList(), key);
    }

    String resourceAttribute(String key) {
      return ReceivedSpans.attribute(resource.getAttributesList(), key);
    }

    String service() {
      return resourceAttribute("service.name");
    }

    String traceId() {
      return hex(span.getTraceId().toByteArray());
    }

    String spanId() {
      return hex(span.getSpanId().toByteArray());
    }

    String parentSpanId() {
      return hex(span.getParentSpanId().toByteArray());
    }
  }

  private final List<Received> spans = new ArrayList<>();
  private int requests;

  synchronized void add(ExportTraceServiceRequest request, String protocol) {
    requests++;
    for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
      for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
        for (Span span : scopeSpans.getSpansList()) {
          spans.add(new Received(resourceSpans.getResource(), span, protocol));
        }
      }
    }
    notifyAll();
  }

  synchronized List<Received> all() {
    return new ArrayList<>(spans);
  }

  synchronized int requests() {
    return requests;
  }

  synchronized List<Received> matching(Predicate<Received> filter) {
    return spans.stream().filter(filter).collect(Collectors.toList());
  }

  /** Waits until at least {@code count} spans match, at most {@code millis}; returns the matches. */
  synchronized List<Received> await(Predicate<Received> filter, int count, long millis)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    List<Received> found = matching(filter);
    while (found.size() < count) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        break;
      }
      wait(left);
      found = matching(filter);
    }
    return found;
  }

  static String attribute(List<KeyValue> attributes, String key) {
    for (KeyValue kv : attributes) {
      if (kv.getKey().equals(key)) {
        AnyValue value = kv.getValue();
        switch (value.getValueCase()) {
          case STRING_VALUE:
            return value.getStringValue();
          case INT_VALUE:
            return Long.toString(value.getIntValue());
          case BOOL_VALUE:
            return Boolean.toString(value.getBoolValue());
          case DOUBLE_VALUE:
            return Double.toString(value.getDoubleValue());
          default:
            return value.toString();
        }
      }
    }
    return null;
  }

  static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      out.append(String.format("%02x", b));
    }
    return out.toString();
  }
}
