package io.zeromon.instrumentation.okhttp;

import io.zeromon.instrumentation.InstrumentationModule;
import io.zeromon.instrumentation.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;

/** OkHttp 4.x and 5.x ({@code okhttp3}), synchronous {@code execute} and {@code enqueue}. */
public final class OkHttpModule implements InstrumentationModule {

  /**
   * Present in 4.x (4.4.1, the lowest tested, has it) and 5.x; 3.x had {@code okhttp3.RealCall}.
   */
  static final String MARKER = "okhttp3.internal.connection.RealCall";

  @Override
  public String name() {
    return "okhttp";
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.asList(
        new OkHttpClientInstrumentation(),
        new RealCallInstrumentation(),
        new AsyncCallInstrumentation());
  }
}
