package org.redgovernance.api.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.Tokens;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every GraphQL request leaves one log line (the tests log every request; production those that
 * fail or are slow, {@link RequestLogTests}): its request id (the client's, or one made and sent
 * back), the operation, who asked as a pseudonym, the community, the outcome and the duration — and
 * never the account itself, nor what a client put in a header that does not look like an id.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestLogIntegrationTests extends IntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void aRequest_isLoggedOnce_withItsIdOperationPseudonymCommunityOutcomeAndDuration(
      CapturedOutput output) {
    GraphQlResult answer =
        graphql
            .query("query CommunityName { community(key: \"baiguoshu\") { name } }")
            .as("baiguoshu.admin")
            .header("X-Request-Id", "req-log-1")
            .header("X-Community", "baiguoshu")
            .execute();
    assertThat(answer.errorCodes()).isEmpty();
    assertThat(answer.header("X-Request-Id")).isEqualTo("req-log-1");

    List<String> lines = linesOf(output, "graphql req-log-1 ");
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0))
        .containsPattern(
            "graphql req-log-1 CommunityName by [0-9a-f]{16} in baiguoshu: OK in \\d+ ms")
        .doesNotContain(account("baiguoshu.admin"));
    // the service writes JSON lines (as in production): the fields are keys of their own
    JsonNode json = JSON.readTree(lines.get(0));
    assertThat(json.path("request").path("id").asString()).isEqualTo("req-log-1");
    assertThat(json.path("graphql").path("operation").asString()).isEqualTo("CommunityName");
    assertThat(json.path("user").path("pseudonym").asString()).matches("[0-9a-f]{16}");
    assertThat(json.path("community").asString()).isEqualTo("baiguoshu");
    assertThat(json.path("outcome").asString()).isEqualTo("OK");
    assertThat(json.path("duration").path("ms").asString()).matches("\\d+");
    assertThat(json.path("log").path("logger").asString()).isEqualTo("org.redgovernance.requests");
  }

  @Test
  void theSamePerson_hasTheSamePseudonym_andARefusalIsLoggedWithItsCode(CapturedOutput output) {
    graphql
        .query("query First { viewer { displayName } }")
        .as("baiguoshu.resident")
        .header("X-Request-Id", "req-log-2")
        .execute();
    GraphQlResult refused =
        graphql
            .query("query Second { viewer { displayName } }")
            .as("baiguoshu.resident")
            .header("X-Request-Id", "req-log-3")
            .header("X-Community", "xinhua")
            .execute();
    assertThat(refused.errorCodes()).containsExactly("COMMUNITY_FORBIDDEN");

    String first = pseudonym(linesOf(output, "graphql req-log-2 ").get(0));
    String second = pseudonym(linesOf(output, "graphql req-log-3 ").get(0));
    assertThat(first).isEqualTo(second);
    assertThat(linesOf(output, "graphql req-log-3 ").get(0))
        .contains("in xinhua: COMMUNITY_FORBIDDEN in");
  }

  @Test
  void whatDoesNotLookLikeAnIdOrAKey_isLoggedAsAQuestionMark(CapturedOutput output) {
    GraphQlResult answer =
        graphql
            .query("query Odd { viewer { displayName } }")
            .as("baiguoshu.resident")
            .header("X-Request-Id", "bad id with spaces")
            .execute();
    String made = answer.header("X-Request-Id");
    assertThat(made).as("an id made here instead").matches("[0-9a-f]{16}");

    assertThat(linesOf(output, "graphql " + made + " "))
        .singleElement()
        .asString()
        .contains(" Odd ");
    assertThat(output.getAll()).doesNotContain("bad id");
  }

  private static List<String> linesOf(CapturedOutput output, String start) {
    return output.getAll().lines().filter(line -> line.contains(start)).toList();
  }

  private static String pseudonym(String line) {
    return line.replaceAll(".* by ([0-9a-f]{16}) in .*", "$1");
  }

  /** The account (the token's subject) of a demo user. */
  private static String account(String username) {
    String payload = Tokens.of(username).split("\\.")[1];
    return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8))
        .path("sub")
        .asString();
  }
}
