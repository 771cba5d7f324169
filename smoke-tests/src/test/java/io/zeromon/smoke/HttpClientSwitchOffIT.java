package io.zeromon.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.zeromon.smoke.ReceivedSpans.Received;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code otel.instrumentation.okhttp.enabled=false} and {@code
 * otel.instrumentation.apache-httpclient.enabled=false}: the client makes no span and injects no
 * context, while the JDK server instrumentation of the same application still makes its spans.
 */
class HttpClientSwitchOffIT {

  private static final ReceivedSpans SPANS = new ReceivedSpans();
  private static final AtomicInteger IDS = new AtomicInteger();
  private static OtlpHttpReceiver receiver;
  private static AppJvm okhttp;
  private static AppJvm apache;

  @BeforeAll
  static void start() throws Exception {
    receiver = new OtlpHttpReceiver(SPANS);
    okhttp =
        AppJvm.app("okhttp5", "io.zeromon.smoke.apps.okhttp.OkHttpApp")
            .property("otel.service.name", "okhttp-off")
            .property("otel.exporter.otlp.endpoint", receiver.endpoint())
            .property("otel.instrumentation.okhttp.enabled", "false")
            .start();
    apache =
        AppJvm.app("apache5", "io.zeromon.smoke.apps.apache5.Apache5App")
            .property("otel.service.name", "apache-off")
            .property("otel.exporter.otlp.endpoint", receiver.endpoint())
            .property("otel.instrumentation.apache-httpclient.enabled", "false")
            .start();
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {okhttp, apache, receiver}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception ignored) {
        // the others are still closed
      }
    }
  }

  @Test
  void okhttpSwitchedOffMakesNoClientSpanAndInjectsNothing() throws Exception {
    for (String mode : List.of("sync", "async")) {
      assertUntraced(okhttp, "okhttp-off", mode);
    }
  }

  @Test
  void apacheHttpClientSwitchedOffMakesNoClientSpanAndInjectsNothing() throws Exception {
    for (String mode : List.of("sync", "async")) {
      assertUntraced(apache, "apache-off", mode);
    }
  }

  private static void assertUntraced(AppJvm app, String service, String mode) throws Exception {
    String id = Integer.toString(IDS.incrementAndGet());
    String target = app.baseUrl() + "/hello?off=" + id;
    assertThat(
            app.get(
                    "/call?id="
                        + id
                        + "&mode="
                        + mode
                        + "&to="
                        + URLEncoder.encode(target, StandardCharsets.UTF_8))
                .body())
        .isEqualTo("status=200");

    Received root = await(service, "/call", "id=" + id + "&");
    Received downstream = await(service, "/hello", "off=" + id);
    // nothing was injected: the downstream request starts a trace of its own
    assertThat(downstream.parentSpanId()).isEmpty();
    assertThat(downstream.traceId()).isNotEqualTo(root.traceId());
    assertThat(SPANS.await(r -> r.traceId().equals(root.traceId()), 2, 300)).hasSize(1);
    assertThat(
            SPANS.matching(
                r ->
                    service.equals(r.service()) && r.span().getKind() == SpanKind.SPAN_KIND_CLIENT))
        .as(service + " CLIENT spans")
        .isEmpty();
  }

  private static Received await(String service, String route, String queryPrefix)
      throws InterruptedException {
    List<Received> found =
        SPANS.await(
            r ->
                service.equals(r.service())
                    && r.span().getKind() == SpanKind.SPAN_KIND_SERVER
                    && route.equals(r.attribute("http.route"))
                    && String.valueOf(r.attribute("url.query")).startsWith(queryPrefix),
            1,
            20_000);
    assertThat(found).as(service + " SERVER span of " + route).hasSize(1);
    return found.get(0);
  }
}
