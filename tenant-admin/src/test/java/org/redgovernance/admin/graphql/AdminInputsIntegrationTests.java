package org.redgovernance.admin.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redgovernance.admin.support.TenantAdminTest;
import org.redgovernance.testing.GraphQlResult;

/**
 * tenant-admin's errors are typed like platform-api's: unstorable text and oversized pages are
 * refused with a code naming the argument before anything runs, and no error goes without {@code
 * extensions.code}.
 */
class AdminInputsIntegrationTests extends TenantAdminTest {

  private static final String ONBOARD =
      "mutation($key: String!) { onboardCommunity(input: {streetKey: \"baishalu\", key: $key,"
          + " name: \"测试\", firstAdmin: {username: \"nul.admin\", email: \"nul@example.org\"}})"
          + " { community { key } errors { code } } }";

  private static long communities() throws SQLException {
    try (Connection owner = owner();
        ResultSet count =
            owner.createStatement().executeQuery("SELECT count(*) FROM rg.community")) {
      count.next();
      return count.getLong(1);
    }
  }

  @Test
  void aNulByteInAKey_isInvalidInput_notAnInternalError_andNothingIsRegistered()
      throws SQLException {
    long before = communities();
    GraphQlResult result =
        graphql.query(ONBOARD).as("baishalu.admin").variable("key", "x\u0000y").execute();

    assertThat(result.errorCodes()).containsExactly("INVALID_INPUT");
    assertThat(result.body().at("/errors/0/extensions/field").asString()).isEqualTo("input.key");
    assertThat(result.toString()).doesNotContain("INTERNAL");
    assertThat(communities()).isEqualTo(before);
  }

  @Test
  void controlCharactersAndHugeStrings_areInvalidInput() {
    assertThat(
            graphql
                .query(ONBOARD)
                .as("baishalu.admin")
                .variable("key", "bell\u0007")
                .execute()
                .errorCodes())
        .containsExactly("INVALID_INPUT");
    assertThat(
            graphql
                .query(ONBOARD)
                .as("baishalu.admin")
                .variable("key", "k".repeat(20_001))
                .execute()
                .errorCodes())
        .containsExactly("INVALID_INPUT");
  }

  @Test
  void aPageOfAMillionAuditEvents_isRefused() {
    GraphQlResult result =
        graphql
            .query("{ auditEvents(streetKey: \"baishalu\", first: 1000000) { id action } }")
            .as("baishalu.admin")
            .execute();

    assertThat(result.errorCodes()).containsExactly("BAD_USER_INPUT");
  }

  @Test
  void aBodyOfMegabytes_isRefusedWith413() {
    String body =
        "{\"query\":\"{ streets { key } }\",\"variables\":{\"x\":\""
            + "x".repeat(1_000_000)
            + "\"}}";

    GraphQlResult result = graphql.postRaw(body, "baishalu.admin");

    assertThat(result.status()).isEqualTo(413);
    assertThat(result.errorCodes()).containsExactly("REQUEST_TOO_LARGE");
  }

  @Test
  void syntaxAndValidationErrors_carryACode() {
    assertThat(graphql.query("{ auditEvents(").as("baishalu.admin").execute().errorCodes())
        .containsExactly("GRAPHQL_PARSE_FAILED");
    assertThat(
            graphql
                .query("{ auditEvents(streetKey: \"baishalu\") { password } }")
                .as("baishalu.admin")
                .execute()
                .errorCodes())
        .containsExactly("GRAPHQL_VALIDATION_FAILED");
    GraphQlResult variables =
        graphql
            .query("query($n: Int!) { auditEvents(streetKey: \"baishalu\", first: $n) { id } }")
            .as("baishalu.admin")
            .variable("n", Map.of("not", "a number"))
            .execute();
    assertThat(variables.errorCodes()).doesNotContain("", "INTERNAL");
  }
}
