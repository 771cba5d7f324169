package io.zeromon.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Jaeger's query API ({@code /api/traces?service=...}), read as {@link TraceSpan}s. */
final class JaegerQuery {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;

  JaegerQuery(String base) {
    this.base = base;
  }

  /** The spans of one trace among the recent traces of {@code service}, or none. */
  List<TraceSpan> trace(String service, String traceId) throws IOException, InterruptedException {
    String query =
        "/api/traces?lookback=1h&limit=200&service="
            + URLEncoder.encode(service, StandardCharsets.UTF_8);
    HttpResponse<String> response =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(base + query))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      return List.of(); // e.g. a service Jaeger has not seen yet
    }
    for (JsonNode trace : JSON.readTree(response.body()).path("data")) {
      if (traceId.equalsIgnoreCase(trace.path("traceID").asText())) {
        return spans(trace);
      }
    }
    return List.of();
  }

  /** Jaeger's JSON model: spans with a processID, processes with a serviceName. */
  static List<TraceSpan> spans(JsonNode trace) {
    List<TraceSpan> spans = new ArrayList<>();
    for (JsonNode span : trace.path("spans")) {
      String process = span.path("processID").asText();
      String parent = "";
      for (JsonNode reference : span.path("references")) {
        if ("CHILD_OF".equals(reference.path("refType").asText())) {
          parent = reference.path("spanID").asText();
        }
      }
      spans.add(
          new TraceSpan(
              trace.path("processes").path(process).path("serviceName").asText(),
              tag(span, "span.kind", "internal"),
              span.path("operationName").asText(),
              span.path("spanID").asText(),
              parent));
    }
    return spans;
  }

  private static String tag(JsonNode span, String key, String otherwise) {
    for (JsonNode tag : span.path("tags")) {
      if (key.equals(tag.path("key").asText())) {
        return tag.path("value").asText();
      }
    }
    return otherwise;
  }
}
