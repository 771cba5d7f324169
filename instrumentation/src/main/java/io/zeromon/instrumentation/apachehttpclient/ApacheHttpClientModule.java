package io.zeromon.instrumentation.apachehttpclient;

import io.zeromon.instrumentation.InstrumentationModule;
import io.zeromon.instrumentation.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;

/**
 * Apache HttpClient 4.x ({@code httpclient} 4.5+, {@code httpasyncclient} 4.1+) and 5.x ({@code
 * httpclient5} 5.0+), classic and async: one switch for both major versions, whose packages ({@code
 * org.apache.http}, {@code org.apache.hc.client5}) never meet.
 */
public final class ApacheHttpClientModule implements InstrumentationModule {

  @Override
  public String name() {
    return "apache-httpclient";
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.asList(
        new io.zeromon.instrumentation.apachehttpclient.v4.ClassicClientInstrumentation(),
        new io.zeromon.instrumentation.apachehttpclient.v4.AsyncClientInstrumentation(),
        new io.zeromon.instrumentation.apachehttpclient.v5.ClassicClientInstrumentation(),
        new io.zeromon.instrumentation.apachehttpclient.v5.AsyncClientBuilderInstrumentation());
  }
}
