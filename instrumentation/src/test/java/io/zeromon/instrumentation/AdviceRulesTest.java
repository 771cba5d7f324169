package io.zeromon.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import net.bytebuddy.asm.Advice;
import org.junit.jupiter.api.Test;

class AdviceRulesTest {

  private static final ClassLoader LOADER = AdviceRulesTest.class.getClassLoader();

  /** Every advice class compiled from src/main, found from the class files themselves. */
  private static List<String> adviceClasses() throws IOException {
    Path root = Paths.get("target", "classes");
    List<String> advice = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
        String name = root.relativize(file).toString().replace('/', '.').replace(".class", "");
        if (AdviceRules.isAdvice(LOADER, name)) {
          advice.add(name);
        }
      }
    }
    return advice;
  }

  @Test
  void everyAdviceClassKeepsTheRules() throws IOException {
    List<String> advice = adviceClasses();
    // one per instrumented method group: keeps this test from passing on an empty scan
    assertThat(advice).hasSizeGreaterThanOrEqualTo(5);
    for (String name : advice) {
      assertThat(AdviceRules.check(LOADER, name)).as(name).isEmpty();
    }
  }

  @Test
  void theRulesCatchWhatTheyAreMeantToCatch() throws IOException {
    assertThat(AdviceRules.check(LOADER, BadAdvice.class.getName()))
        .anyMatch(v -> v.contains("declares field counter"))
        .anyMatch(v -> v.contains("enter does not suppress Throwable"))
        .anyMatch(v -> v.contains("exit uses invokedynamic"))
        .anyMatch(v -> v.contains("exit references io/zeromon/instrumentation/Instrumentations"));
  }

  /** Breaks each rule once. */
  static final class BadAdvice {
    static int counter;

    @Advice.OnMethodEnter
    static void enter() {
      counter++;
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit() {
      Supplier<Object> lambda = () -> "lambda";
      lambda.get();
      Instrumentations.all();
    }
  }
}
