package io.zeromon.agent.exporter.jaeger;

import io.jaegertracing.thriftjava.Process;
import io.jaegertracing.thriftjava.Tag;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.resources.Resource;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

/**
 * The resource as a Jaeger process: {@code service.name} is the service, every other attribute a
 * tag, plus the tags a Jaeger client adds: {@code hostname}, {@code ip} and {@code jaeger.version}
 * ({@code Java-zeromon-<agent version>}, so that Jaeger's client-version views tell our spans from
 * those of a Jaeger client, whose value is {@code Java-<client version>}).
 */
final class ProcessMapper {

  static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
  static final AttributeKey<String> HOST_NAME = AttributeKey.stringKey("host.name");
  static final AttributeKey<String> DISTRO_VERSION =
      AttributeKey.stringKey("telemetry.distro.version");

  // one SDK has one resource: a one-entry cache spares rebuilding the process for every batch
  private Resource lastResource;
  private Process lastProcess;

  synchronized Process process(Resource resource) {
    if (resource != lastResource) {
      lastProcess = map(resource);
      lastResource = resource;
    }
    return lastProcess;
  }

  static Process map(Resource resource) {
    String service = resource.getAttribute(SERVICE_NAME);
    Process process = new Process(service == null ? "unknown_service:java" : service);
    List<Tag> tags = new ArrayList<>(resource.getAttributes().size() + 3);
    Tags.addAll(resource.getAttributes(), SERVICE_NAME, tags);
    String host = resource.getAttribute(HOST_NAME);
    tags.add(Tags.string("hostname", host != null ? host : localHostName()));
    tags.add(Tags.string("ip", ipAddress()));
    String version = resource.getAttribute(DISTRO_VERSION);
    tags.add(
        Tags.string("jaeger.version", "Java-zeromon" + (version == null ? "" : "-" + version)));
    return process.setTags(tags);
  }

  /** Only when the resource lacks {@code host.name}: this may ask DNS, on the exporter thread. */
  private static String localHostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return "unknown";
    }
  }

  /**
   * The first IPv4 address of an interface that is up and not loopback, read from the interfaces
   * rather than by resolving the host name (which asks DNS and often yields 127.0.1.1).
   */
  static String ipAddress() {
    try {
      Enumeration<NetworkInterface> interfaces = NetworkInterface.getNetworkInterfaces();
      while (interfaces != null && interfaces.hasMoreElements()) {
        NetworkInterface candidate = interfaces.nextElement();
        if (!candidate.isUp() || candidate.isLoopback() || candidate.isVirtual()) {
          continue;
        }
        Enumeration<InetAddress> addresses = candidate.getInetAddresses();
        while (addresses.hasMoreElements()) {
          InetAddress address = addresses.nextElement();
          if (address instanceof Inet4Address) {
            return address.getHostAddress();
          }
        }
      }
    } catch (Exception ignored) {
      // no interfaces to read: the loopback address below
    }
    return InetAddress.getLoopbackAddress().getHostAddress();
  }
}
