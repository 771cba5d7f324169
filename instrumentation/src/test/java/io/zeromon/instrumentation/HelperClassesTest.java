package io.zeromon.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.commons.ClassRemapper;
import net.bytebuddy.jar.asm.commons.Remapper;
import org.junit.jupiter.api.Test;

/**
 * Helper classes are copied into the library's class loader one by one: each must exist, list its
 * nested classes too, and reference only {@code java.*}, the bridge, the library and other helpers
 * (never the agent's own types, ByteBuddy or OpenTelemetry).
 */
class HelperClassesTest {

  private static final ClassLoader LOADER = HelperClassesTest.class.getClassLoader();

  @Test
  void helpersExistListTheirNestedClassesAndReferenceNoAgentTypes() throws IOException {
    Set<String> helpers = HelperClasses.names();
    assertThat(helpers).isNotEmpty();
    for (String helper : helpers) {
      Set<String> references = references(helper);
      for (String reference : references) {
        assertThat(AdviceRules.forbidden(reference))
            .as(helper + " references " + reference)
            .isFalse();
        if (reference.startsWith(helper.replace('.', '/') + "$")) {
          assertThat(helpers)
              .as(helper + " uses nested " + reference)
              .contains(reference.replace('/', '.'));
        }
      }
    }
  }

  @Test
  void nestedClassesOfHelpersAreListed() throws IOException {
    Set<String> helpers = HelperClasses.names();
    Path root = Paths.get("target", "classes");
    List<String> nested = new ArrayList<>();
    for (String helper : helpers) {
      Path file = root.resolve(helper.replace('.', '/') + ".class");
      String prefix = file.getFileName().toString().replace(".class", "$");
      try (var siblings = Files.list(file.getParent())) {
        siblings
            .map(p -> p.getFileName().toString())
            .filter(n -> n.startsWith(prefix) && n.endsWith(".class"))
            .forEach(
                n ->
                    nested.add(
                        helper.substring(0, helper.lastIndexOf('.') + 1)
                            + n.replace(".class", "")));
      }
    }
    assertThat(helpers).containsAll(nested);
  }

  private static Set<String> references(String className) throws IOException {
    Set<String> names = new TreeSet<>();
    try (InputStream in = LOADER.getResourceAsStream(className.replace('.', '/') + ".class")) {
      assertThat(in).as("class file of helper " + className).isNotNull();
      new ClassReader(in)
          .accept(
              new ClassRemapper(
                  new ClassWriter(0),
                  new Remapper() {
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
}
