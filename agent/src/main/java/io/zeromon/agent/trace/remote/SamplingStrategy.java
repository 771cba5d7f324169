package io.zeromon.agent.trace.remote;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One strategy served by Jaeger's sampling endpoint, as a sampler: per-operation ratios with a
 * default, a single ratio, or a rate limit. Built from the endpoint's JSON; never throws on odd
 * documents (unknown parts are ignored, a useless document is rejected by {@link #parse}).
 */
final class SamplingStrategy implements Sampler {

  private final Sampler fallback;
  private final Map<String, Sampler> perOperation;
  private final String description;

  private SamplingStrategy(Sampler fallback, Map<String, Sampler> perOperation, String description) {
    this.fallback = fallback;
    this.perOperation = perOperation;
    this.description = description;
  }

  static SamplingStrategy ratio(double ratio) {
    return new SamplingStrategy(Sampler.traceIdRatioBased(ratio), Collections.emptyMap(), "ratio " + ratio);
  }

  /** The strategy in a Jaeger sampling response; IllegalArgumentException if it names none. */
  @SuppressWarnings("unchecked")
  static SamplingStrategy parse(String json) {
    Object document = Json.parse(json);
    if (!(document instanceof Map)) {
      throw new IllegalArgumentException("not a JSON object");
    }
    Map<String, Object> response = (Map<String, Object>) document;
    Map<String, Object> operations = object(response.get("operationSampling"));
    if (operations != null) {
      Map<String, Sampler> perOperation = new HashMap<>();
      Object list = operations.get("perOperationStrategies");
      if (list instanceof List) {
        for (Object item : (List<Object>) list) {
          Map<String, Object> strategy = object(item);
          Double rate = strategy == null ? null : number(object(strategy.get("probabilisticSampling")), "samplingRate");
          if (rate != null && strategy.get("operation") instanceof String) {
            perOperation.put((String) strategy.get("operation"), Sampler.traceIdRatioBased(clamp(rate)));
          }
        }
      }
      Double defaultRate = number(operations, "defaultSamplingProbability");
      return new SamplingStrategy(
          Sampler.traceIdRatioBased(clamp(defaultRate == null ? 0.001 : defaultRate)),
          perOperation,
          "per operation (" + perOperation.size() + " operations, default " + defaultRate + ")");
    }
    Double rate = number(object(response.get("probabilisticSampling")), "samplingRate");
    if (rate != null) {
      return ratio(clamp(rate));
    }
    Double perSecond = number(object(response.get("rateLimitingSampling")), "maxTracesPerSecond");
    if (perSecond != null) {
      return new SamplingStrategy(
          new RateLimitingSampler(perSecond), Collections.emptyMap(), perSecond + " traces/s");
    }
    throw new IllegalArgumentException("no strategy in the response");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value) {
    return value instanceof Map ? (Map<String, Object>) value : null;
  }

  private static Double number(Map<String, Object> object, String key) {
    Object value = object == null ? null : object.get(key);
    return value instanceof Double ? (Double) value : null;
  }

  private static double clamp(double ratio) {
    return Math.max(0, Math.min(1, ratio));
  }

  @Override
  public SamplingResult shouldSample(
      Context parentContext,
      String traceId,
      String name,
      SpanKind spanKind,
      Attributes attributes,
      List<LinkData> parentLinks) {
    Sampler sampler = perOperation.getOrDefault(name, fallback);
    return sampler.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
  }

  @Override
  public String getDescription() {
    return description;
  }
}
