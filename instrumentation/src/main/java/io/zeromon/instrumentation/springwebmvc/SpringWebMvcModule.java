package io.zeromon.instrumentation.springwebmvc;

import io.zeromon.instrumentation.InstrumentationModule;
import io.zeromon.instrumentation.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/** Spring Web MVC (5.x on javax, 6.x+ on jakarta): the route of the servlet request's span. */
public final class SpringWebMvcModule implements InstrumentationModule {

  @Override
  public String name() {
    return "spring-webmvc";
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(new DispatcherServletInstrumentation());
  }
}
