package io.zeromon.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.commons.ClassRemapper;
import net.bytebuddy.jar.asm.commons.Remapper;
import org.junit.jupiter.api.Test;

/**
 * Helper classes are defined in the library's class loader: like advice, they may reference only
 * {@code java.*}, the bridge, the library and each other. Checked from their bytes.
 */
class HelperRulesTest {

  private static final ClassLoader LOADER = HelperRulesTest.class.getClassLoader();

  private static List<String> helpers() {
    List<String> helpers = new ArrayList<>();
    for (InstrumentationModule module : Instrumentations.all()) {
      for (TypeInstrumentation type : module.typeInstrumentations()) {
        helpers.addAll(List.of(type.helperClassNames()));
      }
    }
    return helpers;
  }

  /** Every type a class file names, as internal names. */
  private static Set<String> references(String className) throws IOException {
    Set<String> names = new TreeSet<>();
    try (InputStream in = LOADER.getResourceAsStream(className.replace('.', '/') + ".class")) {
      assertThat(in).as("class file of helper " + className).isNotNull();
      ClassVisitor sink = new ClassWriter(0);
      new ClassReader(in)
          .accept(
              new ClassRemapper(sink, new Remapper() {
                @Override
                public String map(String internalName) {
                  names.add(internalName);
                  return internalName;
                }
              }),
              0);
    }
    return names;
  }

  @Test
  void helpersReferenceOnlyTheJdkTheBridgeTheLibraryAndEachOther() throws IOException {
    List<String> helpers = helpers();
    assertThat(helpers).isNotEmpty();
    Set<String> helperNames = new TreeSet<>();
    helpers.forEach(h -> helperNames.add(h.replace('.', '/')));
    Set<String> all = new TreeSet<>();
    for (String helper : helpers) {
      all.addAll(references(helper));
      for (String reference : references(helper)) {
        boolean agentSide =
            (reference.startsWith("io/zeromon/")
                    && !reference.startsWith("io/zeromon/bootstrap/")
                    && !helperNames.contains(reference))
                || reference.startsWith("net/bytebuddy/")
                || reference.startsWith("io/opentelemetry/");
        assertThat(agentSide).as(helper + " references " + reference).isFalse();
      }
    }
    // the scan sees references at all: helpers call the bridge
    assertThat(all).contains("io/zeromon/bootstrap/Bridge");
  }

  @Test
  void everyNestedClassOfAHelperIsDeclaredAsAHelper() throws IOException {
    List<String> helpers = helpers();
    for (String helper : helpers) {
      for (String reference : references(helper)) {
        String name = reference.replace('/', '.');
        if (name.startsWith(helper + "$")) {
          assertThat(helpers).as("helper nested class " + name).contains(name);
        }
      }
    }
  }
}
