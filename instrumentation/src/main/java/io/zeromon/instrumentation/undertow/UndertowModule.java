package io.zeromon.instrumentation.undertow;

import io.zeromon.instrumentation.InstrumentationModule;
import io.zeromon.instrumentation.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/** Undertow 2.x servers: a SERVER span per exchange. */
public final class UndertowModule implements InstrumentationModule {

  @Override
  public String name() {
    return "undertow";
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(new ConnectorsInstrumentation());
  }
}
