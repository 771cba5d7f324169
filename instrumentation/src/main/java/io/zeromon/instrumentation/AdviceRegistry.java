package io.zeromon.instrumentation;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** Where a {@link TypeInstrumentation} names the advice class for a set of methods. */
public interface AdviceRegistry {

  /** Applies the advice class {@code adviceClassName} (by name, never loaded) to {@code methods}. */
  void applyAdvice(ElementMatcher<? super MethodDescription> methods, String adviceClassName);

  /** Applies enter advice from one class and exit advice from another (sharing the enter). */
  void applyAdvice(
      ElementMatcher<? super MethodDescription> methods,
      String enterAdviceClassName,
      String exitAdviceClassName);
}
