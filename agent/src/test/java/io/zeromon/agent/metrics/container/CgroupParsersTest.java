package io.zeromon.agent.metrics.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CgroupParsersTest {

  private static final String V2_CPU_STAT =
      """
      usage_usec 12345678
      user_usec 9000000
      system_usec 3345678
      nr_periods 4200
      nr_throttled 150
      throttled_usec 2500000
      """;

  @Test
  void singleValueFiles() {
    // memory.current, pids.current, cpuacct.usage, memory.usage_in_bytes
    assertThat(CgroupParsers.single("134217728\n")).hasValue(134217728);
    assertThat(CgroupParsers.single("37")).hasValue(37);
    assertThat(CgroupParsers.single("60363496557\n")).hasValue(60363496557L);
    assertThat(CgroupParsers.single("  0 \n")).hasValue(0);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"\n", "max", "-1", "12 34", "abc", "99999999999999999999", "1.5"})
  void singleValueOddInputIsAbsent(String content) {
    assertThat(CgroupParsers.single(content)).isEmpty();
  }

  @Test
  void v2CpuStat() {
    assertThat(CgroupParsers.keyed(V2_CPU_STAT, "usage_usec")).hasValue(12345678);
    assertThat(CgroupParsers.keyed(V2_CPU_STAT, "nr_periods")).hasValue(4200);
    assertThat(CgroupParsers.keyed(V2_CPU_STAT, "nr_throttled")).hasValue(150);
    assertThat(CgroupParsers.keyed(V2_CPU_STAT, "throttled_usec")).hasValue(2500000);
  }

  @Test
  void v2CpuStatWithoutCpuControllerHasNoPeriods() {
    String usageOnly = "usage_usec 7500\nuser_usec 6000\nsystem_usec 1500\n";
    assertThat(CgroupParsers.keyed(usageOnly, "usage_usec")).hasValue(7500);
    assertThat(CgroupParsers.keyed(usageOnly, "nr_periods")).isEmpty();
  }

  @Test
  void keyedMatchesWholeKeysOnly() {
    // memory.stat: inactive_file must not match total_inactive_file, nor the reverse
    String v1MemoryStat = "inactive_file 100\ntotal_inactive_file 300\n";
    assertThat(CgroupParsers.keyed(v1MemoryStat, "total_inactive_file")).hasValue(300);
    assertThat(CgroupParsers.keyed(v1MemoryStat, "inactive_file")).hasValue(100);
    assertThat(CgroupParsers.keyed("total_inactive_file 300\n", "inactive_file")).isEmpty();
  }

  @Test
  void v2MemoryEventsAndV1OomControl() {
    String events = "low 0\nhigh 0\nmax 12\noom 2\noom_kill 1\noom_group_kill 0\n";
    assertThat(CgroupParsers.keyed(events, "oom_kill")).hasValue(1);
    String oomControl = "oom_kill_disable 0\nunder_oom 0\noom_kill 3\n";
    assertThat(CgroupParsers.keyed(oomControl, "oom_kill")).hasValue(3);
    // before Linux 4.13 memory.oom_control had no oom_kill line
    assertThat(CgroupParsers.keyed("oom_kill_disable 0\nunder_oom 0\n", "oom_kill")).isEmpty();
  }

  @Test
  void v1CpuStat() {
    String v1 = "nr_periods 9000\nnr_throttled 320\nthrottled_time 8123456789\n";
    assertThat(CgroupParsers.keyed(v1, "throttled_time")).hasValue(8123456789L);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {"garbage", "oom_kill", "oom_kill x", "oom_kill -4", "oom_kill 1 2", "\n\n\n"})
  void keyedOddInputIsAbsent(String content) {
    assertThat(CgroupParsers.keyed(content, "oom_kill")).isEmpty();
  }

  @Test
  void cpuMax() {
    assertThat(CgroupParsers.cpuMaxQuota("50000 100000\n")).hasValue(50000);
    assertThat(CgroupParsers.cpuMaxPeriod("50000 100000\n")).hasValue(100000);
    assertThat(CgroupParsers.cpuMaxQuota("max 100000\n")).isEmpty();
    assertThat(CgroupParsers.cpuMaxPeriod("max 100000\n")).hasValue(100000);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"max", "50000", "a b", "50000 100000 7", "-5 -6", "0 0"})
  void cpuMaxOddInputIsAbsent(String content) {
    assertThat(CgroupParsers.cpuMaxQuota(content)).isEmpty();
    assertThat(CgroupParsers.cpuMaxPeriod(content)).isEmpty();
  }

  @Test
  void v1CfsQuota() {
    assertThat(CgroupParsers.cfsQuota("150000\n")).hasValue(150000);
    assertThat(CgroupParsers.cfsQuota("-1\n")).isEmpty();
    assertThat(CgroupParsers.cfsQuota(null)).isEmpty();
    assertThat(CgroupParsers.cfsQuota("")).isEmpty();
    assertThat(CgroupParsers.cfsQuota("lots")).isEmpty();
  }

  @Test
  void v1CfsPeriod() {
    assertThat(CgroupParsers.cfsPeriod("100000\n")).hasValue(100000);
    assertThat(CgroupParsers.cfsPeriod("0")).isEmpty();
    assertThat(CgroupParsers.cfsPeriod(null)).isEmpty();
    assertThat(CgroupParsers.cfsPeriod("x")).isEmpty();
  }

  @Test
  void memoryLimitUnlimitedIsZero() {
    assertThat(CgroupParsers.memoryLimit("536870912\n")).hasValue(536870912);
    assertThat(CgroupParsers.memoryLimit("max\n")).hasValue(0);
    assertThat(CgroupParsers.memoryLimit("9223372036854771712\n")).hasValue(0);
    assertThat(CgroupParsers.memoryLimit("18446744073709551615")).hasValue(0);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"maximum", "-1", "12k", "1 2"})
  void memoryLimitOddInputIsAbsent(String content) {
    assertThat(CgroupParsers.memoryLimit(content)).isEmpty();
  }

  @Test
  void workingSetIsUsageMinusInactiveFileFlooredAtZero() {
    assertThat(CgroupParsers.workingSet(OptionalLong.of(1000), OptionalLong.of(300))).hasValue(700);
    assertThat(CgroupParsers.workingSet(OptionalLong.of(100), OptionalLong.of(300))).hasValue(0);
    assertThat(CgroupParsers.workingSet(OptionalLong.of(100), OptionalLong.empty())).hasValue(100);
    assertThat(CgroupParsers.workingSet(OptionalLong.empty(), OptionalLong.of(3))).isEmpty();
  }
}
