package io.zeromon.agent.config;

import java.util.Map;

/**
 * The service name: {@code otel.service.name}, else {@code service.name} from the resource
 * attributes, else the Jaeger client's {@code JAEGER_SERVICE_NAME}, else derived from how the JVM
 * was launched (jar file name or main class), which beats {@code unknown_service:java}.
 */
final class ServiceNames {

  private ServiceNames() {}

  static String choose(ConfigReader reader, Map<String, String> resourceAttributes) {
    String name = reader.string("otel.service.name", null);
    if (name == null) {
      name = resourceAttributes.get("service.name");
    }
    if (name == null) {
      name = reader.sources().environmentVariable("JAEGER_SERVICE_NAME");
    }
    if (name == null) {
      name = fromCommand(System.getProperty("sun.java.command"));
    }
    return name == null ? "unknown_service:java" : name;
  }

  /** {@code app.jar args} → {@code app}; {@code com.example.OrderService args} → {@code OrderService}. */
  static String fromCommand(String command) {
    if (command == null || command.trim().isEmpty()) {
      return null;
    }
    String first = command.trim().split("\\s+")[0];
    if (first.endsWith(".jar")) {
      String file = first.substring(Math.max(first.lastIndexOf('/'), first.lastIndexOf('\\')) + 1);
      return file.substring(0, file.length() - 4);
    }
    int slash = first.lastIndexOf('/');
    if (slash >= 0) {
      first = first.substring(slash + 1); // module/main.Class
    }
    int dot = first.lastIndexOf('.');
    String simple = dot >= 0 ? first.substring(dot + 1) : first;
    return simple.isEmpty() ? null : simple;
  }
}
