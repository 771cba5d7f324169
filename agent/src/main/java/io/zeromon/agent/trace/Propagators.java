package io.zeromon.agent.trace;

import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.extension.trace.propagation.B3Propagator;
import io.opentelemetry.extension.trace.propagation.JaegerPropagator;
import java.util.ArrayList;
import java.util.List;

/** {@code otel.propagators} names to one composite propagator. */
final class Propagators {

  private Propagators() {}

  static TextMapPropagator create(List<String> names) {
    List<TextMapPropagator> propagators = new ArrayList<>();
    for (String name : names) {
      switch (name) {
        case "tracecontext":
          propagators.add(W3CTraceContextPropagator.getInstance());
          break;
        case "baggage":
          propagators.add(W3CBaggagePropagator.getInstance());
          break;
        case "b3":
          propagators.add(B3Propagator.injectingSingleHeader());
          break;
        case "b3multi":
          propagators.add(B3Propagator.injectingMultiHeaders());
          break;
        case "jaeger":
          propagators.add(JaegerPropagator.getInstance());
          break;
        default: // "none"
          break;
      }
    }
    return TextMapPropagator.composite(propagators);
  }
}
