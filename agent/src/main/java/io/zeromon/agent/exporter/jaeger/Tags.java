package io.zeromon.agent.exporter.jaeger;

import io.jaegertracing.thriftjava.Tag;
import io.jaegertracing.thriftjava.TagType;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.Value;
import java.util.List;

/** OTel attribute values to typed Jaeger tags; arrays become JSON text, as Jaeger shows them. */
final class Tags {

  private Tags() {}

  static Tag string(String key, String value) {
    return new Tag(key, TagType.STRING).setVStr(value);
  }

  static Tag bool(String key, boolean value) {
    return new Tag(key, TagType.BOOL).setVBool(value);
  }

  static Tag number(String key, long value) {
    return new Tag(key, TagType.LONG).setVLong(value);
  }

  /** Adds every attribute except {@code skip} (may be null) to {@code tags}. */
  static void addAll(Attributes attributes, AttributeKey<?> skip, List<Tag> tags) {
    attributes.forEach(
        (key, value) -> {
          if (!key.equals(skip)) {
            tags.add(of(key, value));
          }
        });
  }

  static Tag of(AttributeKey<?> key, Object value) {
    String name = key.getKey();
    switch (key.getType()) {
      case STRING:
        return string(name, (String) value);
      case BOOLEAN:
        return bool(name, (Boolean) value);
      case LONG:
        return number(name, (Long) value);
      case DOUBLE:
        return new Tag(name, TagType.DOUBLE).setVDouble((Double) value);
      case STRING_ARRAY:
      case BOOLEAN_ARRAY:
      case LONG_ARRAY:
      case DOUBLE_ARRAY:
        return string(name, json((List<?>) value));
      default:
        // VALUE (maps, byte arrays, heterogeneous lists): OTel's own string form
        return string(name, value instanceof Value ? ((Value<?>) value).asString() : "" + value);
    }
  }

  static String json(List<?> values) {
    StringBuilder out = new StringBuilder().append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      Object value = values.get(i);
      if (value instanceof String) {
        quote((String) value, out);
      } else if (value instanceof Double && !Double.isFinite((Double) value)) {
        quote(value.toString(), out); // JSON has no NaN or Infinity literal
      } else {
        out.append(value);
      }
    }
    return out.append(']').toString();
  }

  private static void quote(String value, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }
}
