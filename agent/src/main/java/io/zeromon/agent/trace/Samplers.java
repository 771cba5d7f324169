package io.zeromon.agent.trace;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.zeromon.agent.config.AgentConfig;
import io.zeromon.agent.config.RemoteSamplingSettings;
import io.zeromon.agent.trace.remote.JaegerRemoteSampler;

/** {@code otel.traces.sampler} names to samplers. */
final class Samplers {

  private Samplers() {}

  static Sampler create(AgentConfig.TraceSettings settings, String serviceName) {
    if (settings.remoteSampling != null) {
      RemoteSamplingSettings remote = settings.remoteSampling;
      Sampler sampler =
          JaegerRemoteSampler.start(remote.endpoint, serviceName, remote.initialRatio, remote.pollingMillis);
      return settings.sampler.startsWith("parentbased_") ? Sampler.parentBased(sampler) : sampler;
    }
    return create(settings.sampler, settings.samplerRatio);
  }

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
