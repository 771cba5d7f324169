package io.zeromon.agent.metrics.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Forks {@link ScrapeCost} with class-load logging: proves OSHI and JNA load on the first scrape
 * and not at registration, and prints the scrape cost (figures only; timing is not asserted).
 */
class ScrapeCostTest {

  @Test
  void oshiLoadsOnTheFirstScrapeOnlyAndTheCostIsReported() throws Exception {
    List<String> lines = runScrapeCost();
    int registered = indexOfLineContaining(lines, ScrapeCost.REGISTERED);
    assertThat(registered).as("output:%n%s", String.join("\n", lines)).isNotNegative();

    assertThat(lines.subList(0, registered)).noneMatch(ScrapeCostTest::loadsOshiOrJna);
    assertThat(lines.subList(registered, lines.size())).anyMatch(ScrapeCostTest::loadsOshiOrJna);

    List<String> figures =
        lines.subList(registered + 1, lines.size()).stream()
            .filter(l -> !l.startsWith("["))
            .toList();
    System.out.println("host metrics scrape cost:\n  " + String.join("\n  ", figures));
    assertThat(figures).anyMatch(l -> l.startsWith("cached"));
  }

  private static int indexOfLineContaining(List<String> lines, String marker) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(marker)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean loadsOshiOrJna(String line) {
    return line.contains("[class,load] oshi.") || line.contains("[class,load] com.sun.jna.");
  }

  private static List<String> runScrapeCost() throws IOException, InterruptedException {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path output = Files.createTempFile("zeromon-scrape-cost", ".txt");
    Process process =
        new ProcessBuilder(
                java, "-Xlog:class+load=info", "-cp", classPath, ScrapeCost.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    try {
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("ScrapeCost finished").isTrue();
      assertThat(process.exitValue()).isZero();
      return Files.readAllLines(output, StandardCharsets.UTF_8);
    } finally {
      process.destroyForcibly();
      Files.deleteIfExists(output);
    }
  }
}
