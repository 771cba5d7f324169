package io.zeromon.smoke;

import io.jaegertracing.thriftjava.Batch;
import io.jaegertracing.thriftjava.Tag;
import io.zeromon.smoke.ReceivedSpans.Received;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scenarios on this machine, as CI runs them: each application a child JVM with the built
 * agent; spans into receivers in the test JVM that decode with the real protocol libraries (OTLP
 * over HTTP and gRPC with opentelemetry-proto, Jaeger Thrift compact over UDP with libthrift);
 * Debian's {@code prometheus} scraping every agent's endpoint.
 */
final class LocalBackend implements Backend {

  private final Path dir;
  private final ReceivedSpans otlp = new ReceivedSpans();
  private final OtlpHttpReceiver otlpHttp;
  private final OtlpGrpcReceiver otlpGrpc;
  private final JaegerReceivers jaeger;
  private final Map<String, AppJvm> jvms = new LinkedHashMap<>();
  private final Map<String, Integer> metricsPorts = new ConcurrentHashMap<>();
  private PrometheusServer prometheus;

  LocalBackend(Path dir) throws Exception {
    this.dir = dir;
    otlpHttp = new OtlpHttpReceiver(otlp);
    otlpGrpc = new OtlpGrpcReceiver(otlp);
    jaeger = new JaegerReceivers();
  }

  @Override
  public App start(ScenarioApp app) throws Exception {
    AppJvm.Builder builder =
        app.module == null ? AppJvm.builder(app.mainClass) : AppJvm.app(app.module, app.mainClass);
    builder.withMetrics().property("otel.service.name", app.service);
    app.transport
        .settings(otlpHttp.endpoint(), otlpGrpc.endpoint(), "127.0.0.1", jaeger.udpPort())
        .forEach(builder::property);
    app.properties(this::address).forEach(builder::property);
    Integer metricsPort = metricsPorts.get(app.service);
    if (metricsPort != null) {
      builder.property("otel.exporter.prometheus.port", metricsPort.toString());
    }
    AppJvm jvm = builder.start();
    synchronized (jvms) {
      jvms.put(app.service, jvm);
    }
    return new App(app.service, jvm.baseUrl());
  }

  @Override
  public String address(String service) {
    synchronized (jvms) {
      return "127.0.0.1:" + jvms.get(service).port();
    }
  }

  @Override
  public PrometheusServer scrape(List<String> services) throws Exception {
    Map<String, List<String>> jobs = new LinkedHashMap<>();
    for (String service : services) {
      // the agents' ports are chosen now, as PrometheusServer chooses its own
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        metricsPorts.put(service, socket.getLocalPort());
        jobs.put(service, List.of("127.0.0.1:" + socket.getLocalPort()));
      }
    }
    prometheus = PrometheusServer.start(dir, jobs);
    return prometheus;
  }

  @Override
  public List<TraceSpan> awaitTrace(String service, String traceId, int count, long millis)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    List<TraceSpan> trace = spans(traceId);
    while (!(trace.size() >= count && hasService(trace, service))
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
      trace = spans(traceId);
    }
    return hasService(trace, service) ? trace : List.of();
  }

  private static boolean hasService(List<TraceSpan> trace, String service) {
    return trace.stream().anyMatch(s -> s.service().equals(service));
  }

  /** What the OTLP and the Jaeger receivers got of one trace. */
  private List<TraceSpan> spans(String traceId) {
    List<TraceSpan> spans = new ArrayList<>();
    for (Received r : otlp.matching(r -> r.traceId().equals(traceId))) {
      String kind = r.span().getKind().name().replace("SPAN_KIND_", "").toLowerCase(Locale.ROOT);
      spans.add(new TraceSpan(r.service(), kind, r.span().getName(), r.spanId(), r.parentSpanId()));
    }
    for (Batch batch : jaeger.batches()) {
      for (io.jaegertracing.thriftjava.Span s : batch.getSpans()) {
        if (traceId.equals(String.format("%016x%016x", s.getTraceIdHigh(), s.getTraceIdLow()))) {
          String parent =
              s.getParentSpanId() == 0 ? "" : String.format("%016x", s.getParentSpanId());
          spans.add(
              new TraceSpan(
                  batch.getProcess().getServiceName(),
                  kind(s.getTags()),
                  s.getOperationName(),
                  String.format("%016x", s.getSpanId()),
                  parent));
        }
      }
    }
    return spans;
  }

  private static String kind(List<Tag> tags) {
    if (tags != null) {
      for (Tag tag : tags) {
        if ("span.kind".equals(tag.getKey())) {
          return tag.getVStr();
        }
      }
    }
    return "internal";
  }

  @Override
  public void close() throws Exception {
    try {
      if (prometheus != null) {
        prometheus.close();
      }
    } finally {
      synchronized (jvms) {
        jvms.values().forEach(AppJvm::close);
      }
      otlpHttp.close();
      otlpGrpc.close();
      jaeger.close();
    }
  }
}
