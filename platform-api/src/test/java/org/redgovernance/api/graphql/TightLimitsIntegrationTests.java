package org.redgovernance.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.api.support.Rows;
import org.redgovernance.testing.GraphQlResult;
import org.springframework.test.context.TestPropertySource;

/**
 * Limits that take too long to reach at their defaults, set small in a context of their own: each
 * caller's query cost a minute (100,000 here, 1,000,000 by default), the size of an answer (256 KiB
 * here, 16 MiB by default) and the numbers one caller may read unmasked in an hour (150 here, 5,000
 * by default).
 */
@TestPropertySource(
    properties = {
      "rg.graphql.cost-per-minute=100000",
      "rg.graphql.max-response-bytes=262144",
      "rg.personal-data.unmasked-per-hour=150"
    })
class TightLimitsIntegrationTests extends IntegrationTest {

  @Test
  void anAnswerLargerThanAResponseMayBe_isReplacedByAnError() {
    // cheap by cost (a few hundred), large by its texts: the 20,000-character notice body
    String body = "长".repeat(20_000);
    GraphQlResult published =
        graphql
            .document("publishNotice")
            .as("qingyuan.admin")
            .variable("input", Map.of("communityKey", "qingyuan", "title", "长文", "body", body))
            .execute();
    assertThat(published.data("publishNotice.errors").size()).as(published.toString()).isZero();

    GraphQlResult small =
        graphql
            .query("{ notices(first: 1) { edges { node { title } } } }")
            .as("qingyuan.admin")
            .execute();
    GraphQlResult large =
        graphql
            .query(
                "{ a: notices(first: 20) { edges { node { body } } }"
                    + " b: notices(first: 20) { edges { node { body } } }"
                    + " c: notices(first: 20) { edges { node { body } } }"
                    + " d: notices(first: 20) { edges { node { body } } }"
                    + " e: notices(first: 20) { edges { node { body } } }"
                    + " f: notices(first: 20) { edges { node { body } } } }")
            .as("qingyuan.admin")
            .execute();

    assertThat(small.hasErrors()).as(small.toString()).isFalse();
    assertThat(large.errorCodes()).containsExactly("RESPONSE_TOO_LARGE");
    assertThat(large.body().path("data").isNull() || large.body().path("data").isMissingNode())
        .isTrue();
  }

  @Test
  void aCallerWhoSpendsTheirBudget_isRateLimitedUntilTheMinuteIsOver() {
    // each costs 9,842: 80 households × (edges, node, residents × 10 × (household, residents ×
    // 10)),
    // though the filter finds none, so that its answer stays small
    String query =
        "{ community(key: \"xinhua\") { households(first: 80, filter: {gridId: \"none\"}) {"
            + " edges { node { residents { household { residents { id } } } } } } } }";
    List<String> outcomes = new ArrayList<>();
    GraphQlResult refused = null;
    for (int i = 0; i < 14; i++) {
      GraphQlResult result = graphql.query(query).as("xinhua.admin").execute();
      outcomes.add(result.errorCodes().isEmpty() ? "OK" : result.errorCodes().get(0));
      if (!result.errorCodes().isEmpty() && refused == null) {
        refused = result;
      }
    }

    assertThat(outcomes.subList(0, 10)).as(outcomes.toString()).containsOnly("OK");
    assertThat(outcomes.subList(10, 14)).containsOnly("RATE_LIMITED");
    assertThat(refused.body().at("/errors/0/extensions/retryAfterSeconds").asInt())
        .isBetween(1, 60);
    assertThat(refused.header("Retry-After"))
        .as("the same wait in the HTTP header")
        .isEqualTo(refused.body().at("/errors/0/extensions/retryAfterSeconds").asString());
    // another caller is not held to this one's spending
    assertThat(graphql.query(query).as("baishalu.admin").execute().hasErrors()).isFalse();
  }

  @Test
  void
      anAnswerWithMoreUnmaskedNumbersThanTheBudgetLeft_isRefusedWhole_andNothingIsRecordedAsRead() {
    long reads = Rows.count("SELECT count(*) FROM rg.personal_data_access");
    long alerts = Rows.auditEvents("personal-data.rate-limited");
    String page =
        "{ community(key: \"baiguoshu\") { residents(first: %d) { edges { node {"
            + " phone idCardNumber } } } } }";

    GraphQlResult tooMany = graphql.query(page.formatted(100)).as("baiguoshu.secretary").execute();
    GraphQlResult fewer = graphql.query(page.formatted(10)).as("baiguoshu.secretary").execute();

    // 100 residents × 2 numbers is past 150: nothing of it leaves, and nothing is recorded as read
    assertThat(tooMany.errorCodes()).containsExactly("RATE_LIMITED");
    assertThat(tooMany.body().at("/errors/0/extensions/retryAfterSeconds").asInt()).isPositive();
    assertThat(tooMany.toString()).doesNotContainPattern("1[3-9]\\d{9}");
    assertThat(Rows.auditEvents("personal-data.rate-limited") - alerts).isEqualTo(1);
    // the refused answer took nothing of the budget: 20 numbers fit, and only they are recorded
    assertThat(fewer.hasErrors()).as(fewer.toString()).isFalse();
    assertThat(Rows.count("SELECT count(*) FROM rg.personal_data_access") - reads).isEqualTo(20);
  }
}
