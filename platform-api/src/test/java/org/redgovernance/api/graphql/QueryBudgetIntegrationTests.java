package org.redgovernance.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.testing.GraphQlResult;
import org.springframework.test.context.TestPropertySource;

/**
 * Each caller may spend so much query cost a minute; past it, every request is refused with {@code
 * RATE_LIMITED} and when to retry, until the minute is over. Here with a budget of 100,000 (the
 * default is 1,000,000), so that ten heavy requests spend it.
 */
@TestPropertySource(properties = "rg.graphql.cost-per-minute=100000")
class QueryBudgetIntegrationTests extends IntegrationTest {

  @Test
  void aCallerWhoSpendsTheirBudget_isRateLimitedUntilTheMinuteIsOver() {
    // each costs 9,842: 80 households × (edges, node, residents × 10 × (household, residents × 10))
    String query =
        "{ community(key: \"xinhua\") { households(first: 80) { edges { node {"
            + " residents { household { residents { id } } } } } } } }";
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
    // another caller is not held to this one's spending
    assertThat(graphql.query(query).as("baishalu.admin").execute().hasErrors()).isFalse();
  }
}
