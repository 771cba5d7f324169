package io.zeromon.agent.trace.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class JaegerRemoteSamplerTest {

  private static final String PER_OPERATION =
      "{\"strategyType\":\"PROBABILISTIC\",\"probabilisticSampling\":{\"samplingRate\":0.5},"
          + "\"operationSampling\":{\"defaultSamplingProbability\":0.0,\"defaultLowerBoundTracesPerSecond\":0,"
          + "\"perOperationStrategies\":[{\"operation\":\"GET /hello\",\"probabilisticSampling\":{\"samplingRate\":1.0}}]}}";

  private static double share(Sampler sampler, String operation) {
    IdGenerator ids = IdGenerator.random();
    int kept = 0;
    for (int i = 0; i < 2000; i++) {
      if (sampler
              .shouldSample(Context.root(), ids.generateTraceId(), operation, SpanKind.SERVER, Attributes.empty(), List.of())
              .getDecision()
          == SamplingDecision.RECORD_AND_SAMPLE) {
        kept++;
      }
    }
    return kept / 2000.0;
  }

  @Test
  void strategiesAreReadFromJaegersDocuments() {
    SamplingStrategy perOperation = SamplingStrategy.parse(PER_OPERATION);
    assertThat(share(perOperation, "GET /hello")).isEqualTo(1.0);
    assertThat(share(perOperation, "GET /other")).isEqualTo(0.0);
    assertThat(share(SamplingStrategy.parse("{\"strategyType\":0,\"probabilisticSampling\":{\"samplingRate\":0.25}}"), "x"))
        .isBetween(0.2, 0.3);
    assertThat(share(SamplingStrategy.parse("{\"strategyType\":1,\"rateLimitingSampling\":{\"maxTracesPerSecond\":5}}"), "x"))
        .isLessThan(0.01);
    for (String bad : new String[] {"", "[]", "{}", "{\"probabilisticSampling\":{\"samplingRate\":\"x\"}}", "{\"a\":", "nonsense"}) {
      assertThatThrownBy(() -> SamplingStrategy.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void picksUpTheServedStrategyAndFallsBackWhenTheEndpointDisappears() throws Exception {
    AtomicReference<String> served = new AtomicReference<>(PER_OPERATION);
    AtomicReference<String> asked = new AtomicReference<>();
    HttpServer endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    endpoint.createContext(
        "/sampling",
        exchange -> {
          asked.set(exchange.getRequestURI().getQuery());
          byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    endpoint.start();
    String url = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/sampling";
    JaegerRemoteSampler sampler = JaegerRemoteSampler.start(url, "orders", 0.0, 100);
    try {
      long deadline = System.currentTimeMillis() + 5_000;
      while (share(sampler, "GET /hello") < 1.0 && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertThat(share(sampler, "GET /hello")).isEqualTo(1.0);
      assertThat(share(sampler, "GET /other")).isEqualTo(0.0);
      assertThat(asked.get()).isEqualTo("service=orders");

      endpoint.stop(0);
      deadline = System.currentTimeMillis() + 5_000;
      while (share(sampler, "GET /hello") > 0.0 && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertThat(share(sampler, "GET /hello")).as("initial rate 0 after the endpoint went away").isEqualTo(0.0);
    } finally {
      endpoint.stop(0);
    }
  }
}
