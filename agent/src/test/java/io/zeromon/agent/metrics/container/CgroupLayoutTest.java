package io.zeromon.agent.metrics.container;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CgroupLayoutTest {

  private static final String V2_MOUNT =
      "35 24 0:30 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:9"
          + " - cgroup2 cgroup2 rw,nsdelegate\n";

  @Test
  void v2UnderTheMountRoot() {
    CgroupLayout layout = CgroupLayout.parse("0::/system.slice/app.service\n", V2_MOUNT);

    assertThat(layout.isV2()).isTrue();
    assertThat(layout.candidates().get(CgroupLayout.UNIFIED))
        .containsExactly("/sys/fs/cgroup/system.slice/app.service", "/sys/fs/cgroup");
  }

  @Test
  void v2InAContainerWithItsOwnNamespaceIsTheMountPoint() {
    CgroupLayout layout = CgroupLayout.parse("0::/\n", V2_MOUNT);

    assertThat(layout.candidates().get(CgroupLayout.UNIFIED)).containsExactly("/sys/fs/cgroup");
  }

  @Test
  void pathOutsideTheNamespaceFallsBackToTheMountPoint() {
    CgroupLayout layout = CgroupLayout.parse("0::/../../system.slice/x.scope\n", V2_MOUNT);

    assertThat(layout.candidates().get(CgroupLayout.UNIFIED)).containsExactly("/sys/fs/cgroup");
  }

  @Test
  void v1MountRootIsStrippedFromTheCgroupPath() {
    String cgroup = "5:memory:/docker/abc\n4:cpu,cpuacct:/docker/abc/sub\n0::/\n";
    String mountinfo =
        "621 618 0:34 /docker/abc /sys/fs/cgroup/cpu,cpuacct ro - cgroup cgroup rw,cpu,cpuacct\n"
            + "622 618 0:35 /docker/abc /sys/fs/cgroup/memory ro - cgroup cgroup rw,memory\n"
            + V2_MOUNT;

    CgroupLayout layout = CgroupLayout.parse(cgroup, mountinfo);

    assertThat(layout.isV2()).isFalse();
    assertThat(layout.candidates().get("memory")).containsExactly("/sys/fs/cgroup/memory");
    assertThat(layout.candidates().get("cpu"))
        .containsExactly("/sys/fs/cgroup/cpu,cpuacct/sub", "/sys/fs/cgroup/cpu,cpuacct");
    assertThat(layout.candidates().get("cpuacct")).isEqualTo(layout.candidates().get("cpu"));
    assertThat(layout.candidates()).doesNotContainKey("pids");
  }

  @Test
  void hybridHostPrefersV1Controllers() {
    String cgroup = "4:memory:/a\n1:cpu:/\n0::/\n";
    String mountinfo =
        "32 31 0:29 / /sys/fs/cgroup/cpu rw - cgroup cgroup rw,cpu\n"
            + "35 31 0:32 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n"
            + "41 31 0:38 / /sys/fs/cgroup/unified rw - cgroup2 cgroup2 rw\n";

    CgroupLayout layout = CgroupLayout.parse(cgroup, mountinfo);

    assertThat(layout.isV2()).isFalse();
    assertThat(layout.candidates().get("memory"))
        .containsExactly("/sys/fs/cgroup/memory/a", "/sys/fs/cgroup/memory");
    assertThat(layout.candidates().get("cpu")).containsExactly("/sys/fs/cgroup/cpu");
  }

  @Test
  void controllerNamesMatchWholeOptions() {
    // "cpuset" must not be taken for "cpu"
    String mountinfo = "34 31 0:31 / /sys/fs/cgroup/cpuset rw - cgroup cgroup rw,cpuset\n";

    assertThat(CgroupLayout.parse("3:cpuset:/\n1:cpu:/\n", mountinfo)).isNull();
  }

  @Test
  void noCgroupAtAll() {
    assertThat(CgroupLayout.parse("", "")).isNull();
    assertThat(CgroupLayout.parse(null, V2_MOUNT)).isNull();
    assertThat(CgroupLayout.parse("0::/\n", null)).isNull();
    // listed in /proc/self/cgroup but not mounted (e.g. /sys not visible)
    assertThat(CgroupLayout.parse("0::/\n", "22 27 0:21 / /proc rw - proc proc rw\n")).isNull();
    assertThat(CgroupLayout.parse("garbage\n::\n", "garbage - - -\n")).isNull();
  }

  @Test
  void mountinfoWithOptionalFieldsAndEscapes() {
    Mount mount =
        Mount.parse(
            "36 35 98:0 /my\\040root /mnt/a\\134b rw,noatime master:1 shared:2 - ext3"
                + " /dev/root rw,errors=continue");

    assertThat(mount.root).isEqualTo("/my root");
    assertThat(mount.mountPoint).isEqualTo("/mnt/a\\b");
    assertThat(mount.fsType).isEqualTo("ext3");
    assertThat(mount.superOptions).containsExactly("rw", "errors=continue");
  }

  @Test
  void malformedMountinfoLinesAreSkipped() {
    assertThat(Mount.parse("")).isNull();
    assertThat(Mount.parse("1 2 3 4 5 6 7")).isNull();
    assertThat(Mount.parse("1 2 3 4 5 6 - cgroup2")).isNull();
    assertThat(Mount.unescape("trailing\\04")).isEqualTo("trailing\\04");
    assertThat(Mount.unescape("bad\\09x")).isEqualTo("bad\\09x");
  }
}
