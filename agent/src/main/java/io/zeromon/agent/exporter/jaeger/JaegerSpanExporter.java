package io.zeromon.agent.exporter.jaeger;

import io.jaegertracing.thriftjava.Span;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** Sends spans as Jaeger Thrift: to a Jaeger agent over UDP, or to a collector over HTTP. */
public final class JaegerSpanExporter implements SpanExporter {

  private final JaegerExporterSettings settings;
  private final JaegerCounters counters = new JaegerCounters();
  private final ProcessMapper processes = new ProcessMapper();
  private final JaegerSender sender;
  private final AtomicBoolean shutdown = new AtomicBoolean();

  /**
   * Never fails on the network: for UDP the socket is opened and the agent's host resolved on the
   * first export (on the exporter's thread, not at start-up).
   */
  public JaegerSpanExporter(JaegerExporterSettings settings) {
    this.settings = settings;
    if (settings.isHttp()) {
      this.sender = new HttpSender(settings, counters);
    } else {
      boolean compact = JaegerExporterSettings.UDP_COMPACT.equals(settings.protocol());
      this.sender = new UdpSender(settings.agentHost(), settings.agentPort(), compact, counters);
    }
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    if (shutdown.get()) {
      counters.droppedError.add(spans.size());
      return CompletableResultCode.ofFailure();
    }
    Map<Resource, List<Span>> byResource = map(spans);
    int mapped = 0;
    List<CompletableResultCode> results = new ArrayList<>(byResource.size() + 1);
    for (Map.Entry<Resource, List<Span>> entry : byResource.entrySet()) {
      mapped += entry.getValue().size();
      try {
        results.add(sender.send(processes.process(entry.getKey()), entry.getValue()));
      } catch (RuntimeException e) {
        counters.droppedError.add(entry.getValue().size());
        results.add(CompletableResultCode.ofExceptionalFailure(e));
      }
    }
    if (mapped < spans.size()) {
      counters.droppedError.add(spans.size() - mapped);
      results.add(CompletableResultCode.ofFailure());
    }
    return results.size() == 1 ? results.get(0) : CompletableResultCode.ofAll(results);
  }

  /** Jaeger spans by resource (an SDK has one; an exporter may be shared); bad spans left out. */
  private static Map<Resource, List<Span>> map(Collection<SpanData> spans) {
    Map<Resource, List<Span>> byResource = new LinkedHashMap<>(2);
    Resource resource = null;
    List<Span> group = null;
    for (SpanData data : spans) {
      try {
        Span span = SpanMapper.map(data);
        if (data.getResource() != resource) {
          resource = data.getResource();
          group = byResource.computeIfAbsent(resource, r -> new ArrayList<>());
        }
        group.add(span);
      } catch (RuntimeException e) {
        // counted by the caller
      }
    }
    return byResource;
  }

  @Override
  public CompletableResultCode flush() {
    return sender.flush();
  }

  @Override
  public CompletableResultCode shutdown() {
    if (!shutdown.compareAndSet(false, true)) {
      return CompletableResultCode.ofSuccess();
    }
    return sender.shutdown();
  }

  /** For the agent's start-up line, e.g. {@code Jaeger udp/thrift.compact localhost:6831}. */
  public String describe() {
    return settings.describe();
  }

  /** Spans delivered: sent in a UDP packet, or accepted by the collector (HTTP 2xx). */
  public long spansSent() {
    return counters.spansSent.sum();
  }

  /** UDP packets sent, or HTTP requests the collector accepted. */
  public long packetsSent() {
    return counters.packetsSent.sum();
  }

  /** Spans dropped because their encoding alone exceeds one UDP packet (65,000 bytes). */
  public long spansDroppedTooLarge() {
    return counters.droppedTooLarge.sum();
  }

  /** Spans dropped because the UDP socket's send buffer was full (the exporter never waits). */
  public long spansDroppedSocket() {
    return counters.droppedSocket.sum();
  }

  /** Spans dropped on encoding, I/O or HTTP errors, or exported after shutdown. */
  public long spansDroppedError() {
    return counters.droppedError.sum();
  }

  @Override
  public String toString() {
    return "JaegerSpanExporter{" + settings.describe() + "}";
  }
}
