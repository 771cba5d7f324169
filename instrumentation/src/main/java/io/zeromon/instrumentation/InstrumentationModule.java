package io.zeromon.instrumentation;

import java.util.List;

/**
 * One instrumented library: its name (the key of {@code otel.instrumentation.<name>.enabled}) and
 * the types it transforms.
 *
 * <p>Rules for the advice of every module: static methods only, {@code suppress =
 * Throwable.class} on each, no fields, no lambdas, and references to {@code java.*}, the bridge
 * ({@code io.zeromon.bootstrap}) and the instrumented library only. Advice classes are named, not
 * loaded, by the agent. {@code AdviceRulesTest} checks all of this from the class files.
 */
public interface InstrumentationModule {

  /** The instrumentation name, as in {@code otel.instrumentation.<name>.enabled}. */
  String name();

  /** The types this module transforms. */
  List<TypeInstrumentation> typeInstrumentations();
}
