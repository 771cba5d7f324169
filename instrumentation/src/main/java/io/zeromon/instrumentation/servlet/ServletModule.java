package io.zeromon.instrumentation.servlet;

import io.zeromon.instrumentation.InstrumentationModule;
import io.zeromon.instrumentation.TypeInstrumentation;
import io.zeromon.instrumentation.servlet.jakarta.JakartaServletInstrumentation;
import io.zeromon.instrumentation.servlet.javax.JavaxServletInstrumentation;
import java.util.Arrays;
import java.util.List;

/**
 * Servlet containers: {@code javax.servlet} 3.0+ (Tomcat 7-9, Jetty 9.4-10) and {@code
 * jakarta.servlet} 5+ (Tomcat 10+, Jetty 11-12), one SERVER span per request.
 */
public final class ServletModule implements InstrumentationModule {

  @Override
  public String name() {
    return "servlet";
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.asList(new JavaxServletInstrumentation(), new JakartaServletInstrumentation());
  }
}
