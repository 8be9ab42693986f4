package org.redgovernance.api.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.graphql.RenderedJsonStrategy;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.testing.GraphQlResult;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A page of households with residents and party membership, as PostgreSQL writes it, is the page
 * resolved field by field — in both orderings, across pages, with filters. The field-by-field page
 * is asked for by adding {@code grid}, which PostgreSQL does not write; it is removed before
 * comparing.
 */
class RenderedHouseholdsIntegrationTests extends IntegrationTest {

  private static final String HOUSEHOLD_FIELDS =
      """
      id __typename address unit room version
      residents {
        id name gender birthYear owner movedInOn movedOutOn status version
        partyMembership { id name kind workplace joinedOn specialties status version }
      }
      """;

  @Autowired RenderedJsonStrategy strategy;

  @Test
  void pagesOfHouseholds_writtenByPostgres_areThePagesResolvedFieldByField() {
    for (Map<String, Object> orderBy :
        new Map[] {
          Map.of(),
          Map.of("orderBy", Map.of("field", "ADDRESS", "direction", "ASC")),
          Map.of("orderBy", Map.of("field", "ADDRESS", "direction", "DESC"))
        }) {
      String after = null;
      for (int page = 0; page < 3; page++) {
        Map<String, Object> variables = new java.util.HashMap<>(orderBy);
        variables.put("first", 40);
        if (after != null) {
          variables.put("after", after);
        }
        JsonNode rendered = assertSamePage("baiguoshu.admin", variables);
        after = rendered.path("pageInfo").path("endCursor").asString();
      }
    }
  }

  @Test
  void filteredAndEmptyPages_areAnsweredAlike() {
    assertSamePage("baiguoshu.admin", Map.of("first", 0));
    assertSamePage(
        "baishalu.viewer", Map.of("first", 30, "filter", Map.of("withPartyMember", true)));
    assertSamePage(
        "baiguoshu.secretary", Map.of("first", 30, "filter", Map.of("withPartyMember", false)));
  }

  private JsonNode assertSamePage(String user, Map<String, Object> variables) {
    long before = strategy.rendered();
    GraphQlResult rendered = households(user, variables, "");
    assertThat(strategy.rendered()).as("written by PostgreSQL").isEqualTo(before + 1);
    GraphQlResult resolved = households(user, variables, "grid { id }");
    assertThat(rendered.hasErrors()).as(rendered.toString()).isFalse();
    assertThat(resolved.hasErrors()).as(resolved.toString()).isFalse();

    JsonNode expected = resolved.data("community.households");
    for (JsonNode edge : expected.path("edges")) {
      ((ObjectNode) edge.path("node")).remove("grid");
    }
    JsonNode actual = rendered.data("community.households");
    assertThat(actual.toString()).isEqualTo(expected.toString());
    return actual;
  }

  private GraphQlResult households(String user, Map<String, Object> variables, String extraField) {
    String document =
        "query($key: String!, $first: Int, $after: String, $filter: HouseholdFilter,"
            + " $orderBy: HouseholdOrder) { community(key: $key) {"
            + " households(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {"
            + " edges { cursor node { "
            + HOUSEHOLD_FIELDS
            + extraField
            + " } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }";
    var call = graphql.query(document).as(user).variable("key", "baiguoshu");
    variables.forEach(call::variable);
    return call.execute();
  }
}
