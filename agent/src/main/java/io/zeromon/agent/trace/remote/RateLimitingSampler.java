package io.zeromon.agent.trace.remote;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.List;

/** Jaeger's rate-limiting strategy: at most N new traces a second, a token bucket of credits. */
final class RateLimitingSampler implements Sampler {

  private final double perSecond;
  private double credits;
  private long lastNanos = System.nanoTime();

  RateLimitingSampler(double perSecond) {
    this.perSecond = perSecond;
    this.credits = Math.max(1, perSecond);
  }

  @Override
  public synchronized SamplingResult shouldSample(
      Context parentContext,
      String traceId,
      String name,
      SpanKind spanKind,
      Attributes attributes,
      List<LinkData> parentLinks) {
    long now = System.nanoTime();
    credits = Math.min(Math.max(1, perSecond), credits + (now - lastNanos) / 1e9 * perSecond);
    lastNanos = now;
    if (credits >= 1) {
      credits -= 1;
      return SamplingResult.create(SamplingDecision.RECORD_AND_SAMPLE);
    }
    return SamplingResult.create(SamplingDecision.DROP);
  }

  @Override
  public String getDescription() {
    return "RateLimitingSampler{" + perSecond + "}";
  }
}
