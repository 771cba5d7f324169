package io.zeromon.instrumentation;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** One transformed type (or family of types) and the advice applied to its methods. */
public interface TypeInstrumentation {

  /**
   * Names of classes that must be visible to a class loader for this instrumentation to apply
   * there; empty for JDK types, which every loader sees.
   */
  default String[] markerClassNames() {
    return new String[0];
  }

  /**
   * Classes of this instrumentation (nested ones listed too) that implement a library interface
   * (a filter, an interceptor, a listener) and so must be defined in the instrumented type's own
   * class loader: the agent injects them there before the advice first runs. Like advice, they may
   * reference only {@code java.*}, the bridge and the library.
   */
  default String[] helperClassNames() {
    return new String[0];
  }

  /** Matches the types to transform: cheap name matchers first. */
  ElementMatcher<TypeDescription> typeMatcher();

  /** Registers the advice for the methods of the matched types. */
  void transform(AdviceRegistry advice);
}
