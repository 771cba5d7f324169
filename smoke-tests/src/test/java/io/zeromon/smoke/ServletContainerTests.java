package io.zeromon.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.zeromon.smoke.ReceivedSpans.Received;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The same requests against each servlet sample application (smoke-tests/apps/servlets-*), one
 * JVM per container with the built agent, spans decoded from OTLP. Each request carries a
 * traceparent of its own, so its trace holds exactly the spans it caused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServletContainerTests {

  /** How long the sample async servlet waits before completing (SampleServlets). */
  private static final long ASYNC_DELAY_NANOS = 300_000_000L;

  private final ReceivedSpans spans = new ReceivedSpans();
  private OtlpHttpReceiver receiver;
  private AppJvm app;

  /** The module folder under smoke-tests/apps. */
  abstract String module();

  abstract String mainClass();

  /** Servlet 4.0+ names the mapping that matched, which gives the route; 3.x does not. */
  abstract boolean knowsRoutes();

  @BeforeAll
  void start() throws Exception {
    receiver = new OtlpHttpReceiver(spans);
    app =
        AppJvm.app(module(), mainClass())
            .property("otel.service.name", module())
            .property("otel.exporter.otlp.endpoint", receiver.endpoint())
            .start();
  }

  @AfterAll
  void stop() {
    try {
      if (app != null) {
        assertThat(app.stderr()).doesNotContain("could not instrument");
      }
    } finally {
      if (app != null) {
        app.close();
      }
      if (receiver != null) {
        receiver.close();
      }
    }
  }

  private String route(String route) {
    return knowsRoutes() ? route : null;
  }

  private String name(String route) {
    return knowsRoutes() ? "GET " + route : "GET";
  }

  /** The one SERVER span of a trace, after a pause in which a second one would have arrived. */
  private Received onlyServerSpan(String traceId) throws InterruptedException {
    List<Received> found = spans.await(r -> r.traceId().equals(traceId), 1, 20_000);
    assertThat(found).as("spans of trace " + traceId).isNotEmpty();
    Thread.sleep(400);
    found = spans.matching(r -> r.traceId().equals(traceId));
    assertThat(found).as("spans of trace " + traceId).hasSize(1);
    assertThat(found.get(0).span().getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
    return found.get(0);
  }

  private HttpResponse<String> get(String path, String traceId, String parentId) throws Exception {
    return app.get(
        path,
        "traceparent", TraceIds.traceparent(traceId, parentId),
        "User-Agent", "servlet-test/1");
  }

  @Test
  void plainRequestIsOneServerSpanWithTheHttpAttributes() throws Exception {
    String traceId = TraceIds.traceId();
    String parentId = TraceIds.spanId();
    HttpResponse<String> response = get("/app/plain?x=1&sig=secret", traceId, parentId);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("plain");

    Received plain = onlyServerSpan(traceId);
    assertThat(plain.service()).isEqualTo(module());
    assertThat(plain.span().getName()).isEqualTo(name("/app/plain"));
    assertThat(plain.parentSpanId()).isEqualTo(parentId);
    assertThat(plain.attribute("http.request.method")).isEqualTo("GET");
    assertThat(plain.attribute("url.path")).isEqualTo("/app/plain");
    assertThat(plain.attribute("url.query")).isEqualTo("x=1&sig=REDACTED");
    assertThat(plain.attribute("url.scheme")).isEqualTo("http");
    assertThat(plain.attribute("server.address")).isEqualTo("127.0.0.1");
    assertThat(plain.attribute("server.port")).isEqualTo(Integer.toString(app.port()));
    assertThat(plain.attribute("client.address")).isEqualTo("127.0.0.1");
    assertThat(plain.attribute("network.protocol.version")).isEqualTo("1.1");
    assertThat(plain.attribute("user_agent.original")).isEqualTo("servlet-test/1");
    assertThat(plain.attribute("http.response.status_code")).isEqualTo("200");
    assertThat(plain.attribute("http.route")).isEqualTo(route("/app/plain"));
    assertThat(plain.attribute("error.type")).isNull();
    assertThat(plain.span().getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_UNSET);
  }

  @Test
  void forwardIsPartOfTheRequestsSpan() throws Exception {
    String traceId = TraceIds.traceId();
    HttpResponse<String> response = get("/app/forward", traceId, TraceIds.spanId());
    assertThat(response.body()).isEqualTo("plain");

    Received forward = onlyServerSpan(traceId);
    assertThat(forward.span().getName()).isEqualTo(name("/app/forward"));
    assertThat(forward.attribute("url.path")).isEqualTo("/app/forward");
    assertThat(forward.attribute("http.response.status_code")).isEqualTo("200");
  }

  @Test
  void asyncRequestEndsWhenAnotherThreadCompletesIt() throws Exception {
    String traceId = TraceIds.traceId();
    HttpResponse<String> response = get("/app/async/direct", traceId, TraceIds.spanId());
    assertThat(response.statusCode()).isEqualTo(202);

    Received async = onlyServerSpan(traceId);
    assertThat(async.span().getName()).isEqualTo(name("/app/async/*"));
    assertThat(async.attribute("http.route")).isEqualTo(route("/app/async/*"));
    assertThat(async.attribute("http.response.status_code")).isEqualTo("202");
    assertThat(duration(async)).isGreaterThanOrEqualTo(ASYNC_DELAY_NANOS);
  }

  @Test
  void forwardToAsyncIsOneSpanEndingAfterTheAsyncWork() throws Exception {
    String traceId = TraceIds.traceId();
    String parentId = TraceIds.spanId();
    HttpResponse<String> response = get("/app/forward?to=/async/forwarded", traceId, parentId);
    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body()).isEqualTo("async");

    Received span = onlyServerSpan(traceId);
    assertThat(span.span().getName()).isEqualTo(name("/app/forward"));
    assertThat(span.parentSpanId()).isEqualTo(parentId);
    assertThat(span.attribute("url.path")).isEqualTo("/app/forward");
    assertThat(span.attribute("url.query")).isEqualTo("to=/async/forwarded");
    assertThat(span.attribute("http.response.status_code")).isEqualTo("202");
    assertThat(span.span().getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_UNSET);
    assertThat(duration(span)).isGreaterThanOrEqualTo(ASYNC_DELAY_NANOS);
  }

  @Test
  void unhandledExceptionIsAnErrorSpanWithStatus500() throws Exception {
    String traceId = TraceIds.traceId();
    HttpResponse<String> response = get("/app/fail", traceId, TraceIds.spanId());
    assertThat(response.statusCode()).isEqualTo(500);

    // the container's error handling adds no span of its own
    Received fail = onlyServerSpan(traceId);
    assertThat(fail.span().getName()).isEqualTo(name("/app/fail"));
    assertThat(fail.attribute("http.response.status_code")).isEqualTo("500");
    assertThat(fail.attribute("error.type")).isEqualTo("java.lang.IllegalStateException");
    assertThat(fail.span().getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
  }

  @Test
  void outboundCallCarriesTheContextToTheNextServerSpan() throws Exception {
    String traceId = TraceIds.traceId();
    String parentId = TraceIds.spanId();
    HttpResponse<String> response = get("/app/call", traceId, parentId);
    assertThat(response.body()).isEqualTo("call -> plain");

    List<Received> trace = spans.await(r -> r.traceId().equals(traceId), 3, 20_000);
    assertThat(trace).hasSize(3);
    Received call = only(trace, "/app/call", Span.SpanKind.SPAN_KIND_SERVER);
    Received client = only(trace, null, Span.SpanKind.SPAN_KIND_CLIENT);
    Received plain = only(trace, "/app/plain", Span.SpanKind.SPAN_KIND_SERVER);
    assertThat(call.parentSpanId()).isEqualTo(parentId);
    assertThat(client.parentSpanId()).isEqualTo(call.spanId());
    assertThat(plain.parentSpanId()).isEqualTo(client.spanId());
  }

  private static Received only(List<Received> trace, String path, Span.SpanKind kind) {
    List<Received> found =
        trace.stream()
            .filter(r -> r.span().getKind() == kind)
            .filter(r -> path == null || path.equals(r.attribute("url.path")))
            .toList();
    assertThat(found).as(kind + " " + path).hasSize(1);
    return found.get(0);
  }

  private static long duration(Received received) {
    return received.span().getEndTimeUnixNano() - received.span().getStartTimeUnixNano();
  }
}
