package io.zeromon.instrumentation.grpc;

import io.zeromon.instrumentation.InstrumentationModule;
import io.zeromon.instrumentation.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;

/** gRPC-Java 1.x servers and channels, through interceptors added when they are built. */
public final class GrpcModule implements InstrumentationModule {

  @Override
  public String name() {
    return "grpc";
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.asList(new ServerBuilderInstrumentation(), new ChannelBuilderInstrumentation());
  }
}
