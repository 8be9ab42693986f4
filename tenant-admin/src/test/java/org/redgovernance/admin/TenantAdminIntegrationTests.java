package org.redgovernance.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redgovernance.database.DatabaseRoles;
import org.redgovernance.database.LocalPostgres;
import org.redgovernance.testing.GraphQlHttp;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.HttpJson;
import org.redgovernance.testing.TestStack;
import org.redgovernance.testing.TestStackInfo;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * tenant-admin boots with its own database role and its own Keycloak service account, and shows the
 * registry only to those who oversee it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.config.name=" + TenantAdminApplication.CONFIG_NAME)
class TenantAdminIntegrationTests {

  private static final String REGISTRY =
      "query($street: String) { streets { key name } registeredCommunities(streetKey: $street)"
          + " { key name status streetKey } }";

  @LocalServerPort int port;

  private GraphQlHttp graphql;

  @DynamicPropertySource
  static void stack(DynamicPropertyRegistry properties) {
    TestStackInfo stack = TestStack.get();
    properties.add("spring.datasource.url", stack::jdbcUrl);
    properties.add("spring.datasource.username", () -> DatabaseRoles.ADMIN);
    properties.add("spring.datasource.password", () -> LocalPostgres.ADMIN_PASSWORD);
    properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", stack::issuer);
    properties.add("rg.keycloak.client-secret", () -> "rg-tenant-admin-dev-secret");
  }

  @BeforeEach
  void client() {
    graphql = new GraphQlHttp(port);
  }

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
        .containsExactly("baiguoshu", "xinhua");
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
