package io.zeromon.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeromon.smoke.ScenarioApp.Transport;
import io.zeromon.smoke.TraceSpan.Chain;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator evaluating the agent does, end to end, against one back end (the subclasses:
 * {@link ScenariosLocalIT} on this machine, {@link ScenariosDockerIT} in containers): run the
 * sample services with the agent, send requests, find each request's complete trace (every span,
 * parent links, every service) where the spans went, and the metric families through a real
 * Prometheus that scrapes the agents. Five JVMs per class, shared by the scenarios: the edge
 * service is scenario (a) and the head of chain (e), the gRPC pair is (d) and the rest of (e). The
 * agents use the three ways into a Jaeger collector, so chain (e) is one trace assembled from
 * Jaeger Thrift over UDP (edge), OTLP/gRPC (frontend) and OTLP/HTTP (backend). What each library's
 * spans carry in detail is the per-library tests' business, not this one's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class Scenarios {

  static final String EDGE = "edge";
  static final String SPRING = "spring-users";
  static final String TOMCAT = "tomcat-servlets";
  static final String FRONTEND = "grpc-frontend";
  static final String BACKEND = "grpc-backend";
  private static final String GRPC_METHOD = "demo.Greeter/SayHello";
  private static final String GRPC = "io.zeromon.smoke.apps.grpc.";
  private static final long WAIT = 30_000;

  private Backend backend;
  private PrometheusServer prometheus;
  private Backend.App edge;
  private Backend.App spring;
  private Backend.App tomcat;
  private Backend.App frontend;

  /** The back end of this run; it stops whatever it starts. */
  abstract Backend openBackend(Path dir) throws Exception;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    backend = openBackend(dir);
    prometheus = backend.scrape(List.of(EDGE, SPRING, TOMCAT, FRONTEND, BACKEND));
    // a chain starts from its last service; the others start beside it
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Backend.App> springApp = pool.submit(() -> backend.start(springApp()));
      Future<Backend.App> tomcatApp = pool.submit(() -> backend.start(tomcatApp()));
      backend.start(
          ScenarioApp.of(BACKEND, "grpc-newest", GRPC + "GrpcBackendApp", Transport.OTLP_HTTP));
      frontend =
          backend.start(
              ScenarioApp.of(FRONTEND, "grpc-newest", GRPC + "GrpcFrontendApp", Transport.OTLP_GRPC)
                  .property("app.backend", "{" + BACKEND + "}"));
      edge =
          backend.start(
              ScenarioApp.of(
                      EDGE, null, "io.zeromon.smoke.apps.HttpServerApp", Transport.JAEGER_UDP)
                  .property("app.downstream", "http://{" + FRONTEND + "}"));
      spring = springApp.get(3, TimeUnit.MINUTES);
      tomcat = tomcatApp.get(3, TimeUnit.MINUTES);
    } finally {
      // every start ends (bounded) before the back end may be closed: no JVM left behind
      pool.shutdown();
      pool.awaitTermination(3, TimeUnit.MINUTES);
    }
  }

  private static ScenarioApp springApp() {
    return ScenarioApp.of(
            SPRING, "spring-boot3", "io.zeromon.apps.spring.SpringWebApp", Transport.OTLP_HTTP)
        .listenProperties("server.address", "server.port");
  }

  private static ScenarioApp tomcatApp() {
    return ScenarioApp.of(
        TOMCAT, "tomcat11", "io.zeromon.apps.tomcat11.Tomcat11App", Transport.OTLP_HTTP);
  }

  @AfterAll
  void stop() throws Exception {
    if (backend != null) {
      backend.close();
    }
  }

  @Test
  void jdkHttpServerService() throws Exception {
    request(edge, "/hello", "hello", new Chain().server(EDGE, "GET /hello"));
    assertScraped(EDGE, "http_server_request_duration_seconds_count{http_route=\"/hello\"}");
  }

  @Test
  void springBootWebService() throws Exception {
    request(spring, "/users/42", "user 42", new Chain().server(SPRING, "GET /users/{id}"));
    assertScraped(SPRING, "http_server_request_duration_seconds_count{http_route=\"/users/{id}\"}");
  }

  @Test
  void servletAppOnTomcat() throws Exception {
    Chain chain =
        new Chain()
            .server(TOMCAT, "GET /app/call")
            .client(TOMCAT, "GET")
            .server(TOMCAT, "GET /app/plain");
    request(tomcat, "/app/call", "call -> plain", chain);
    assertScraped(
        TOMCAT,
        "http_server_request_duration_seconds_count{http_route=\"/app/call\"}",
        "http_client_request_duration_seconds_count");
  }

  @Test
  void grpcPair() throws Exception {
    Chain chain =
        new Chain()
            .server(FRONTEND, "GET /hello")
            .client(FRONTEND, GRPC_METHOD)
            .server(BACKEND, GRPC_METHOD);
    Sent sent = request(frontend, "/hello?name=scenario", "hello scenario", chain);
    // the same trace, whole, from its other service
    chain.assertMatches(backend.awaitTrace(BACKEND, sent.traceId, chain.size(), WAIT), sent.spanId);
    assertScraped(
        FRONTEND,
        "http_server_request_duration_seconds_count{http_route=\"/hello\"}",
        "rpc_client_call_duration_seconds_count{rpc_method=\"SayHello\"}");
    assertScraped(
        BACKEND,
        "rpc_server_call_duration_seconds_count{rpc_service=\"demo.Greeter\",rpc_method=\"SayHello\"}");
  }

  @Test
  void chainOverHttpThenGrpc() throws Exception {
    Chain chain =
        new Chain()
            .server(EDGE, "GET /chain")
            .client(EDGE, "GET")
            .server(FRONTEND, "GET /hello")
            .client(FRONTEND, GRPC_METHOD)
            .server(BACKEND, GRPC_METHOD);
    Sent sent = request(edge, "/chain", "chain -> hello world", chain);
    // the same trace, whole, from its other end
    chain.assertMatches(backend.awaitTrace(BACKEND, sent.traceId, chain.size(), WAIT), sent.spanId);
    assertScraped(
        EDGE,
        "http_server_request_duration_seconds_count{http_route=\"/chain\"}",
        "http_client_request_duration_seconds_count");
  }

  /**
   * Sends a GET in a trace of its own (the test is the caller) and asserts that the trace, found
   * from the called service, is exactly {@code chain}.
   */
  private Sent request(Backend.App app, String path, String body, Chain chain) throws Exception {
    String traceId = TraceIds.traceId();
    String callerSpanId = TraceIds.spanId();
    HttpResponse<String> response =
        app.get(path, "traceparent", TraceIds.traceparent(traceId, callerSpanId));
    assertThat(response.statusCode()).as(app.service + path).isEqualTo(200);
    assertThat(response.body()).isEqualTo(body);
    List<TraceSpan> trace = backend.awaitTrace(app.service, traceId, chain.size(), WAIT);
    chain.assertMatches(trace, callerSpanId);
    return new Sent(traceId, callerSpanId);
  }

  /** The trace of a request, and the caller's span (the test's traceparent) it hangs from. */
  private record Sent(String traceId, String spanId) {}

  /** Prometheus scrapes the service's agent: up, JVM, agent health, and the given RED series. */
  private void assertScraped(String service, String... red) throws Exception {
    String job = "job=\"" + service + "\"";
    assertThat(prometheus.awaitSeries("up{" + job + "} == 1", WAIT)).as(service + " up").hasSize(1);
    List<String> queries =
        new ArrayList<>(
            List.of(
                "jvm_memory_used_bytes{" + job + ",area=\"heap\"}",
                "jvm_threads_current{" + job + "}",
                "zeromon_instrumentation_enabled{" + job + "}",
                "zeromon_spans_exported_total{" + job + "} > 0"));
    for (String series : red) {
      int brace = series.indexOf('{');
      queries.add(
          brace < 0
              ? series + "{" + job + "} > 0"
              : series.substring(0, brace + 1) + job + "," + series.substring(brace + 1) + " > 0");
    }
    for (String query : queries) {
      assertThat(prometheus.awaitSeries(query, WAIT)).as(query).isNotEmpty();
    }
  }
}
