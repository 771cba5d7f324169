package io.zeromon.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.Type;
import org.junit.jupiter.api.Test;

/**
 * Helper classes are defined in the library's class loader: each must exist, list its nested
 * classes too (the injector defines only what is listed), and reference nothing of ours but the
 * bridge and other helpers (no agent types: that loader cannot see them).
 */
class HelperClassRulesTest {

  private static final Path CLASSES = Paths.get("target", "classes");

  private static Set<String> helpers() {
    Set<String> helpers = new HashSet<>();
    for (InstrumentationModule module : Instrumentations.all()) {
      for (TypeInstrumentation type : module.typeInstrumentations()) {
        helpers.addAll(List.of(type.helperClassNames()));
      }
    }
    return helpers;
  }

  @Test
  void helperClassesExistAndListTheirNestedClasses() throws IOException {
    Set<String> helpers = helpers();
    for (String helper : helpers) {
      Path file = CLASSES.resolve(helper.replace('.', '/') + ".class");
      assertThat(file).as(helper).exists();
      String prefix = file.getFileName().toString().replace(".class", "$");
      try (Stream<Path> siblings = Files.list(file.getParent())) {
        List<String> nested =
            siblings
                .map(p -> p.getFileName().toString())
                .filter(n -> n.startsWith(prefix))
                .map(n -> packageOf(helper) + n.replace(".class", ""))
                .collect(Collectors.toList());
        assertThat(helpers).as("nested classes of " + helper).containsAll(nested);
      }
    }
  }

  @Test
  void helperClassesReferenceOnlyTheJdkTheBridgeAndTheLibrary() throws IOException {
    Set<String> helpers = helpers();
    Set<String> internalHelpers =
        helpers.stream().map(h -> h.replace('.', '/')).collect(Collectors.toSet());
    for (String helper : helpers) {
      for (String type : referencedTypes(helper)) {
        if (!internalHelpers.contains(type)) {
          assertThat(AdviceRules.forbidden(type)).as(helper + " references " + type).isFalse();
        }
      }
    }
  }

  /** The classes in a class file's constant pool, and the types of its descriptors. */
  private static List<String> referencedTypes(String className) throws IOException {
    List<String> types = new ArrayList<>();
    try (InputStream in =
        getClassLoader().getResourceAsStream(className.replace('.', '/') + ".class")) {
      ClassReader reader = new ClassReader(in);
      char[] buffer = new char[reader.getMaxStringLength()];
      for (int i = 1; i < reader.getItemCount(); i++) {
        int offset = reader.getItem(i);
        if (offset <= 0) {
          continue;
        }
        int tag = reader.readByte(offset - 1);
        if (tag == 7) { // CONSTANT_Class
          types.add(reader.readUTF8(offset, buffer));
        } else if (tag == 12) { // CONSTANT_NameAndType: the descriptor names types too
          String descriptor = reader.readUTF8(offset + 2, buffer);
          Type type = Type.getType(descriptor);
          if (type.getSort() == Type.METHOD) {
            for (Type argument : type.getArgumentTypes()) {
              types.add(argument.getInternalName());
            }
            types.add(type.getReturnType().getInternalName());
          } else {
            types.add(type.getInternalName());
          }
        }
      }
    }
    return types;
  }

  private static String packageOf(String className) {
    return className.substring(0, className.lastIndexOf('.') + 1);
  }

  private static ClassLoader getClassLoader() {
    return HelperClassRulesTest.class.getClassLoader();
  }
}
