package org.redgovernance.api.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.testing.GraphQlResult;
import tools.jackson.databind.JsonNode;

/** Orderings of roster connections, and keyset paging that follows them without gaps or repeats. */
class RosterOrderingIntegrationTests extends IntegrationTest {

  @Test
  void residentsByName_pageWithoutGapsOrRepeats() {
    Map<String, Object> order = Map.of("field", "NAME", "direction", "ASC");
    List<String> onePage = ids(residents(order, 30, null), "community.residents");

    List<String> paged = new ArrayList<>();
    String after = null;
    for (int page = 0; page < 3; page++) {
      GraphQlResult result = residents(order, 10, after);
      paged.addAll(ids(result, "community.residents"));
      after = result.data("community.residents.pageInfo.endCursor").asString();
    }

    assertThat(paged).isEqualTo(onePage);
    List<String> names = new ArrayList<>();
    residents(order, 30, null)
        .data("community.residents.edges")
        .forEach(e -> names.add(e.path("node").path("name").asString()));
    assertThat(names).isSortedAccordingTo(Comparator.naturalOrder());
  }

  @Test
  void residentsByBirthYearDescending_areSortedAndPage() {
    Map<String, Object> order = Map.of("field", "BIRTH_YEAR", "direction", "DESC");
    GraphQlResult first = residents(order, 10, null);
    GraphQlResult second =
        residents(order, 10, first.data("community.residents.pageInfo.endCursor").asString());

    List<Integer> years = new ArrayList<>();
    for (GraphQlResult page : List.of(first, second)) {
      page.data("community.residents.edges")
          .forEach(e -> years.add(e.path("node").path("birthYear").asInt()));
    }
    assertThat(years).hasSize(20).isSortedAccordingTo(Comparator.reverseOrder());
  }

  @Test
  void householdsByAddress_pageInAddressOrder() {
    Map<String, Object> order = Map.of("field", "ADDRESS");
    List<String> onePage = ids(households(order, 12, null), "community.households");
    GraphQlResult first = households(order, 6, null);
    GraphQlResult second =
        households(order, 6, first.data("community.households.pageInfo.endCursor").asString());

    List<String> paged = new ArrayList<>(ids(first, "community.households"));
    paged.addAll(ids(second, "community.households"));
    assertThat(paged).isEqualTo(onePage);
  }

  @Test
  void aCursorOfAnotherOrdering_isRefused() {
    String createdCursor =
        residents(Map.of("field", "CREATED"), 2, null)
            .data("community.residents.pageInfo.endCursor")
            .asString();

    GraphQlResult result = residents(Map.of("field", "NAME"), 2, createdCursor);

    assertThat(result.errorCodes()).containsExactly("BAD_USER_INPUT");
  }

  @Test
  void forgedCursors_areRefusedAsBadInput_andTheRestOfTheAnswerStays() {
    java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
    String nameCursor =
        residents(Map.of("field", "NAME"), 2, null)
            .data("community.residents.pageInfo.endCursor")
            .asString();
    for (Map.Entry<Map<String, Object>, String> forged :
        Map.of(
                // a birth year that is no number, a date that is no date, a bad id, a NUL byte
                Map.<String, Object>of("field", "BIRTH_YEAR"),
                "abc\u001f0190d2a0-0000-7000-8000-000000000001",
                Map.<String, Object>of("field", "CREATED", "direction", "DESC"),
                "not-a-uuid",
                Map.<String, Object>of("field", "NAME"),
                "名\u0000\u001f0190d2a0-0000-7000-8000-000000000001",
                Map.<String, Object>of("field", "BIRTH_YEAR", "direction", "DESC"),
                "99999999999\u001f0190d2a0-0000-7000-8000-000000000001")
            .entrySet()) {
      String cursor =
          base64.encodeToString(
              forged.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      GraphQlResult result = residents(forged.getKey(), 2, cursor);

      assertThat(result.errorCodes()).as(forged.toString()).containsExactly("BAD_USER_INPUT");
      assertThat(result.data("community.residents").isNull()).isTrue();
    }
    // a real cursor of one ordering is no cursor of another ordering's values
    assertThat(residents(Map.of("field", "BIRTH_YEAR"), 2, nameCursor).errorCodes())
        .containsExactly("BAD_USER_INPUT");
  }

  private GraphQlResult residents(Map<String, Object> order, int first, String after) {
    var call =
        graphql
            .document("orderedResidents")
            .as("baiguoshu.supervisor")
            .variable("key", "baiguoshu")
            .variable("first", first)
            .variable("orderBy", order);
    if (after != null) {
      call.variable("after", after);
    }
    return call.execute();
  }

  private GraphQlResult households(Map<String, Object> order, int first, String after) {
    var call =
        graphql
            .document("orderedHouseholds")
            .as("baiguoshu.supervisor")
            .variable("key", "baiguoshu")
            .variable("first", first)
            .variable("orderBy", order);
    if (after != null) {
      call.variable("after", after);
    }
    return call.execute();
  }

  private static List<String> ids(GraphQlResult result, String connection) {
    List<String> ids = new ArrayList<>();
    for (JsonNode edge : result.data(connection + ".edges")) {
      ids.add(edge.path("node").path("id").asString());
    }
    assertThat(ids).as(result.toString()).isNotEmpty();
    return ids;
  }
}
