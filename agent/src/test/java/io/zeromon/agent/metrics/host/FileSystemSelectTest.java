package io.zeromon.agent.metrics.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FileSystemSelectTest {

  private static final Set<String> EXCLUDES =
      Set.copyOf(HostMetricsSettings.DEFAULT_FILESYSTEM_TYPE_EXCLUDES);

  private static Readings.FileStore fs(String device, String mount, String type) {
    return new Readings.FileStore(device, mount, type, 1000, 500, 400, 10, 5);
  }

  private static List<String> mounts(List<Readings.FileStore> stores) {
    return FileSystemMetrics.select(stores, EXCLUDES).stream()
        .map(f -> f.mountPoint)
        .collect(Collectors.toList());
  }

  @Test
  void keepsAContainersOverlayRootButNoOtherExcludedType() {
    List<Readings.FileStore> container =
        List.of(
            fs("overlay", "/", "overlay"),
            fs("tmpfs", "/dev/shm", "tmpfs"),
            fs("overlay", "/var/lib/docker/overlay2/abc/merged", "overlay"),
            fs("/dev/sda1", "/data", "ext4"));

    assertThat(mounts(container)).containsExactly("/", "/data");
  }

  @Test
  void reportsABlockDeviceOnceAtItsShortestMountPoint() {
    List<Readings.FileStore> bindMounts =
        List.of(
            fs("/dev/sda1", "/var/lib/kubelet/pods/x/volumes/data", "ext4"),
            fs("/dev/sda1", "/srv", "ext4"),
            fs("/dev/sdb1", "/boot", "ext4"),
            fs("server:/export", "/mnt/a", "nfs4"),
            fs("server:/export", "/mnt/b", "nfs4"));

    assertThat(mounts(bindMounts)).containsExactly("/boot", "/mnt/a", "/mnt/b", "/srv");
  }

  @Test
  void theLastMountOnAPathHidesTheEarlierOne() {
    List<Readings.FileStore> overmount =
        List.of(fs("/dev/sda1", "/mnt", "ext4"), fs("/dev/sdb1", "/mnt", "xfs"));

    assertThat(FileSystemMetrics.select(overmount, EXCLUDES))
        .singleElement()
        .satisfies(f -> assertThat(f.device).isEqualTo("/dev/sdb1"));
  }

  @Test
  void skipsEmptyFileSystemsAndCapsTheCount() {
    List<Readings.FileStore> many = new ArrayList<>();
    many.add(new Readings.FileStore("/dev/empty", "/empty", "ext4", 0, 0, 0, 0, 0));
    for (int i = 0; i < 100; i++) {
      many.add(fs("/dev/vd" + i, "/m" + i, "xfs"));
    }

    List<String> mounts = mounts(many);

    assertThat(mounts).hasSize(Devices.MAX).doesNotContain("/empty");
  }
}
