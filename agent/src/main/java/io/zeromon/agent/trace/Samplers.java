package io.zeromon.agent.trace;

import io.opentelemetry.sdk.trace.samplers.Sampler;

/** {@code otel.traces.sampler} names to samplers. */
final class Samplers {

  private Samplers() {}

  static Sampler create(String name, double ratio) {
    switch (name) {
      case "always_on":
        return Sampler.alwaysOn();
      case "always_off":
        return Sampler.alwaysOff();
      case "traceidratio":
        return Sampler.traceIdRatioBased(ratio);
      case "parentbased_always_off":
        return Sampler.parentBased(Sampler.alwaysOff());
      case "parentbased_traceidratio":
        return Sampler.parentBased(Sampler.traceIdRatioBased(ratio));
      case "parentbased_always_on":
      default:
        return Sampler.parentBased(Sampler.alwaysOn());
    }
  }
}
