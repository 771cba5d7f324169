package io.zeromon.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceNamesTest {

  @Test
  void derivesANameFromHowTheJvmWasLaunched() {
    assertThat(ServiceNames.fromCommand("/opt/apps/orders-service.jar --port 8080"))
        .isEqualTo("orders-service");
    assertThat(ServiceNames.fromCommand("com.example.billing.BillingMain arg")).isEqualTo("BillingMain");
    assertThat(ServiceNames.fromCommand("app.module/com.example.Main")).isEqualTo("Main");
    assertThat(ServiceNames.fromCommand("")).isNull();
    assertThat(ServiceNames.fromCommand(null)).isNull();
  }
}
