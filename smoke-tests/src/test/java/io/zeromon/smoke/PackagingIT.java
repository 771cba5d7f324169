package io.zeromon.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** What the built agent jar exposes to the class loader that puts it on the class path. */
class PackagingIT {

  @Test
  void onlyTheLauncherAndTheBridgeAreClassesAtTheRoot() throws Exception {
    List<String> visible = new ArrayList<>();
    List<String> hiddenClasses = new ArrayList<>();
    try (JarFile jar = new JarFile(AppJvm.AGENT_JAR.toFile())) {
      for (JarEntry entry : Collections.list(jar.entries())) {
        String name = entry.getName();
        if (name.endsWith(".class")) {
          visible.add(name);
        }
        if (name.startsWith("inst/") && name.endsWith(".classdata")) {
          hiddenClasses.add(name);
        }
      }
      Attributes manifest = jar.getManifest().getMainAttributes();
      assertThat(manifest.getValue("Premain-Class")).isEqualTo("io.zeromon.launcher.ZeromonAgent");
      assertThat(manifest.getValue("Agent-Class")).isEqualTo("io.zeromon.launcher.ZeromonAgent");
      assertThat(manifest.getValue("Can-Retransform-Classes")).isEqualTo("true");
      assertThat(jar.getEntry("inst/META-INF/services")).isNotNull();
    }
    assertThat(visible)
        .isNotEmpty()
        .allSatisfy(
            name -> assertThat(name).matches("io/zeromon/(launcher|bootstrap)/[^/]+\\.class"));
    assertThat(hiddenClasses)
        .anyMatch(n -> n.startsWith("inst/net/bytebuddy/"))
        .anyMatch(n -> n.startsWith("inst/io/zeromon/shaded/io/opentelemetry/sdk/"))
        .anyMatch(n -> n.startsWith("inst/io/zeromon/agent/"));
    System.out.printf(
        "agent jar: %d bytes, %d visible classes, %d hidden classes%n",
        AppJvm.AGENT_JAR.toFile().length(), visible.size(), hiddenClasses.size());
  }
}
