package io.zeromon.agent.trace.remote;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import io.zeromon.agent.AgentLog;
import io.zeromon.agent.AgentThreads;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code otel.traces.sampler=jaeger_remote}: polls Jaeger's sampling endpoint (HTTP, e.g. a
 * Jaeger v2 on port 5778, {@code /sampling?service=NAME}) on an agent thread and samples by the
 * strategy it serves; while the endpoint is unreachable or answers nonsense, the initial ratio
 * applies. Sampling itself never waits for the network.
 */
public final class JaegerRemoteSampler implements Sampler {

  private final Sampler initial;
  private final String url;
  private final ScheduledExecutorService poller;
  private volatile Sampler current;
  private volatile boolean failing;

  private JaegerRemoteSampler(String endpoint, String serviceName, double initialRatio, long pollMillis) {
    this.initial = SamplingStrategy.ratio(initialRatio);
    this.current = initial;
    this.url = endpoint + (endpoint.contains("?") ? "&" : "?") + "service=" + encode(serviceName);
    this.poller = Executors.newSingleThreadScheduledExecutor(AgentThreads.factory("zeromon-sampling"));
    poller.scheduleWithFixedDelay(this::poll, 0, pollMillis, TimeUnit.MILLISECONDS);
  }

  /** Starts polling at once, then every {@code pollMillis}. */
  public static JaegerRemoteSampler start(
      String endpoint, String serviceName, double initialRatio, long pollMillis) {
    return new JaegerRemoteSampler(endpoint, serviceName, initialRatio, pollMillis);
  }

  private static String encode(String value) {
    try {
      return URLEncoder.encode(value, "UTF-8");
    } catch (IOException e) {
      return value;
    }
  }

  void poll() {
    try {
      current = SamplingStrategy.parse(fetch());
      if (failing) {
        AgentLog.info("sampling strategies from " + url + " are back: " + current.getDescription());
        failing = false;
      }
    } catch (IOException | RuntimeException e) {
      current = initial;
      if (!failing) {
        AgentLog.warn("sampling strategies unavailable from " + url + " (" + e + "); using " + initial.getDescription() + " until they are back");
        failing = true;
      }
    }
  }

  private String fetch() throws IOException {
    HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
    connection.setConnectTimeout(2000);
    connection.setReadTimeout(2000);
    try (InputStream in = connection.getInputStream()) {
      byte[] body = in.readNBytes(1 << 20);
      return new String(body, StandardCharsets.UTF_8);
    } finally {
      connection.disconnect();
    }
  }

  @Override
  public SamplingResult shouldSample(
      Context parentContext,
      String traceId,
      String name,
      SpanKind spanKind,
      Attributes attributes,
      List<LinkData> parentLinks) {
    return current.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
  }

  @Override
  public String getDescription() {
    return "JaegerRemoteSampler{" + url + ", " + current.getDescription() + "}";
  }
}
