package io.zeromon.agent.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TracingBridgeTest {

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final TracingBridge bridge =
      new TracingBridge(
          SdkTracerProvider.builder()
              .addSpanProcessor(SimpleSpanProcessor.create(spans))
              .build()
              .get("test"),
          W3CTraceContextPropagator.getInstance(),
          new ClassLoader() {},
          RequestListener.NONE);

  private Object server(String path, Map<String, List<String>> headers) {
    return bridge.startServer("GET", "http", path, null, "example.com:8080", 80, "HTTP/1.1", "10.0.0.1", headers, null);
  }

  @Test
  void aServerSpanContinuesTheIncomingTraceAndTakesTheRouteKnownLater() {
    Object handle =
        server(
            "/users/42",
            Map.of("traceparent", List.of("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")));
    assertThat(server("/nested", Map.of())).as("no second server span").isNull();
    bridge.setServerRoute("/users/{id}");
    bridge.endServer(handle, 503, null);

    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span.getName()).isEqualTo("GET /users/{id}");
    assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(span.getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(span.getParentSpanId()).isEqualTo("b7ad6b7169203331");
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getAttributes().asMap().toString())
        .contains("http.route=/users/{id}", "error.type=503", "server.address=example.com", "server.port=8080");
  }

  @Test
  void malformedTraceparentStartsANewTrace() {
    Object handle = server("/x", Map.of("traceparent", List.of("00-zz-not-a-trace-01")));
    bridge.endServer(handle, 200, null);
    assertThat(spans.getFinishedSpanItems().get(0).getParentSpanContext().isValid()).isFalse();
  }

  @Test
  void aWrappedTaskRunsInTheContextItWasHandedOverIn() throws Exception {
    Object handle = server("/x", Map.of());
    AtomicReference<Object> seen = new AtomicReference<>();
    Runnable task = bridge.wrap(() -> seen.set(bridge.currentContext()));
    Callable<Object> callable = bridge.wrap(() -> bridge.startClient("GET", "http://downstream/"));
    bridge.endServer(handle, 200, null);
    assertThat(bridge.currentContext()).as("nothing current after the request").isNull();

    Thread thread = new Thread(task);
    thread.start();
    thread.join();
    assertThat(seen.get()).isNotNull();
    Object client = callable.call();
    bridge.endClient(client, 200, null);
    SpanData serverSpan = spans.getFinishedSpanItems().get(0);
    SpanData clientSpan = spans.getFinishedSpanItems().get(1);
    assertThat(clientSpan.getParentSpanId()).isEqualTo(serverSpan.getSpanId());
    assertThat(bridge.wrap(task)).as("no task outside a trace is wrapped").isSameAs(task);
  }

  @Test
  void rpcSpansCarryTheRpcAttributesAndStatus() {
    Object server = bridge.startRpcServer("grpc", "demo.Greeter", "SayHello", null, Map.of());
    Object scope = bridge.makeCurrent(server);
    Object client = bridge.startRpcClient("grpc", "demo.Backend", "Get", "127.0.0.1", 50051);
    String[] headers = bridge.clientHeaders(client);
    bridge.endRpc(client, 14, null);
    bridge.closeScope(scope);
    bridge.endRpc(server, 0, null);

    assertThat(headers).contains("traceparent");
    SpanData clientSpan = spans.getFinishedSpanItems().get(0);
    SpanData serverSpan = spans.getFinishedSpanItems().get(1);
    assertThat(clientSpan.getName()).isEqualTo("demo.Backend/Get");
    assertThat(clientSpan.getParentSpanId()).isEqualTo(serverSpan.getSpanId());
    assertThat(clientSpan.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(serverSpan.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(serverSpan.getAttributes().asMap().toString())
        .contains("rpc.system=grpc", "rpc.service=demo.Greeter", "rpc.method=SayHello", "rpc.grpc.status_code=0");
  }

  @Test
  void theAgentsOwnThreadsMakeNoSpans() throws Exception {
    ClassLoader agentLoader = new ClassLoader() {};
    TracingBridge agentBridge =
        new TracingBridge(
            SdkTracerProvider.builder().build().get("t"),
            W3CTraceContextPropagator.getInstance(),
            agentLoader,
            RequestListener.NONE);
    AtomicReference<Object> handle = new AtomicReference<>("unset");
    Thread thread = new Thread(() -> handle.set(agentBridge.startClient("GET", "http://collector/")));
    thread.setContextClassLoader(agentLoader);
    thread.start();
    thread.join();
    assertThat(handle.get()).isNull();
  }
}
