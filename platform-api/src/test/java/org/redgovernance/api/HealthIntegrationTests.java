package org.redgovernance.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.testing.HttpJson;

class HealthIntegrationTests extends IntegrationTest {

  @Test
  void health_isUpAndCoversTheDatabaseAndKeycloakWithoutAToken() {
    HttpJson.Response health = HttpJson.get("http://127.0.0.1:" + port + "/actuator/health");

    assertThat(health.status()).as(health.body().toString()).isEqualTo(200);
    assertThat(health.body().path("status").asString()).isEqualTo("UP");
    assertThat(health.body().path("components").path("db").path("status").asString())
        .isEqualTo("UP");
    assertThat(health.body().path("components").path("keycloak").path("status").asString())
        .isEqualTo("UP");
  }
}
