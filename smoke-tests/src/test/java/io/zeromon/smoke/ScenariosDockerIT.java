package io.zeromon.smoke;

import java.nio.file.Path;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;

/**
 * The same scenarios in Docker: Jaeger v2, Prometheus and the applications in containers (see
 * docs/smoke-tests.md). Skipped, with one printed line saying why, where there is no Docker engine.
 */
@EnabledIf(value = "dockerAvailable", disabledReason = "no Docker engine")
class ScenariosDockerIT extends Scenarios {

  private static Boolean docker;

  static synchronized boolean dockerAvailable() {
    if (docker == null) {
      docker = DockerClientFactory.instance().isDockerAvailable();
      if (!docker) {
        System.out.println(
            "ScenariosDockerIT skipped: no Docker engine found (DOCKER_HOST, /var/run/docker.sock);"
                + " the same scenarios ran locally in ScenariosLocalIT");
      }
    }
    return docker;
  }

  @Override
  Backend openBackend(Path dir) throws Exception {
    return DockerBackend.open();
  }
}
