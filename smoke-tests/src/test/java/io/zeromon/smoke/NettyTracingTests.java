package io.zeromon.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.zeromon.smoke.ReceivedSpans.Received;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A plain Netty HTTP server with the agent, in one Netty version (a sample-app module per
 * version; subclasses name it): one SERVER span per request, keep-alive and pipelined included.
 */
abstract class NettyTracingTests {

  static final String APP = "io.zeromon.smoke.apps.netty.NettyHttpApp";
  // statics are shared by the subclasses, which run one after the other: fresh for each
  static ReceivedSpans spans;
  static OtlpHttpReceiver receiver;
  static AppJvm app;

  static void start(String module) throws Exception {
    spans = new ReceivedSpans();
    receiver = new OtlpHttpReceiver(spans);
    app =
        AppJvm.app(module, APP)
            .property("otel.service.name", "netty-app")
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
  void oneRequestIsOneServerSpan() throws Exception {
    assertThat(app.get("/hello?one=1", "User-Agent", "smoke-test/1").body()).isEqualTo("hello");

    Received hello = server("one=1");
    Span span = hello.span();
    assertThat(span.getName()).isEqualTo("GET");
    assertThat(hello.attribute("http.route")).isNull();
    assertThat(hello.attribute("http.request.method")).isEqualTo("GET");
    assertThat(hello.attribute("url.path")).isEqualTo("/hello");
    assertThat(hello.attribute("url.scheme")).isEqualTo("http");
    assertThat(hello.attribute("server.address")).isEqualTo("127.0.0.1");
    assertThat(hello.attribute("server.port")).isEqualTo(Integer.toString(app.port()));
    assertThat(hello.attribute("client.address")).isEqualTo("127.0.0.1");
    assertThat(hello.attribute("network.protocol.version")).isEqualTo("1.1");
    assertThat(hello.attribute("user_agent.original")).isEqualTo("smoke-test/1");
    assertThat(hello.attribute("http.response.status_code")).isEqualTo("200");
    assertThat(span.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_UNSET);
    assertThat(hello.parentSpanId()).isEmpty();
    Thread.sleep(300); // a second span for the request would have arrived by now
    assertThat(spans.matching(r -> r.traceId().equals(hello.traceId()))).hasSize(1);
  }

  @Test
  void keepAliveRequestsOnOneConnectionEachMakeASpan() throws Exception {
    try (RawHttp connection = new RawHttp(app.port())) {
      for (int i = 1; i <= 3; i++) {
        connection.send("/hello?keepalive=" + i);
        assertThat(connection.read().status()).isEqualTo(200);
      }
    }
    for (int i = 1; i <= 3; i++) {
      Received span = server("keepalive=" + i);
      assertThat(span.attribute("http.response.status_code")).isEqualTo("200");
      assertThat(span.parentSpanId()).isEmpty();
    }
  }

  @Test
  void pipelinedRequestsGetTheirOwnSpansAndStatuses() throws Exception {
    try (RawHttp connection = new RawHttp(app.port())) {
      connection.send("/hello?pipelined=1", "/fail?pipelined=2", "/async?pipelined=3");
      assertThat(connection.read()).isEqualTo(new RawHttp.Response(200, "hello"));
      assertThat(connection.read()).isEqualTo(new RawHttp.Response(500, "fail"));
      assertThat(connection.read()).isEqualTo(new RawHttp.Response(200, "async"));
    }
    Received hello = server("pipelined=1");
    Received fail = server("pipelined=2");
    Received async = server("pipelined=3");
    assertThat(hello.attribute("url.path")).isEqualTo("/hello");
    assertThat(hello.attribute("http.response.status_code")).isEqualTo("200");
    assertThat(fail.attribute("url.path")).isEqualTo("/fail");
    assertThat(fail.attribute("http.response.status_code")).isEqualTo("500");
    assertThat(fail.attribute("error.type")).isEqualTo("500");
    assertThat(fail.span().getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
    assertThat(async.attribute("url.path")).isEqualTo("/async");
    assertThat(async.attribute("http.response.status_code")).isEqualTo("200");
    assertThat(hello.traceId()).isNotEqualTo(fail.traceId()).isNotEqualTo(async.traceId());
  }

  @Test
  void asyncResponsesEndTheSpanWhenWritten() throws Exception {
    assertThat(app.get("/async?async=1").body()).isEqualTo("async");
    Received async = server("async=1");
    assertThat(async.attribute("http.response.status_code")).isEqualTo("200");
    long millis =
        (async.span().getEndTimeUnixNano() - async.span().getStartTimeUnixNano()) / 1_000_000;
    assertThat(millis).isGreaterThanOrEqualTo(40);
  }

  @Test
  void workOnTheEventLoopIsAChildOfTheServerSpan() throws Exception {
    assertThat(app.get("/chain?chain=1").body()).isEqualTo("chain -> downstream");
    Received root = server("chain=1");
    List<Received> trace = spans.await(r -> r.traceId().equals(root.traceId()), 3, 20_000);
    assertThat(trace).hasSize(3);
    Received client =
        trace.stream()
            .filter(r -> r.span().getKind() == Span.SpanKind.SPAN_KIND_CLIENT)
            .findFirst()
            .orElseThrow();
    Received downstream =
        trace.stream()
            .filter(r -> "/downstream".equals(r.attribute("http.route")))
            .findFirst()
            .orElseThrow();
    assertThat(client.parentSpanId()).isEqualTo(root.spanId());
    assertThat(downstream.parentSpanId()).isEqualTo(client.spanId());
  }

  @Test
  void aDecoderAndEncoderAddedOneByOneAreTracedToo() throws Exception {
    int splitPort = Integer.parseInt(app.checks().get("split-port"));
    try (RawHttp connection = new RawHttp(splitPort)) {
      connection.send("/hello?split=1", "/missing?split=2");
      assertThat(connection.read().status()).isEqualTo(200);
      assertThat(connection.read().status()).isEqualTo(404);
    }
    assertThat(server("split=1").attribute("http.response.status_code")).isEqualTo("200");
    assertThat(server("split=2").attribute("http.response.status_code")).isEqualTo("404");
    assertThat(server("split=2").attribute("server.port")).isEqualTo(Integer.toString(splitPort));
  }

  @Test
  void nothingFailedToInstrument() {
    assertThat(app.stderr()).doesNotContain("could not instrument");
  }
}
