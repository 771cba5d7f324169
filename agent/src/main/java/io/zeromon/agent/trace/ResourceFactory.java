package io.zeromon.agent.trace;

import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.resources.ResourceBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Map;
import java.util.UUID;

/** The resource every span carries: service, instance, host, process and runtime. */
public final class ResourceFactory {

  private ResourceFactory() {}

  public static Resource create(String serviceName, Map<String, String> attributes, String version) {
    ResourceBuilder builder = Resource.getDefault().toBuilder();
    builder.put("service.instance.id", UUID.randomUUID().toString());
    String host = hostName();
    if (host != null) {
      builder.put("host.name", host);
    }
    builder.put("process.pid", ProcessHandle.current().pid());
    builder.put("process.runtime.name", System.getProperty("java.runtime.name", "java"));
    builder.put("process.runtime.version", System.getProperty("java.runtime.version", ""));
    builder.put(
        "process.runtime.description",
        System.getProperty("java.vm.vendor", "") + " " + System.getProperty("java.vm.name", ""));
    builder.put("telemetry.distro.name", "zeromon");
    builder.put("telemetry.distro.version", version);
    for (Map.Entry<String, String> attribute : attributes.entrySet()) {
      builder.put(attribute.getKey(), attribute.getValue());
    }
    builder.put("service.name", serviceName);
    return builder.build();
  }

  /**
   * The host name without a DNS lookup (InetAddress.getLocalHost can stall start-up for seconds
   * where reverse DNS is slow): the kernel's name on Linux, else the usual environment variables.
   */
  static String hostName() {
    try {
      byte[] bytes = Files.readAllBytes(Paths.get("/proc/sys/kernel/hostname"));
      String name = new String(bytes, StandardCharsets.UTF_8).trim();
      if (!name.isEmpty()) {
        return name;
      }
    } catch (Exception ignored) {
      // not Linux: fall through
    }
    String name = System.getenv("HOSTNAME");
    return name != null ? name : System.getenv("COMPUTERNAME");
  }
}
