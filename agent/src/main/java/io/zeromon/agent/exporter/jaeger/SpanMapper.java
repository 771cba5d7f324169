package io.zeromon.agent.exporter.jaeger;

import io.jaegertracing.thriftjava.Log;
import io.jaegertracing.thriftjava.Span;
import io.jaegertracing.thriftjava.SpanRef;
import io.jaegertracing.thriftjava.SpanRefType;
import io.jaegertracing.thriftjava.Tag;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One OTel span to one Jaeger span, the mapping OpenTelemetry's retired Jaeger exporter used. */
final class SpanMapper {

  private SpanMapper() {}

  static Span map(SpanData data) {
    SpanContext context = data.getSpanContext();
    String traceId = context.getTraceId();
    long high = high(traceId);
    long low = low(traceId);
    long start = data.getStartEpochNanos();
    Span span =
        new Span(
            low,
            high,
            id(context.getSpanId()),
            0,
            data.getName(),
            context.isSampled() ? 1 : 0,
            start / 1000,
            (data.getEndEpochNanos() - start) / 1000);
    List<SpanRef> references = new ArrayList<>(data.getLinks().size() + 1);
    SpanContext parent = data.getParentSpanContext();
    if (parent.isValid()) {
      span.setParentSpanId(id(parent.getSpanId()));
      references.add(new SpanRef(SpanRefType.CHILD_OF, low, high, id(parent.getSpanId())));
    }
    for (LinkData link : data.getLinks()) {
      SpanContext linked = link.getSpanContext();
      String linkedTrace = linked.getTraceId();
      references.add(
          new SpanRef(
              SpanRefType.FOLLOWS_FROM,
              low(linkedTrace),
              high(linkedTrace),
              id(linked.getSpanId())));
    }
    if (!references.isEmpty()) {
      span.setReferences(references);
    }
    span.setTags(tags(data));
    if (!data.getEvents().isEmpty()) {
      span.setLogs(logs(data.getEvents()));
    }
    return span;
  }

  private static List<Tag> tags(SpanData data) {
    List<Tag> tags = new ArrayList<>(data.getAttributes().size() + 8);
    Tags.addAll(data.getAttributes(), null, tags);
    if (data.getKind() != SpanKind.INTERNAL) {
      tags.add(Tags.string("span.kind", data.getKind().name().toLowerCase(Locale.ROOT)));
    }
    StatusData status = data.getStatus();
    if (status.getStatusCode() == StatusCode.ERROR) {
      tags.add(Tags.bool("error", true));
      tags.add(Tags.string("otel.status_code", "ERROR"));
      if (!status.getDescription().isEmpty()) {
        tags.add(Tags.string("otel.status_description", status.getDescription()));
      }
    } else if (status.getStatusCode() == StatusCode.OK) {
      tags.add(Tags.string("otel.status_code", "OK"));
    }
    InstrumentationScopeInfo scope = data.getInstrumentationScopeInfo();
    if (!scope.getName().isEmpty()) {
      // otel.library.* too: Jaeger UIs and queries predating the rename still look for it
      tags.add(Tags.string("otel.scope.name", scope.getName()));
      tags.add(Tags.string("otel.library.name", scope.getName()));
    }
    if (scope.getVersion() != null) {
      tags.add(Tags.string("otel.scope.version", scope.getVersion()));
      tags.add(Tags.string("otel.library.version", scope.getVersion()));
    }
    int attributes = data.getAttributes().size();
    dropped(tags, "otel.dropped_attributes_count", data.getTotalAttributeCount(), attributes);
    dropped(
        tags, "otel.dropped_events_count", data.getTotalRecordedEvents(), data.getEvents().size());
    dropped(tags, "otel.dropped_links_count", data.getTotalRecordedLinks(), data.getLinks().size());
    return tags;
  }

  private static void dropped(List<Tag> tags, String key, int total, int kept) {
    if (total > kept) {
      tags.add(Tags.number(key, total - kept));
    }
  }

  private static List<Log> logs(List<EventData> events) {
    List<Log> logs = new ArrayList<>(events.size());
    for (EventData event : events) {
      List<Tag> fields = new ArrayList<>(event.getAttributes().size() + 1);
      fields.add(Tags.string("event", event.getName()));
      Tags.addAll(event.getAttributes(), null, fields);
      dropped(
          fields,
          "otel.event.dropped_attributes_count",
          event.getTotalAttributeCount(),
          event.getAttributes().size());
      logs.add(new Log(event.getEpochNanos() / 1000, fields));
    }
    return logs;
  }

  /** Jaeger's ids are the same bits read as signed 64-bit numbers. */
  static long high(String traceId) {
    return Long.parseUnsignedLong(traceId, 0, 16, 16);
  }

  static long low(String traceId) {
    return Long.parseUnsignedLong(traceId, 16, 32, 16);
  }

  static long id(String spanId) {
    return Long.parseUnsignedLong(spanId, 16);
  }
}
