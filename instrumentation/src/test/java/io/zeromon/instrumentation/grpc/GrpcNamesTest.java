package io.zeromon.instrumentation.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Metadata;
import org.junit.jupiter.api.Test;

class GrpcNamesTest {

  @Test
  void splitsFullMethodNames() {
    assertThat(GrpcNames.service("demo.v1.Greeter/SayHello")).isEqualTo("demo.v1.Greeter");
    assertThat(GrpcNames.method("demo.v1.Greeter/SayHello")).isEqualTo("SayHello");
    assertThat(GrpcNames.method("odd")).isEmpty();
  }

  @Test
  void parsesAuthorities() {
    assertThat(GrpcNames.host("127.0.0.1:50051")).isEqualTo("127.0.0.1");
    assertThat(GrpcNames.port("127.0.0.1:50051")).isEqualTo(50051);
    assertThat(GrpcNames.host("[::1]:443")).isEqualTo("::1");
    assertThat(GrpcNames.port("[::1]:443")).isEqualTo(443);
    assertThat(GrpcNames.host("[::1]")).isEqualTo("::1");
    assertThat(GrpcNames.port("[::1]")).isEqualTo(-1);
    assertThat(GrpcNames.host("backend")).isEqualTo("backend");
    assertThat(GrpcNames.port("backend:x")).isEqualTo(-1);
    assertThat(GrpcNames.host(null)).isNull();
  }

  @Test
  void writesHeadersReplacingOldValues() {
    Metadata metadata = new Metadata();
    Metadata.Key<String> key = Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER);
    metadata.put(key, "old");
    GrpcNames.write(metadata, new String[] {"traceparent", "new", "tracestate", "a=b"});
    assertThat(metadata.getAll(key)).containsExactly("new");
    assertThat(metadata.get(Metadata.Key.of("tracestate", Metadata.ASCII_STRING_MARSHALLER)))
        .isEqualTo("a=b");
  }
}
