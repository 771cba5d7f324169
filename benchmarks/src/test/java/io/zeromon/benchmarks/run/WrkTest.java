package io.zeromon.benchmarks.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WrkTest {

  private static final String OUTPUT =
      "Running 15s test @ http://127.0.0.1:40001/hello\n"
          + "  1 threads and 16 connections\n"
          + "  Thread Stats   Avg      Stdev     Max   +/- Stdev\n"
          + "    Latency     1.02ms    3.11ms  52.33ms   97.12%\n"
          + "    Req/Sec    16.31k     1.02k   18.01k    80.00%\n"
          + "  Latency Distribution\n"
          + "     50%  571.00us\n"
          + "     75%  702.00us\n"
          + "     90%    0.91ms\n"
          + "     99%   12.35ms\n"
          + "  243456 requests in 15.00s, 19.27MB read\n"
          + "  Socket errors: connect 0, read 2, write 0, timeout 1\n"
          + "  Non-2xx or 3xx responses: 4\n"
          + "Requests/sec:  16230.12\n"
          + "Transfer/sec:      1.28MB\n";

  @Test
  void readsThroughputPercentilesInMillisecondsAndErrors() throws Exception {
    Wrk.Result result = Wrk.parse(OUTPUT);

    assertThat(result.requestsPerSecond()).isEqualTo(16230.12);
    assertThat(result.p50Millis()).isCloseTo(0.571, within(1e-9));
    assertThat(result.p99Millis()).isCloseTo(12.35, within(1e-9));
    assertThat(result.requests()).isEqualTo(243456);
    assertThat(result.errors()).isEqualTo(7);
  }

  @Test
  void quantilesInterpolateBetweenOrderStatistics() {
    assertThat(Samples.quantile(java.util.List.of(3.0, 1.0, 2.0, 10.0), 0.5)).isEqualTo(2.5);
    assertThat(Samples.quantile(java.util.List.of(5.0), 0.99)).isEqualTo(5.0);
  }
}
