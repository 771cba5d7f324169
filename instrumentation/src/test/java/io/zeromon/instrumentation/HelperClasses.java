package io.zeromon.instrumentation;

import java.util.HashSet;
import java.util.Set;

/**
 * The helper classes every instrumentation declares ({@link TypeInstrumentation#helperClassNames}):
 * they are defined beside the library, in its class loader, so advice may reference them.
 */
final class HelperClasses {

  private static final Set<String> INTERNAL_NAMES = new HashSet<>();

  static {
    for (String name : names()) {
      INTERNAL_NAMES.add(name.replace('.', '/'));
    }
  }

  private HelperClasses() {}

  static Set<String> names() {
    Set<String> names = new HashSet<>();
    for (InstrumentationModule module : Instrumentations.all()) {
      for (TypeInstrumentation type : module.typeInstrumentations()) {
        for (String helper : type.helperClassNames()) {
          names.add(helper);
        }
      }
    }
    return names;
  }

  /** Whether an internal name ({@code a/b/C}, or {@code a/b/C;} from a descriptor) is a helper. */
  static boolean isHelper(String internalName) {
    String name =
        internalName.endsWith(";")
            ? internalName.substring(0, internalName.length() - 1)
            : internalName;
    return INTERNAL_NAMES.contains(name);
  }
}
