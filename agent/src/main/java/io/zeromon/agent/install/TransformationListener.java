package io.zeromon.agent.install;

import io.zeromon.agent.AgentLog;
import java.util.concurrent.atomic.AtomicLong;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/** Counts transformations and reports every failed one: a class we meant to trace but could not. */
public final class TransformationListener extends AgentBuilder.Listener.Adapter {

  private final AtomicLong transformed = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();

  @Override
  public void onTransformation(
      TypeDescription type,
      ClassLoader loader,
      JavaModule module,
      boolean loaded,
      DynamicType dynamicType) {
    transformed.incrementAndGet();
    AgentLog.debug("instrumented " + type.getName());
  }

  @Override
  public void onError(
      String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
    errors.incrementAndGet();
    AgentLog.warn("could not instrument " + typeName + ": " + error);
  }

  public long transformed() {
    return transformed.get();
  }

  public long errors() {
    return errors.get();
  }
}
