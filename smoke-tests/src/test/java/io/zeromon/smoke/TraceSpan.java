package io.zeromon.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One span of a trace as a back end reports it (OTLP, Jaeger Thrift or Jaeger's query API), with
 * what a chain check needs; {@code kind} in lower case ("server", "client"), {@code parentId} empty
 * for a root.
 */
record TraceSpan(String service, String kind, String name, String spanId, String parentId) {

  @Override
  public String toString() {
    return service + " " + kind + " '" + name + "' " + spanId + " <- " + parentId;
  }

  /** The spans one request should cause, in causal order: each the child of the one before. */
  static final class Chain {
    private final List<TraceSpan> hops = new ArrayList<>();

    Chain server(String service, String name) {
      hops.add(new TraceSpan(service, "server", name, "", ""));
      return this;
    }

    Chain client(String service, String name) {
      hops.add(new TraceSpan(service, "client", name, "", ""));
      return this;
    }

    int size() {
      return hops.size();
    }

    /**
     * Asserts that {@code trace} is exactly this chain: the first span a child of the caller's span
     * (the test's traceparent; or a root where a back end drops a reference to a span it never
     * received), each next span a child of the one before.
     */
    void assertMatches(List<TraceSpan> trace, String callerSpanId) {
      String described =
          trace.stream().map(TraceSpan::toString).collect(Collectors.joining("\n  "));
      assertThat(trace).as("spans of the trace").hasSize(hops.size());
      String parent = null;
      for (int i = 0; i < hops.size(); i++) {
        TraceSpan hop = hops.get(i);
        String expectedParent = parent;
        List<TraceSpan> found =
            trace.stream()
                .filter(s -> s.service().equals(hop.service()))
                .filter(s -> s.kind().equals(hop.kind()) && s.name().equals(hop.name()))
                .filter(
                    s ->
                        expectedParent == null
                            ? s.parentId().isEmpty() || s.parentId().equals(callerSpanId)
                            : s.parentId().equals(expectedParent))
                .collect(Collectors.toList());
        assertThat(found)
            .as(
                "hop %d, %s %s '%s' child of %s, in:\n  %s",
                i,
                hop.service(),
                hop.kind(),
                hop.name(),
                expectedParent == null ? callerSpanId : expectedParent,
                described)
            .hasSize(1);
        parent = found.get(0).spanId();
      }
    }
  }
}
