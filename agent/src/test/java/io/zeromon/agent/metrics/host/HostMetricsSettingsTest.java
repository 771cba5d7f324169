package io.zeromon.agent.metrics.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

class HostMetricsSettingsTest {

  @Test
  void defaultsSkipLoopbackAndVirtualInterfacesOnly() {
    NameFilter filter = HostMetricsSettings.defaults().networkFilter();

    assertThat(List.of("eth0", "ens5", "enp0s3", "wlan0", "bond0", "eno1", "wg0", "tun0"))
        .allMatch(filter::accepts);
    assertThat(
            List.of(
                "lo",
                "lo0",
                "Software Loopback Interface 1",
                "veth9c2f1e",
                "docker0",
                "br-5a1b2c",
                "virbr0",
                "cni0",
                "flannel.1",
                "cali12ab",
                "cilium_host",
                "lxc1234",
                "kube-ipvs0",
                "tunl0",
                "vxlan.calico"))
        .noneMatch(filter::accepts);
  }

  @Test
  void includesWinOverExcludes() {
    NameFilter filter =
        HostMetricsSettings.builder()
            .networkIncludes(List.of("lo", "eth.*"))
            .build()
            .networkFilter();

    assertThat(filter.accepts("lo")).isTrue();
    assertThat(filter.accepts("eth1")).isTrue();
    assertThat(filter.accepts("ens5")).isFalse();
  }

  @Test
  void defaultDiskFilterSkipsLoopAndRamDevices() {
    NameFilter filter = HostMetricsSettings.defaults().diskFilter();

    assertThat(List.of("sda", "nvme0n1", "vda", "dm-0", "xvda")).allMatch(filter::accepts);
    assertThat(List.of("loop0", "loop12", "ram0", "zram0")).noneMatch(filter::accepts);
  }

  @Test
  void defaultsAreCheap() {
    HostMetricsSettings defaults = HostMetricsSettings.defaults();

    assertThat(defaults.cacheTtl()).isEqualTo(Duration.ofSeconds(5));
    assertThat(defaults.perCpu()).isFalse();
    assertThat(defaults.filesystemTypeExcludes()).contains("tmpfs", "overlay", "squashfs");
  }

  @Test
  void rejectsWhatTheConfigLayerMustReport() {
    assertThatThrownBy(() -> HostMetricsSettings.builder().networkExcludes(List.of("(")).build())
        .isInstanceOf(PatternSyntaxException.class);
    assertThatThrownBy(() -> HostMetricsSettings.builder().cacheTtl(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
