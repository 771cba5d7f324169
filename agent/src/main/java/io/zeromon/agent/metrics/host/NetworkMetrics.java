package io.zeromon.agent.metrics.host;

import io.prometheus.metrics.model.snapshots.MetricFamilyDescriptor;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Per-interface traffic counters for the interfaces the name filter lets through. */
final class NetworkMetrics implements Section {

  private static final MetricFamilyDescriptor IO =
      Family.counter(
          "system_network_io_bytes",
          "Bytes received and transmitted per interface.",
          Unit.BYTES,
          "device",
          "direction");
  private static final MetricFamilyDescriptor PACKETS =
      Family.counter(
          "system_network_packets",
          "Packets received and transmitted.",
          null,
          "device",
          "direction");
  private static final MetricFamilyDescriptor ERRORS =
      Family.counter(
          "system_network_errors",
          "Packets with errors, per direction.",
          null,
          "device",
          "direction");
  private static final MetricFamilyDescriptor DROPPED =
      Family.counter(
          "system_network_dropped",
          "Received packets dropped (OSHI has no transmit drops).",
          null,
          "device",
          "direction");

  private final NameFilter filter;

  NetworkMetrics(NameFilter filter) {
    this.filter = filter;
  }

  @Override
  public List<MetricFamilyDescriptor> families() {
    return Arrays.asList(IO, PACKETS, ERRORS, DROPPED);
  }

  @Override
  public void collect(HostSource source, List<MetricSnapshot> out) {
    List<Readings.Interface> all = source.interfaces();
    if (all == null) {
      return;
    }
    Family io = Family.of(IO);
    Family packets = Family.of(PACKETS);
    Family errors = Family.of(ERRORS);
    Family dropped = Family.of(DROPPED);
    for (Readings.Interface n : select(all)) {
      io.add(n.bytesReceived, "device", n.name, "direction", "receive");
      io.add(n.bytesSent, "device", n.name, "direction", "transmit");
      packets.add(n.packetsReceived, "device", n.name, "direction", "receive");
      packets.add(n.packetsSent, "device", n.name, "direction", "transmit");
      errors.add(n.errorsIn, "device", n.name, "direction", "receive");
      errors.add(n.errorsOut, "device", n.name, "direction", "transmit");
      dropped.add(n.dropsIn, "device", n.name, "direction", "receive");
    }
    io.addTo(out);
    packets.addTo(out);
    errors.addTo(out);
    dropped.addTo(out);
  }

  private List<Readings.Interface> select(List<Readings.Interface> all) {
    // by name: one series set per name even if listed twice, and a cap that keeps the same
    // interfaces from one scrape to the next
    Map<String, Readings.Interface> kept = new TreeMap<>();
    for (Readings.Interface n : all) {
      if (filter.accepts(n.name)) {
        kept.putIfAbsent(n.name, n);
      }
    }
    return Devices.first(kept.values());
  }
}
