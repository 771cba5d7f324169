package io.zeromon.instrumentation.jdkhttpclient;

import io.zeromon.instrumentation.InstrumentationModule;
import io.zeromon.instrumentation.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/** {@code java.net.http.HttpClient} (module java.net.http, JDK 11+). */
public final class JdkHttpClientModule implements InstrumentationModule {

  @Override
  public String name() {
    return "java-http-client";
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(new HttpClientImplInstrumentation());
  }
}
