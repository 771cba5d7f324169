package io.zeromon.agent.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SamplingAndPropagationTest {

  private static final TextMapGetter<Map<String, String>> GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier.get(key);
        }
      };

  @Test
  void ratioSamplingKeepsAboutTheRightShare() {
    Sampler sampler = Samplers.create("traceidratio", 0.25);
    IdGenerator ids = IdGenerator.random();
    int kept = 0;
    int traces = 20_000;
    for (int i = 0; i < traces; i++) {
      if (sampler
              .shouldSample(Context.root(), ids.generateTraceId(), "GET", SpanKind.SERVER, Attributes.empty(), List.of())
              .getDecision()
          == SamplingDecision.RECORD_AND_SAMPLE) {
        kept++;
      }
    }
    assertThat(kept / (double) traces).isBetween(0.23, 0.27);
  }

  @Test
  void parentBasedFollowsTheIncomingFlag() {
    Sampler sampler = Samplers.create("parentbased_traceidratio", 0.0);
    for (TraceFlags flags : new TraceFlags[] {TraceFlags.getSampled(), TraceFlags.getDefault()}) {
      Context parent =
          Context.root()
              .with(
                  Span.wrap(
                      SpanContext.createFromRemoteParent(
                          "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", flags, TraceState.getDefault())));
      SamplingDecision decision =
          sampler
              .shouldSample(parent, "0af7651916cd43dd8448eb211c80319c", "GET", SpanKind.SERVER, Attributes.empty(), List.of())
              .getDecision();
      assertThat(decision == SamplingDecision.RECORD_AND_SAMPLE).isEqualTo(flags.isSampled());
    }
  }

  /** Random header values, of every length and character, never throw and never yield a parent. */
  @ParameterizedTest
  @ValueSource(strings = {"tracecontext", "baggage", "b3", "b3multi", "jaeger"})
  void fuzzedHeadersNeverThrowAndStartANewTrace(String format) {
    TextMapPropagator propagator = Propagators.create(List.of(format));
    Random random = new Random(42);
    String alphabet = "0123456789abcdefABCDEF-:;,=%&|_ \t\u00e9\u0000xyz";
    for (int i = 0; i < 5_000; i++) {
      StringBuilder value = new StringBuilder();
      int length = random.nextInt(80);
      for (int j = 0; j < length; j++) {
        value.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      for (String field : propagator.fields()) {
        Context extracted =
            propagator.extract(Context.root(), Collections.singletonMap(field, value.toString()), GETTER);
        SpanContext context = Span.fromContext(extracted).getSpanContext();
        // random text can be a valid context only by astronomically unlikely chance
        assertThat(context.isValid()).as(field + ": " + value).isFalse();
      }
    }
  }
}
