package io.zeromon.instrumentation.jdkhttpserver;

import io.zeromon.instrumentation.InstrumentationModule;
import io.zeromon.instrumentation.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/** The JDK's {@code com.sun.net.httpserver} server (module jdk.httpserver, JDK 6+). */
public final class JdkHttpServerModule implements InstrumentationModule {

  @Override
  public String name() {
    return "java-http-server";
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(new FilterChainInstrumentation());
  }
}
