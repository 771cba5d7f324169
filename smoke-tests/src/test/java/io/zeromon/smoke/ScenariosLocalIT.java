package io.zeromon.smoke;

import java.nio.file.Path;

/**
 * The scenarios on this machine (what CI runs, on JDK 17 and 25): child JVMs, receivers in the test
 * JVM, Debian's prometheus.
 */
class ScenariosLocalIT extends Scenarios {

  @Override
  Backend openBackend(Path dir) throws Exception {
    return new LocalBackend(dir);
  }
}
