package io.zeromon.instrumentation.netty;

import io.zeromon.instrumentation.InstrumentationModule;
import io.zeromon.instrumentation.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/** Netty 4.1/4.2 HTTP/1.x servers: a tracing handler joins every pipeline with an HTTP codec. */
public final class NettyModule implements InstrumentationModule {

  @Override
  public String name() {
    return "netty";
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(new ChannelPipelineInstrumentation());
  }
}
