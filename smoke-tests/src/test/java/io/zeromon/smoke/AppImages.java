package io.zeromon.smoke;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * Container images of the sample applications, as an operator would build one: a JDK base image,
 * the agent jar and the application's classes and libraries copied in, {@code JAVA_TOOL_OPTIONS}
 * naming the agent. One image per application module, removed when the test JVM exits.
 */
final class AppImages {

  static final String AGENT_IN_IMAGE = "/opt/zeromon/zeromon-agent.jar";

  private final String javaImage;
  private final Map<String, ImageFromDockerfile> images = new ConcurrentHashMap<>();

  AppImages(String javaImage) {
    this.javaImage = javaImage;
  }

  /** The image holding {@code app}'s classes (built once per module, lazily by Testcontainers). */
  ImageFromDockerfile of(ScenarioApp app) {
    String module = app.module == null ? "smoke-tests" : app.module;
    return images.computeIfAbsent(module, m -> build(m, classPath(app)));
  }

  private ImageFromDockerfile build(String module, List<Path> classPath) {
    String name =
        "zeromon-scenario-" + module.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "-");
    ImageFromDockerfile image =
        new ImageFromDockerfile(name, true).withFileFromPath("zeromon-agent.jar", AppJvm.AGENT_JAR);
    List<String> inImage = new ArrayList<>();
    for (int i = 0; i < classPath.size(); i++) {
      Path entry = classPath.get(i);
      String target = "app/" + i + "-" + entry.getFileName();
      image.withFileFromPath(target, entry);
      inImage.add("/" + target);
    }
    return image.withDockerfileFromBuilder(
        dockerfile ->
            dockerfile
                .from(javaImage)
                .copy("zeromon-agent.jar", AGENT_IN_IMAGE)
                .copy("app", "/app")
                .env("CLASSPATH", String.join(":", inImage))
                .env("JAVA_TOOL_OPTIONS", "-javaagent:" + AGENT_IN_IMAGE)
                .build());
  }

  /** The class path the application runs with locally: its classes, then its libraries. */
  private static List<Path> classPath(ScenarioApp app) {
    List<Path> entries = new ArrayList<>();
    if (app.module == null) {
      entries.add(Paths.get(AppJvm.APP_CLASSES).toAbsolutePath());
      return entries;
    }
    Path target = Paths.get("apps", app.module, "target");
    entries.add(target.resolve("classes").toAbsolutePath());
    try {
      String libraries = Files.readString(target.resolve("classpath.txt")).trim();
      for (String library : libraries.split(File.pathSeparator)) {
        if (!library.isEmpty()) {
          entries.add(Paths.get(library));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("sample app '" + app.module + "' is not built: " + e);
    }
    return entries;
  }
}
