package io.zeromon.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.zeromon.smoke.ReceivedSpans.Received;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * An Undertow server with the agent, in one Undertow version (a sample-app module per version;
 * subclasses name it): one SERVER span per exchange, on the I/O thread, dispatched to a worker,
 * or completed later from another thread.
 */
abstract class UndertowTracingTests {

  static final String APP = "io.zeromon.smoke.apps.undertow.UndertowApp";
  // statics are shared by the subclasses, which run one after the other: fresh for each
  static ReceivedSpans spans;
  static OtlpHttpReceiver receiver;
  static AppJvm app;

  static void start(String module) throws Exception {
    spans = new ReceivedSpans();
    receiver = new OtlpHttpReceiver(spans);
    app =
        AppJvm.app(module, APP)
            .property("otel.service.name", "undertow-app")
            .property("otel.exporter.otlp.endpoint", receiver.endpoint())
            .start();
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {app, receiver}) {
      if (c != null) {
        c.close();
      }
    }
  }

  static Received server(String query) throws InterruptedException {
    List<Received> found =
        spans.await(
            r ->
                r.span().getKind() == Span.SpanKind.SPAN_KIND_SERVER
                    && query.equals(r.attribute("url.query")),
            1,
            20_000);
    assertThat(found).as("server span of ?" + query).hasSize(1);
    return found.get(0);
  }

  @Test
  void oneExchangeIsOneServerSpanWithItsRoute() throws Exception {
    assertThat(app.get("/hello?one=1", "User-Agent", "smoke-test/1").body()).isEqualTo("hello");

    Received hello = server("one=1");
    assertThat(hello.span().getName()).isEqualTo("GET /hello");
    assertThat(hello.attribute("http.route")).isEqualTo("/hello");
    assertThat(hello.attribute("http.request.method")).isEqualTo("GET");
    assertThat(hello.attribute("url.path")).isEqualTo("/hello");
    assertThat(hello.attribute("url.scheme")).isEqualTo("http");
    assertThat(hello.attribute("server.address")).isEqualTo("127.0.0.1");
    assertThat(hello.attribute("server.port")).isEqualTo(Integer.toString(app.port()));
    assertThat(hello.attribute("client.address")).isEqualTo("127.0.0.1");
    assertThat(hello.attribute("network.protocol.version")).isEqualTo("1.1");
    assertThat(hello.attribute("user_agent.original")).isEqualTo("smoke-test/1");
    assertThat(hello.attribute("http.response.status_code")).isEqualTo("200");
    assertThat(hello.span().getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_UNSET);
    assertThat(hello.parentSpanId()).isEmpty();
    Thread.sleep(300); // a second span for the exchange would have arrived by now
    assertThat(spans.matching(r -> r.traceId().equals(hello.traceId()))).hasSize(1);
  }

  @Test
  void theRouteTemplateNamesTheSpanNotThePath() throws Exception {
    assertThat(app.get("/users/42?user=1").body()).isEqualTo("user 42");
    Received user = server("user=1");
    assertThat(user.span().getName()).isEqualTo("GET /users/{id}");
    assertThat(user.attribute("http.route")).isEqualTo("/users/{id}");
    assertThat(user.attribute("url.path")).isEqualTo("/users/42");
  }

  @Test
  void unroutedRequestsHaveNoRoute() throws Exception {
    assertThat(app.get("/nowhere?nowhere=1").statusCode()).isEqualTo(404);
    Received none = server("nowhere=1");
    assertThat(none.span().getName()).isEqualTo("GET");
    assertThat(none.attribute("http.route")).isNull();
    assertThat(none.attribute("http.response.status_code")).isEqualTo("404");
  }

  @Test
  void workOnTheDispatchedWorkerThreadIsAChildOfTheServerSpan() throws Exception {
    assertThat(app.get("/dispatch?dispatch=1").body()).isEqualTo("dispatched -> hello");
    Received root = server("dispatch=1");
    assertThat(root.span().getName()).isEqualTo("GET /dispatch");
    List<Received> trace = spans.await(r -> r.traceId().equals(root.traceId()), 3, 20_000);
    assertThat(trace).hasSize(3);
    Received client =
        trace.stream()
            .filter(r -> r.span().getKind() == Span.SpanKind.SPAN_KIND_CLIENT)
            .findFirst()
            .orElseThrow();
    Received inner =
        trace.stream()
            .filter(r -> "/hello".equals(r.attribute("http.route")))
            .findFirst()
            .orElseThrow();
    assertThat(client.parentSpanId()).isEqualTo(root.spanId());
    assertThat(inner.parentSpanId()).isEqualTo(client.spanId());
    assertThat(root.attribute("http.response.status_code")).isEqualTo("200");
  }

  @Test
  void anExchangeCompletedFromAnotherThreadEndsItsSpanThen() throws Exception {
    assertThat(app.get("/async?async=1").body()).isEqualTo("async");
    Received async = server("async=1");
    assertThat(async.attribute("http.response.status_code")).isEqualTo("200");
    long millis =
        (async.span().getEndTimeUnixNano() - async.span().getStartTimeUnixNano()) / 1_000_000;
    assertThat(millis).isGreaterThanOrEqualTo(40);
  }

  @Test
  void serverErrorsMarkTheSpan() throws Exception {
    assertThat(app.get("/fail?fail=1").statusCode()).isEqualTo(500);
    assertThat(app.get("/boom?boom=1").statusCode()).isEqualTo(500);
    Received fail = server("fail=1");
    assertThat(fail.attribute("error.type")).isEqualTo("500");
    assertThat(fail.span().getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
    Received boom = server("boom=1");
    assertThat(boom.attribute("http.response.status_code")).isEqualTo("500");
    assertThat(boom.attribute("error.type")).isEqualTo("java.lang.IllegalStateException");
    assertThat(boom.span().getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
  }

  @Test
  void nothingFailedToInstrument() {
    assertThat(app.stderr()).doesNotContain("could not instrument");
  }
}
