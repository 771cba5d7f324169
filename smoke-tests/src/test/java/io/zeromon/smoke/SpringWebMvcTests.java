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
 * A Spring Boot web application (smoke-tests/apps/spring-boot*, one source) with the built agent:
 * the servlet span takes its route from Spring's handler mapping. One JVM per subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SpringWebMvcTests {

  private final ReceivedSpans spans = new ReceivedSpans();
  private OtlpHttpReceiver receiver;
  private AppJvm app;

  /** The module folder under smoke-tests/apps. */
  abstract String module();

  @BeforeAll
  void start() throws Exception {
    receiver = new OtlpHttpReceiver(spans);
    app =
        AppJvm.app(module(), "io.zeromon.apps.spring.SpringWebApp")
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

  /** Sends a GET in a trace of its own; returns the trace's only span (a SERVER span). */
  private Received onlyServerSpan(String path, int status) throws Exception {
    String traceId = TraceIds.traceId();
    HttpResponse<String> response =
        app.get(path, "traceparent", TraceIds.traceparent(traceId, TraceIds.spanId()));
    assertThat(response.statusCode()).as(path).isEqualTo(status);
    assertThat(spans.await(r -> r.traceId().equals(traceId), 1, 20_000)).as(path).isNotEmpty();
    Thread.sleep(400); // a second span for the request (an error dispatch, say) would be here
    List<Received> found = spans.matching(r -> r.traceId().equals(traceId));
    assertThat(found).as(path).hasSize(1);
    assertThat(found.get(0).span().getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
    return found.get(0);
  }

  @Test
  void routeIsTheHandlersPattern() throws Exception {
    Received user = onlyServerSpan("/users/42", 200);
    assertThat(user.span().getName()).isEqualTo("GET /users/{id}");
    assertThat(user.attribute("http.route")).isEqualTo("/users/{id}");
    assertThat(user.attribute("url.path")).isEqualTo("/users/42");
    assertThat(user.attribute("http.response.status_code")).isEqualTo("200");
    assertThat(user.span().getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_UNSET);
  }

  @Test
  void asyncHandlerKeepsItsRouteAndOneSpan() throws Exception {
    Received later = onlyServerSpan("/users/7/later", 200);
    assertThat(later.span().getName()).isEqualTo("GET /users/{id}/later");
    assertThat(later.attribute("url.path")).isEqualTo("/users/7/later");
    assertThat(later.attribute("http.response.status_code")).isEqualTo("200");
    long nanos = later.span().getEndTimeUnixNano() - later.span().getStartTimeUnixNano();
    assertThat(nanos).isGreaterThanOrEqualTo(100_000_000L); // the handler's own sleep
  }

  @Test
  void unhandledExceptionIsAnErrorSpanWith500AndItsRoute() throws Exception {
    Received boom = onlyServerSpan("/boom", 500);
    assertThat(boom.span().getName()).isEqualTo("GET /boom");
    assertThat(boom.attribute("http.response.status_code")).isEqualTo("500");
    assertThat(boom.attribute("error.type")).isEqualTo("java.lang.IllegalStateException");
    assertThat(boom.span().getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
  }

  @Test
  void exceptionSpringHandlesKeepsTheStatusItAnswered() throws Exception {
    Received conflict = onlyServerSpan("/conflict", 409);
    assertThat(conflict.span().getName()).isEqualTo("GET /conflict");
    assertThat(conflict.attribute("http.response.status_code")).isEqualTo("409");
    assertThat(conflict.attribute("error.type")).isNull();
    assertThat(conflict.span().getStatus().getCode())
        .isEqualTo(Status.StatusCode.STATUS_CODE_UNSET);
  }
}
