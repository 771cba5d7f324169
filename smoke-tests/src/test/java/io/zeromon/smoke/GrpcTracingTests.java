package io.zeromon.smoke;

import static io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_CLIENT;
import static io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_SERVER;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.zeromon.smoke.ReceivedSpans.Received;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A JDK HttpServer frontend calling a gRPC backend, both with the agent, in one grpc-java
 * version (a sample-app module per version; subclasses name it): one trace frontend SERVER →
 * grpc CLIENT → grpc SERVER, with the status codes.
 */
abstract class GrpcTracingTests {

  static final String BACKEND = "io.zeromon.smoke.apps.grpc.GrpcBackendApp";
  static final String FRONTEND = "io.zeromon.smoke.apps.grpc.GrpcFrontendApp";
  // statics are shared by the subclasses, which run one after the other: fresh for each
  static ReceivedSpans SPANS;
  static OtlpHttpReceiver receiver;
  static AppJvm backend;
  static AppJvm frontend;

  static void start(String module) throws Exception {
    SPANS = new ReceivedSpans();
    receiver = new OtlpHttpReceiver(SPANS);
    backend =
        AppJvm.app(module, BACKEND)
            .property("otel.service.name", "grpc-backend")
            .property("otel.exporter.otlp.endpoint", receiver.endpoint())
            .start();
    frontend =
        AppJvm.app(module, FRONTEND)
            .property("otel.service.name", "grpc-frontend")
            .property("otel.exporter.otlp.endpoint", receiver.endpoint())
            .property("app.backend", "127.0.0.1:" + backend.port())
            .start();
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {frontend, backend, receiver}) {
      if (c != null) {
        c.close();
      }
    }
  }

  /** The grpc-java version the backend runs, as it reports it. */
  static String grpcVersion() {
    return backend.checks().get("grpc");
  }

  /** The frontend's SERVER span for a request with this query, and its whole trace (waited for). */
  static List<Received> trace(String query, int spans) throws InterruptedException {
    Received root =
        SPANS
            .await(
                r ->
                    "grpc-frontend".equals(r.service())
                        && r.span().getKind() == SPAN_KIND_SERVER
                        && query.equals(r.attribute("url.query")),
                1,
                20_000)
            .get(0);
    return SPANS.await(r -> r.traceId().equals(root.traceId()), spans, 20_000);
  }

  static Received one(List<Received> trace, String service, Span.SpanKind kind, String name) {
    Predicate<Received> match =
        r ->
            service.equals(r.service())
                && r.span().getKind() == kind
                && name.equals(r.span().getName());
    List<Received> found = trace.stream().filter(match).toList();
    assertThat(found).as(service + " " + kind + " " + name).hasSize(1);
    return found.get(0);
  }

  @Test
  void unaryCallIsOneTraceServerClientServer() throws Exception {
    assertThat(frontend.get("/hello?name=alice").body()).isEqualTo("hello alice");

    List<Received> trace = trace("name=alice", 3);
    assertThat(trace).hasSize(3);
    Received root = one(trace, "grpc-frontend", SPAN_KIND_SERVER, "GET /hello");
    Received client =
        one(trace, "grpc-frontend", SPAN_KIND_CLIENT, "demo.Greeter/SayHello");
    Received server =
        one(trace, "grpc-backend", SPAN_KIND_SERVER, "demo.Greeter/SayHello");
    assertThat(root.parentSpanId()).isEmpty();
    assertThat(client.parentSpanId()).isEqualTo(root.spanId());
    assertThat(server.parentSpanId()).isEqualTo(client.spanId());
    for (Received rpc : List.of(client, server)) {
      assertThat(rpc.attribute("rpc.system")).isEqualTo("grpc");
      assertThat(rpc.attribute("rpc.service")).isEqualTo("demo.Greeter");
      assertThat(rpc.attribute("rpc.method")).isEqualTo("SayHello");
      assertThat(rpc.attribute("rpc.grpc.status_code")).isEqualTo("0");
      assertThat(rpc.span().getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_UNSET);
    }
    assertThat(client.attribute("server.address")).isEqualTo("127.0.0.1");
    assertThat(client.attribute("server.port")).isEqualTo(Integer.toString(backend.port()));
    assertThat(server.attribute("client.address")).isEqualTo("127.0.0.1");
  }

  @Test
  void serverStreamingCallIsOneTrace() throws Exception {
    assertThat(frontend.get("/list?n=3").body()).isEqualTo("greeting 1,greeting 2,greeting 3");

    List<Received> trace = trace("n=3", 3);
    assertThat(trace).hasSize(3);
    Received root = one(trace, "grpc-frontend", SPAN_KIND_SERVER, "GET /list");
    Received client =
        one(trace, "grpc-frontend", SPAN_KIND_CLIENT, "demo.Greeter/ListGreetings");
    Received server =
        one(trace, "grpc-backend", SPAN_KIND_SERVER, "demo.Greeter/ListGreetings");
    assertThat(client.parentSpanId()).isEqualTo(root.spanId());
    assertThat(server.parentSpanId()).isEqualTo(client.spanId());
    assertThat(server.attribute("rpc.grpc.status_code")).isEqualTo("0");
    assertThat(client.attribute("rpc.grpc.status_code")).isEqualTo("0");
  }

  @Test
  void workInTheHandlerIsAChildOfTheServerSpan() throws Exception {
    assertThat(frontend.get("/hello?name=relay:bob").body()).isEqualTo("relayed hello bob");

    List<Received> trace = trace("name=relay:bob", 5);
    assertThat(trace).hasSize(5);
    List<Received> backendSpans =
        trace.stream().filter(r -> "grpc-backend".equals(r.service())).toList();
    assertThat(backendSpans).hasSize(3);
    Received client =
        one(trace, "grpc-frontend", SPAN_KIND_CLIENT, "demo.Greeter/SayHello");
    Received outer =
        backendSpans.stream()
            .filter(r -> r.parentSpanId().equals(client.spanId()))
            .findFirst()
            .orElseThrow();
    Received nestedClient =
        one(backendSpans, "grpc-backend", SPAN_KIND_CLIENT, "demo.Greeter/SayHello");
    assertThat(outer.span().getKind()).isEqualTo(SPAN_KIND_SERVER);
    assertThat(nestedClient.parentSpanId()).isEqualTo(outer.spanId());
    Received inner =
        backendSpans.stream()
            .filter(r -> r.parentSpanId().equals(nestedClient.spanId()))
            .findFirst()
            .orElseThrow();
    assertThat(inner.span().getKind()).isEqualTo(SPAN_KIND_SERVER);
  }

  @Test
  void errorStatusesAreRecorded() throws Exception {
    assertThat(frontend.get("/hello?name=missing").body()).isEqualTo("NOT_FOUND");
    assertThat(frontend.get("/hello?name=down").body()).isEqualTo("UNAVAILABLE");
    assertThat(frontend.get("/hello?name=boom").body()).isEqualTo("UNKNOWN");

    // NOT_FOUND (5): an error for the client, not a server error
    List<Received> missing = trace("name=missing", 3);
    Received client =
        one(missing, "grpc-frontend", SPAN_KIND_CLIENT, "demo.Greeter/SayHello");
    Received server =
        one(missing, "grpc-backend", SPAN_KIND_SERVER, "demo.Greeter/SayHello");
    assertThat(client.attribute("rpc.grpc.status_code")).isEqualTo("5");
    assertThat(client.span().getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
    assertThat(server.attribute("rpc.grpc.status_code")).isEqualTo("5");
    assertThat(server.span().getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_UNSET);

    // UNAVAILABLE (14): an error on both sides
    List<Received> down = trace("name=down", 3);
    client = one(down, "grpc-frontend", SPAN_KIND_CLIENT, "demo.Greeter/SayHello");
    server = one(down, "grpc-backend", SPAN_KIND_SERVER, "demo.Greeter/SayHello");
    assertThat(client.attribute("rpc.grpc.status_code")).isEqualTo("14");
    assertThat(server.attribute("rpc.grpc.status_code")).isEqualTo("14");
    assertThat(server.attribute("error.type")).isEqualTo("14");
    assertThat(server.span().getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
    assertThat(client.span().getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);

    // a handler that throws: UNKNOWN (2), with the exception on the server span
    List<Received> boom = trace("name=boom", 3);
    server = one(boom, "grpc-backend", SPAN_KIND_SERVER, "demo.Greeter/SayHello");
    assertThat(server.attribute("rpc.grpc.status_code")).isEqualTo("2");
    assertThat(server.attribute("error.type")).isEqualTo("java.lang.IllegalStateException");
    assertThat(server.span().getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
    client = one(boom, "grpc-frontend", SPAN_KIND_CLIENT, "demo.Greeter/SayHello");
    assertThat(client.attribute("rpc.grpc.status_code")).isEqualTo("2");
  }

  @Test
  void nothingFailedToInstrument() {
    assertThat(frontend.stderr()).doesNotContain("could not instrument");
    assertThat(backend.stderr()).doesNotContain("could not instrument");
  }
}
