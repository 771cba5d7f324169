package io.zeromon.instrumentation.httpurlconnection;

import io.zeromon.instrumentation.InstrumentationModule;
import io.zeromon.instrumentation.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/** {@code java.net.HttpURLConnection} as implemented by the JDK (http and https). */
public final class HttpUrlConnectionModule implements InstrumentationModule {

  @Override
  public String name() {
    return "http-url-connection";
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(new HttpUrlConnectionInstrumentation());
  }
}
