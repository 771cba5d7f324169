package io.zeromon.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.trace.v1.Span;
import io.zeromon.smoke.ReceivedSpans.Received;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The trace context across thread hand-offs (instrumentation {@code executors}), with the sample
 * application of {@code apps/executors}: each endpoint makes its outbound call on another thread,
 * and the CLIENT span must be the child of the SERVER span of the request that handed the work
 * over. Also: tasks keep their identity where the application sees them again, nothing is kept of
 * tasks that never ran, the switch, a failing bridge, and the cost of {@code execute} (printed).
 */
class ExecutorsIT {

  private static final String MODULE = "executors";
  private static final String APP = "io.zeromon.smoke.apps.executors.ExecutorsApp";
  private static final List<String> HAND_OFFS =
      List.of(
          "/pool-execute",
          "/pool-submit",
          "/scheduled",
          "/supply-async",
          "/then-apply-async",
          "/fork-join-submit",
          "/fork-join-task");
  private static final List<String> VIRTUAL_THREADS =
      List.of("/virtual-start", "/virtual-executor");
  private static final ReceivedSpans SPANS = new ReceivedSpans();
  private static OtlpHttpReceiver receiver;
  private static AppJvm app;

  @BeforeAll
  static void start() throws Exception {
    receiver = new OtlpHttpReceiver(SPANS);
    app = traced("executors").start();
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {app, receiver}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception ignored) {
        // the other one still has to stop
      }
    }
  }

  private static AppJvm.Builder traced(String service) {
    return AppJvm.app(MODULE, APP)
        .property("otel.service.name", service)
        .property("otel.exporter.otlp.endpoint", receiver.endpoint());
  }

  private static boolean virtualThreads(AppJvm jvm) {
    return Integer.parseInt(jvm.checks().get("feature")) >= 21;
  }

  private static Predicate<Received> server(String service, String route) {
    return r ->
        service.equals(r.service())
            && r.span().getKind() == Span.SpanKind.SPAN_KIND_SERVER
            && route.equals(r.attribute("http.route"));
  }

  /** The CLIENT span of the call to {@code /hello} made for the request on {@code route}. */
  private static Received clientOf(String service, String route, AppJvm jvm) throws Exception {
    assertThat(jvm.get(route).body()).as(route).isEqualTo("hello");
    Received server = SPANS.await(server(service, route), 1, 20_000).get(0);
    assertThat(server.span().getName()).isEqualTo("GET " + route);
    return clientIn(service, jvm, server.traceId(), route);
  }

  private static Received clientIn(String service, AppJvm jvm, String traceId, String route)
      throws InterruptedException {
    Predicate<Received> client =
        r ->
            service.equals(r.service())
                && r.span().getKind() == Span.SpanKind.SPAN_KIND_CLIENT
                && (jvm.baseUrl() + "/hello").equals(r.attribute("url.full"));
    List<Received> found = SPANS.await(client.and(r -> r.traceId().equals(traceId)), 1, 20_000);
    assertThat(found).as("CLIENT span of " + route).hasSize(1);
    return found.get(0);
  }

  @Test
  void everyHandOffCarriesTheContextOfTheRequestThatHandedItOver() throws Exception {
    List<String> paths = new ArrayList<>(List.of("/sync"));
    paths.addAll(HAND_OFFS);
    if (virtualThreads(app)) {
      paths.addAll(VIRTUAL_THREADS);
    }
    for (String path : paths) {
      Received client = clientOf("executors", path, app);
      Received server = SPANS.matching(server("executors", path)).get(0);
      assertThat(client.parentSpanId()).as(path).isEqualTo(server.spanId());
      assertThat(client.span().getName()).isEqualTo("GET");
      assertThat(client.attribute("http.response.status_code")).isEqualTo("200");
      // and the trace goes on into the called endpoint
      Received hello =
          SPANS.await(
                  server("executors", "/hello")
                      .and(r -> r.parentSpanId().equals(client.spanId())),
                  1,
                  20_000)
              .get(0);
      assertThat(hello.traceId()).isEqualTo(server.traceId());
    }
    assertThat(app.stderr()).doesNotContain("could not instrument");
  }

  @Test
  void aPeriodicTaskOutlivesTheRequestAndStartsItsOwnTrace() throws Exception {
    assertThat(app.get("/periodic").body()).isEqualTo("hello");
    SPANS.await(server("executors", "/periodic"), 1, 20_000);
    assertThat(rootClient("executors", app).parentSpanId()).isEmpty();
  }

  @Test
  void theApplicationGetsItsOwnTasksBack() throws Exception {
    assertThat(app.checks()).containsEntry("outside-trace-same-instance", "true");
    Map<String, String> answers = answers(app.get("/identity"));
    assertThat(answers)
        .containsEntry("execute-runs", "true")
        .containsEntry("queued-in-trace-as-wrapper", "true")
        .containsEntry("hooks-see-a-wrapper-of-the-task", "true")
        .containsEntry("hooks-get-the-future", "true")
        .containsEntry("rejection-handler-gets-the-task", "true")
        .containsEntry("remove-finds-the-task", "true")
        .containsEntry("shutdown-now-returns-the-task", "true")
        .containsEntry("priority-queue-runs", "true");
  }

  @Test
  void nothingIsKeptOfTasksThatNeverRan() throws Exception {
    Map<String, String> leak = answers(app.get("/leak"));
    assertThat(SPANS.await(server("executors", "/leak"), 1, 20_000)).hasSize(1);
    String all = "200/200";
    assertThat(leak)
        .containsEntry("rejected", all)
        .containsEntry("supply-async-rejected", all)
        .containsEntry("cancelled", all)
        .containsEntry("removed", all)
        .containsEntry("cancelled-while-queued-cleared", all)
        .containsEntry("fork-join-rejected", all);
    assertThat(answers(app.get("/leak-check"))).containsEntry("cleared", "1000/1000");
    SPANS.await(server("executors", "/leak-check"), 1, 20_000);

    // and in the agent: no wrapper, no attached context, no span object once spans are exported
    Map<String, Long> live = Map.of();
    for (int attempt = 0; attempt < 10; attempt++) {
      live = liveInstances(app);
      if (live.isEmpty()) {
        break;
      }
      Thread.sleep(500);
    }
    assertThat(live).isEmpty();
  }

  /** Live instances (after a full GC) of the agent's wrappers, attached keys and spans. */
  private static Map<String, Long> liveInstances(AppJvm jvm)
      throws IOException, InterruptedException {
    Path jcmd = Paths.get(AppJvm.javaBinary()).getParent().resolve("jcmd");
    Process process =
        new ProcessBuilder(jcmd.toString(), Long.toString(jvm.pid()), "GC.class_histogram")
            .redirectErrorStream(true)
            .start();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    Map<String, Long> live = new TreeMap<>();
    for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
      String[] columns = line.trim().split("\\s+");
      if (columns.length >= 4
          && (columns[3].endsWith("ContextCarrier$ContextRunnable")
              || columns[3].endsWith("ContextCarrier$ContextCallable")
              || columns[3].endsWith("AttachedHandles$WeakKey")
              || columns[3].endsWith("opentelemetry.sdk.trace.SdkSpan"))) {
        live.put(columns[3], Long.parseLong(columns[1]));
      }
    }
    return live;
  }

  @Test
  void switchedOffTheHandedOverCallStartsItsOwnTrace() throws Exception {
    try (AppJvm off =
        traced("executors-off")
            .property("otel.instrumentation.executors.enabled", "false")
            .start()) {
      Received sync = clientOf("executors-off", "/sync", off);
      Received server = SPANS.matching(server("executors-off", "/sync")).get(0);
      assertThat(sync.parentSpanId()).isEqualTo(server.spanId());

      assertThat(off.get("/pool-execute").body()).isEqualTo("hello");
      SPANS.await(server("executors-off", "/pool-execute"), 1, 20_000);
      Received root = rootClient("executors-off", off);
      assertThat(root.parentSpanId()).isEmpty();
      assertThat(off.stderr()).contains("instrumentations").doesNotContain(",executors");
    }
  }

  /** The one CLIENT span of {@code service} that has no parent. */
  private static Received rootClient(String service, AppJvm jvm) throws InterruptedException {
    List<Received> roots =
        SPANS.await(
            r ->
                service.equals(r.service())
                    && r.span().getKind() == Span.SpanKind.SPAN_KIND_CLIENT
                    && (jvm.baseUrl() + "/hello").equals(r.attribute("url.full"))
                    && r.parentSpanId().isEmpty(),
            1,
            20_000);
    assertThat(roots).hasSize(1);
    return roots.get(0);
  }

  @Test
  void aFailingBridgeNeverReachesTheApplicationsTasks() throws Exception {
    try (AppJvm failing =
        traced("executors-failing").property("zeromon.testing.bridge-failure", "true").start()) {
      List<String> paths = new ArrayList<>(HAND_OFFS);
      if (virtualThreads(failing)) {
        paths.addAll(VIRTUAL_THREADS);
      }
      for (String path : paths) {
        assertThat(failing.get(path).body()).as(path).isEqualTo("hello");
      }
      assertThat(answers(failing.get("/identity"))).containsEntry("execute-runs", "true");
      assertThat(answers(failing.get("/leak"))).containsEntry("rejected", "200/200");
      assertThat(failing.stderr()).doesNotContain("Exception");
    }
  }

  @Test
  void theCostOfExecuteIsPrinted() throws Exception {
    // the second run of each is reported: the first warms the JIT up
    answers(app.get("/bench"));
    Map<String, String> withAgent = answers(app.get("/bench"));
    Map<String, String> without;
    try (AppJvm plain = AppJvm.app(MODULE, APP).withoutAgent().start()) {
      answers(plain.get("/bench"));
      without = answers(plain.get("/bench"));
    }
    System.out.println("[executors bench, ns per hand-over] with the agent: " + withAgent);
    System.out.println("[executors bench, ns per hand-over] without the agent: " + without);
    assertThat(withAgent).containsKey("execute-ns");
    assertThat(without).containsKey("execute-ns");
  }

  private static Map<String, String> answers(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Map<String, String> answers = new TreeMap<>();
    for (String line : response.body().split("\n")) {
      String[] kv = line.split("=", 2);
      if (kv.length == 2) {
        answers.put(kv[0], kv[1]);
      }
    }
    return answers;
  }
}
