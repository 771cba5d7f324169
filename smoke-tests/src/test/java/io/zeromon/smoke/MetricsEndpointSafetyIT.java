package io.zeromon.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metrics endpoint cannot hurt the application: taken port, wrong password, slow clients. */
class MetricsEndpointSafetyIT {

  private static final String APP = "io.zeromon.smoke.apps.HttpServerApp";

  @Test
  void aTakenPortGetsOneWarningAndTheApplicationServes() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress("127.0.0.1", 0));
      try (AppJvm app =
          AppJvm.builder(APP)
              .property("otel.traces.exporter", "none")
              .property("otel.metrics.exporter", "prometheus")
              .property("otel.exporter.prometheus.host", "127.0.0.1")
              .property("otel.exporter.prometheus.port", Integer.toString(taken.getLocalPort()))
              .start()) {
        assertThat(app.get("/hello").statusCode()).isEqualTo(200);
        assertThat(app.stderr().lines().filter(l -> l.contains("metrics endpoint not started")))
            .hasSize(1);
        assertThat(app.stderr()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
      }
    }
  }

  @Test
  void basicAuthRejectsAWrongPasswordAndSlowClientsCannotStopTheApplication() throws Exception {
    try (AppJvm app =
        AppJvm.builder(APP)
            .withMetrics()
            .property("otel.traces.exporter", "none")
            .property("zeromon.metrics.basic-auth.user", "prom")
            .property("zeromon.metrics.basic-auth.password", "s3cret")
            .start()) {
      String url = app.metricsUrl();
      assertThat(MetricsIT.scrape(url).statusCode()).isEqualTo(401);
      assertThat(MetricsIT.scrape(url, "Authorization", basic("prom", "wrong")).statusCode())
          .isEqualTo(401);
      HttpResponse<String> ok = MetricsIT.scrape(url, "Authorization", basic("prom", "s3cret"));
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.body()).contains("jvm_threads_current");

      // 60 connections that never send a request: they can hold the endpoint's two workers and
      // fill its queue for the read timeout, no more; the application serves throughout
      List<Socket> slow = new ArrayList<>();
      try {
        for (int i = 0; i < 60; i++) {
          slow.add(new Socket("127.0.0.1", app.metricsPort()));
        }
        for (int i = 0; i < 20; i++) {
          assertThat(app.get("/hello").statusCode()).isEqualTo(200);
        }
        int threads = countMetricsThreads(app.pid());
        assertThat(threads).isBetween(1, 3);
      } finally {
        for (Socket socket : slow) {
          socket.close();
        }
      }
      String metrics = MetricsIT.scrape(url, "Authorization", basic("prom", "s3cret")).body();
      assertThat(metrics).containsPattern("zeromon_metrics_http_rejected_total [1-9]");
    }
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
  }

  /** Threads of the child JVM named zeromon-metrics-http-*, read with jcmd Thread.print. */
  private static int countMetricsThreads(long pid) throws Exception {
    String jcmd = AppJvm.javaBinary().replace("/bin/java", "/bin/jcmd");
    Process process = new ProcessBuilder(jcmd, Long.toString(pid), "Thread.print").start();
    String dump = new String(process.getInputStream().readAllBytes());
    process.waitFor();
    return (int) dump.lines().filter(l -> l.startsWith("\"zeromon-metrics-http-")).count();
  }
}
