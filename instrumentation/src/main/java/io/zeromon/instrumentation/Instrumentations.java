package io.zeromon.instrumentation;

import io.zeromon.instrumentation.apachehttpclient.ApacheHttpClientModule;
import io.zeromon.instrumentation.httpurlconnection.HttpUrlConnectionModule;
import io.zeromon.instrumentation.jdkhttpclient.JdkHttpClientModule;
import io.zeromon.instrumentation.jdkhttpserver.JdkHttpServerModule;
import io.zeromon.instrumentation.okhttp.OkHttpModule;
import java.util.Arrays;
import java.util.List;

/** Every instrumentation module the agent knows, listed here rather than discovered at start-up. */
public final class Instrumentations {

  private Instrumentations() {}

  public static List<InstrumentationModule> all() {
    return Arrays.asList(
        new JdkHttpServerModule(), new HttpUrlConnectionModule(), new JdkHttpClientModule(),
        new ApacheHttpClientModule(),
        new OkHttpModule());
  }
}
