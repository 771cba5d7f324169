package io.zeromon.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import io.zeromon.smoke.ReceivedSpans.Received;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End-to-end checks shared by the HTTP-client sample applications (smoke-tests/apps, built on
 * {@code ClientApp}): one child JVM per test class, whose {@code /call} GETs its own {@code /hello}
 * or {@code /fail}, or a closed port, with the client under test in each of its modes; spans
 * decoded by an OTLP receiver in this JVM.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HttpClientTests {

  private static final AtomicInteger IDS = new AtomicInteger();
  final ReceivedSpans spans = new ReceivedSpans();
  private OtlpHttpReceiver receiver;
  AppJvm app;
  private int closedPort;

  /** The sample application's module folder under smoke-tests/apps. */
  abstract String module();

  abstract String mainClass();

  /** The application's {@code /call} modes, each a way of calling with the client under test. */
  abstract List<String> modes();

  /** The {@code error.type} of a refused connection in {@code mode}. */
  abstract String connectionErrorType(String mode);

  AppJvm.Builder configure(AppJvm.Builder builder) {
    return builder;
  }

  @BeforeAll
  void start() throws Exception {
    receiver = new OtlpHttpReceiver(spans);
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    app =
        configure(
                AppJvm.app(module(), mainClass())
                    .property("otel.service.name", module())
                    .property("otel.exporter.otlp.endpoint", receiver.endpoint()))
            .start();
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  @ParameterizedTest
  @MethodSource("modes")
  void callIsServerClientServerInOneTraceWithTheContextInjected(String mode) throws Exception {
    String target = app.baseUrl() + "/hello?from=" + mode;
    List<Received> trace = call(mode, target, "status=200", 3);
    // a second CLIENT span (one client wrapping another) would come with the others
    assertThat(spans.await(sameTrace(trace), 4, 500)).hasSize(3);

    Received root = server(trace, "/call");
    Received client = onlyClient(trace);
    Received downstream = server(trace, "/hello");
    assertThat(root.parentSpanId()).isEmpty();
    assertThat(client.parentSpanId()).isEqualTo(root.spanId());
    // the downstream server read the context the client injected
    assertThat(downstream.parentSpanId()).isEqualTo(client.spanId());
    assertThat(downstream.attribute("url.query")).isEqualTo("from=" + mode);

    assertThat(client.span().getName()).isEqualTo("GET");
    assertThat(client.attribute("http.request.method")).isEqualTo("GET");
    assertThat(client.attribute("url.full")).isEqualTo(target);
    assertThat(client.attribute("server.address")).isEqualTo("127.0.0.1");
    assertThat(client.attribute("server.port")).isEqualTo(Integer.toString(app.port()));
    assertThat(client.attribute("http.response.status_code")).isEqualTo("200");
    assertThat(client.attribute("error.type")).isNull();
    assertThat(client.span().getStatus().getCode()).isEqualTo(StatusCode.STATUS_CODE_UNSET);
    assertThat(client.span().getEndTimeUnixNano())
        .isGreaterThan(client.span().getStartTimeUnixNano());
  }

  @ParameterizedTest
  @MethodSource("modes")
  void serverErrorMarksTheClientSpan(String mode) throws Exception {
    List<Received> trace = call(mode, app.baseUrl() + "/fail", "status=500", 3);

    Received client = onlyClient(trace);
    assertThat(server(trace, "/fail").parentSpanId()).isEqualTo(client.spanId());
    assertThat(client.attribute("http.response.status_code")).isEqualTo("500");
    assertThat(client.attribute("error.type")).isEqualTo("500");
    assertThat(client.span().getStatus().getCode()).isEqualTo(StatusCode.STATUS_CODE_ERROR);
  }

  @ParameterizedTest
  @MethodSource("modes")
  void refusedConnectionMarksTheClientSpan(String mode) throws Exception {
    String target = "http://127.0.0.1:" + closedPort + "/nowhere";
    List<Received> trace = call(mode, target, null, 2);

    Received client = onlyClient(trace);
    assertThat(client.parentSpanId()).isEqualTo(server(trace, "/call").spanId());
    assertThat(client.attribute("url.full")).isEqualTo(target);
    assertThat(client.attribute("server.port")).isEqualTo(Integer.toString(closedPort));
    assertThat(client.attribute("http.response.status_code")).isNull();
    assertThat(client.attribute("error.type")).isEqualTo(connectionErrorType(mode));
    assertThat(client.span().getStatus().getCode()).isEqualTo(StatusCode.STATUS_CODE_ERROR);
  }

  @Test
  void theAgentInstrumentedWithoutErrors() throws Exception {
    call(modes().get(0), app.baseUrl() + "/hello", "status=200", 3);
    assertThat(app.stderr())
        .doesNotContain("could not instrument")
        .doesNotContain("missing from the agent");
  }

  /**
   * GETs {@code /call} in {@code mode} towards {@code target}; checks the answer ({@code null}: the
   * call failed, 502) and returns the trace of that request once it has {@code count} spans.
   */
  List<Received> call(String mode, String target, String expectedBody, int count) throws Exception {
    String id = Integer.toString(IDS.incrementAndGet());
    HttpResponse<String> response =
        app.get(
            "/call?id="
                + id
                + "&mode="
                + mode
                + "&to="
                + URLEncoder.encode(target, StandardCharsets.UTF_8));
    if (expectedBody == null) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(502);
    } else {
      assertThat(response.body()).isEqualTo(expectedBody);
    }
    List<Received> roots =
        spans.await(
            r ->
                r.span().getKind() == SpanKind.SPAN_KIND_SERVER
                    && "/call".equals(r.attribute("http.route"))
                    && String.valueOf(r.attribute("url.query")).startsWith("id=" + id + "&"),
            1,
            20_000);
    assertThat(roots).as("SERVER span of /call " + mode).hasSize(1);
    String traceId = roots.get(0).traceId();
    List<Received> trace = spans.await(r -> r.traceId().equals(traceId), count, 20_000);
    assertThat(trace).as("spans of the trace of /call " + mode).hasSize(count);
    return trace;
  }

  static Predicate<Received> sameTrace(List<Received> trace) {
    String traceId = trace.get(0).traceId();
    return r -> r.traceId().equals(traceId);
  }

  static Received onlyClient(List<Received> trace) {
    List<Received> clients =
        trace.stream().filter(r -> r.span().getKind() == SpanKind.SPAN_KIND_CLIENT).toList();
    assertThat(clients).as("CLIENT spans").hasSize(1);
    return clients.get(0);
  }

  static Received server(List<Received> trace, String route) {
    List<Received> servers =
        trace.stream()
            .filter(r -> r.span().getKind() == SpanKind.SPAN_KIND_SERVER)
            .filter(r -> route.equals(r.attribute("http.route")))
            .toList();
    assertThat(servers).as("SERVER spans of " + route).hasSize(1);
    return servers.get(0);
  }
}
