package io.zeromon.agent.metrics.host;

import io.prometheus.metrics.model.snapshots.MetricFamilyDescriptor;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;

/** One area of host metrics; the collector skips a section whose reads throw. */
interface Section {

  /** Every family this section may produce: names, types, help, units and label names. */
  List<MetricFamilyDescriptor> families();

  void collect(HostSource source, List<MetricSnapshot> out);
}
