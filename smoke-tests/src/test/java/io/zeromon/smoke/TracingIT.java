package io.zeromon.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.zeromon.smoke.ReceivedSpans.Received;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two JDK HttpServer applications with the built agent: the frontend exports OTLP http/protobuf,
 * the backend OTLP gRPC, both to receivers in this JVM that decode with opentelemetry-proto.
 */
class TracingIT {

  private static final String APP = "io.zeromon.smoke.apps.HttpServerApp";
  private static final ReceivedSpans SPANS = new ReceivedSpans();
  private static OtlpHttpReceiver httpReceiver;
  private static OtlpGrpcReceiver grpcReceiver;
  private static AppJvm backend;
  private static AppJvm frontend;

  @BeforeAll
  static void start() throws Exception {
    httpReceiver = new OtlpHttpReceiver(SPANS);
    grpcReceiver = new OtlpGrpcReceiver(SPANS);
    backend =
        AppJvm.builder(APP)
            .property("otel.service.name", "backend")
            .property("otel.exporter.otlp.protocol", "grpc")
            .property("otel.exporter.otlp.endpoint", grpcReceiver.endpoint())
            .start();
    frontend =
        AppJvm.builder(APP)
            .property("otel.exporter.otlp.endpoint", httpReceiver.endpoint())
            .property("otel.resource.attributes", "deployment.environment.name=test,team=core")
            .property("app.downstream", backend.baseUrl())
            .start();
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {frontend, backend, grpcReceiver, httpReceiver}) {
      if (c != null) {
        c.close();
      }
    }
  }

  private static Predicate<Received> server(String service, String route) {
    return r ->
        service.equals(r.service())
            && r.span().getKind() == Span.SpanKind.SPAN_KIND_SERVER
            && route.equals(r.attribute("http.route"));
  }

  @Test
  void helloMakesExactlyOneServerSpanWithTheHttpAttributes() throws Exception {
    assertThat(frontend.get("/hello?x=1&sig=secret", "User-Agent", "smoke-test/1").statusCode())
        .isEqualTo(200);

    Received hello = SPANS.await(server("HttpServerApp", "/hello").and(r -> "smoke-test/1".equals(r.attribute("user_agent.original"))), 1, 20_000).get(0);
    Thread.sleep(500); // a second span for the same request would have arrived by now
    assertThat(SPANS.matching(r -> r.traceId().equals(hello.traceId()))).hasSize(1);
    Span span = hello.span();
    assertThat(span.getName()).isEqualTo("GET /hello");
    assertThat(hello.protocol()).isEqualTo("http/protobuf");
    assertThat(hello.parentSpanId()).isEmpty();
    assertThat(hello.attribute("http.request.method")).isEqualTo("GET");
    assertThat(hello.attribute("url.path")).isEqualTo("/hello");
    assertThat(hello.attribute("url.scheme")).isEqualTo("http");
    assertThat(hello.attribute("url.query")).isEqualTo("x=1&sig=REDACTED");
    assertThat(hello.attribute("server.address")).isEqualTo("127.0.0.1");
    assertThat(hello.attribute("server.port")).isEqualTo(Integer.toString(frontend.port()));
    assertThat(hello.attribute("http.response.status_code")).isEqualTo("200");
    assertThat(hello.attribute("network.protocol.version")).isEqualTo("1.1");
    assertThat(hello.attribute("error.type")).isNull();
    assertThat(span.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_UNSET);
    assertThat(span.getEndTimeUnixNano()).isGreaterThan(span.getStartTimeUnixNano());

    assertThat(hello.resourceAttribute("service.instance.id")).isNotBlank();
    assertThat(hello.resourceAttribute("host.name")).isNotBlank();
    assertThat(hello.resourceAttribute("process.pid")).isEqualTo(Long.toString(frontend.pid()));
    assertThat(hello.resourceAttribute("process.runtime.name")).isNotBlank();
    assertThat(hello.resourceAttribute("process.runtime.version")).isNotBlank();
    assertThat(hello.resourceAttribute("telemetry.sdk.name")).isEqualTo("opentelemetry");
    assertThat(hello.resourceAttribute("telemetry.sdk.language")).isEqualTo("java");
    assertThat(hello.resourceAttribute("deployment.environment.name")).isEqualTo("test");
    assertThat(hello.resourceAttribute("team")).isEqualTo("core");
  }

  @Test
  void chainAcrossTwoJvmsIsOneTraceServerClientServer() throws Exception {
    assertThat(frontend.get("/chain").body()).isEqualTo("chain -> hello");

    Received root = SPANS.await(server("HttpServerApp", "/chain"), 1, 20_000).get(0);
    List<Received> trace =
        SPANS.await(r -> r.traceId().equals(root.traceId()), 3, 20_000);
    assertThat(trace).hasSize(3);
    Received client = only(trace, Span.SpanKind.SPAN_KIND_CLIENT);
    Received downstream =
        trace.stream().filter(r -> "backend".equals(r.service())).findFirst().orElseThrow();

    assertThat(root.parentSpanId()).isEmpty();
    assertThat(client.parentSpanId()).isEqualTo(root.spanId());
    assertThat(client.service()).isEqualTo("HttpServerApp");
    assertThat(client.span().getName()).isEqualTo("GET");
    assertThat(client.attribute("url.full")).isEqualTo(backend.baseUrl() + "/hello");
    assertThat(client.attribute("server.port")).isEqualTo(Integer.toString(backend.port()));
    assertThat(client.attribute("http.response.status_code")).isEqualTo("200");
    assertThat(downstream.span().getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
    assertThat(downstream.parentSpanId()).isEqualTo(client.spanId());
    assertThat(downstream.span().getName()).isEqualTo("GET /hello");
    assertThat(downstream.protocol()).isEqualTo("grpc");
  }

  @Test
  void javaNetHttpClientSyncAndAsyncCarryTheContext() throws Exception {
    for (String path : List.of("/chain-client", "/chain-async")) {
      assertThat(frontend.get(path).statusCode()).isEqualTo(200);
      Received root = SPANS.await(server("HttpServerApp", path), 1, 20_000).get(0);
      List<Received> trace = SPANS.await(r -> r.traceId().equals(root.traceId()), 3, 20_000);
      assertThat(trace).as(path).hasSize(3);
      Received client = only(trace, Span.SpanKind.SPAN_KIND_CLIENT);
      assertThat(client.parentSpanId()).isEqualTo(root.spanId());
      Received downstream =
          trace.stream().filter(r -> "backend".equals(r.service())).findFirst().orElseThrow();
      assertThat(downstream.parentSpanId()).isEqualTo(client.spanId());
    }
  }

  @Test
  void serverErrorsMarkTheSpan() throws Exception {
    assertThat(frontend.get("/fail").statusCode()).isEqualTo(500);
    // the JDK server closes the connection when a handler throws, with or without the agent
    assertThatThrownBy(() -> frontend.get("/boom")).isInstanceOf(java.io.IOException.class);

    Received fail = SPANS.await(server("HttpServerApp", "/fail"), 1, 20_000).get(0);
    assertThat(fail.span().getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
    assertThat(fail.attribute("error.type")).isEqualTo("500");
    Received boom = SPANS.await(server("HttpServerApp", "/boom"), 1, 20_000).get(0);
    assertThat(boom.span().getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
    assertThat(boom.attribute("error.type")).isEqualTo("java.lang.IllegalStateException");
  }

  @Test
  void theAgentsOwnExportCallsMakeNoSpans() throws Exception {
    frontend.get("/hello");
    SPANS.await(server("HttpServerApp", "/hello"), 1, 20_000);
    Thread.sleep(500);
    assertThat(SPANS.matching(r -> r.span().getKind() == Span.SpanKind.SPAN_KIND_CLIENT))
        .allSatisfy(
            r -> assertThat(r.attribute("url.full")).doesNotContain(":" + httpReceiver.port()));
    assertThat(frontend.stderr()).doesNotContain("could not instrument");
    assertThat(backend.stderr()).doesNotContain("could not instrument");
  }

  private static Received only(List<Received> spans, Span.SpanKind kind) {
    List<Received> found = spans.stream().filter(r -> r.span().getKind() == kind).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
