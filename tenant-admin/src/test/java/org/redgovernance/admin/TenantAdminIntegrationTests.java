package org.redgovernance.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redgovernance.admin.support.TenantAdminTest;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.HttpJson;

/**
 * tenant-admin boots with its own database role and its own Keycloak service account, and shows the
 * registry only to those who oversee it.
 */
class TenantAdminIntegrationTests extends TenantAdminTest {

  private static final String REGISTRY =
      "query($street: String) { streets { key name } registeredCommunities(streetKey: $street)"
          + " { key name status streetKey } }";

  @Test
  void health_coversItsDatabaseRoleAndItsServiceAccountLogin() {
    HttpJson.Response health = HttpJson.get("http://127.0.0.1:" + port + "/actuator/health");

    assertThat(health.status()).as(health.body().toString()).isEqualTo(200);
    assertThat(health.body().path("components").path("db").path("status").asString())
        .isEqualTo("UP");
    assertThat(health.body().path("components").path("keycloak").path("status").asString())
        .isEqualTo("UP");
  }

  @Test
  void aStreetAdmin_seesTheirStreetsCommunitiesOnly() {
    GraphQlResult result = graphql.query(REGISTRY).as("baishalu.admin").execute();

    assertThat(values(result, "streets", "key")).containsExactly("baishalu");
    assertThat(values(result, "registeredCommunities", "key"))
        .contains("baiguoshu", "xinhua")
        .doesNotContain("qingyuan");
    assertThat(values(result, "registeredCommunities", "streetKey")).containsOnly("baishalu");
  }

  @Test
  void thePlatformOperator_seesTheWholeRegistry() {
    GraphQlResult result = graphql.query(REGISTRY).as("platform.operator").execute();

    assertThat(values(result, "streets", "key")).contains("baishalu", "gutang");
    assertThat(values(result, "registeredCommunities", "key"))
        .contains("baiguoshu", "xinhua", "qingyuan");
  }

  @Test
  void communityRoles_seeNothingOfTheRegistry() {
    GraphQlResult result = graphql.query(REGISTRY).as("baiguoshu.admin").execute();

    assertThat(values(result, "streets", "key")).isEmpty();
    assertThat(values(result, "registeredCommunities", "key")).isEmpty();
  }

  @Test
  void noToken_is401() {
    assertThat(graphql.query(REGISTRY).execute().status()).isEqualTo(401);
  }

  private static List<String> values(GraphQlResult result, String field, String property) {
    List<String> values = new ArrayList<>();
    result.data(field).forEach(item -> values.add(item.path(property).asString()));
    return values;
  }
}
