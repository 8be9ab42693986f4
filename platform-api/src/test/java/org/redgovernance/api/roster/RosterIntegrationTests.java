package org.redgovernance.api.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.graphql.SqlStatementCounter;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.api.support.Rows;
import org.redgovernance.testing.GraphQlResult;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class RosterIntegrationTests extends IntegrationTest {

  @Autowired SqlStatementCounter statements;

  @Test
  void aPageOfHouseholdsWithResidentsAndPartyInformation_costsThreeStatementsWhateverItsSize() {
    long two = statementsFor(2);
    long fifty = statementsFor(50);

    // resolving the caller's communities, setting the tenant context, the page with its residents
    assertThat(two).isEqualTo(3);
    assertThat(fifty).isEqualTo(3);
  }

  @Test
  void households_showResidentsAndTheirPartyMembership() {
    GraphQlResult page = households("baiguoshu.supervisor", 50);

    // household 0 is where the mutation tests register people; the demo ones have 3 or 4 residents
    JsonNode first = page.data("community.households.edges.10.node");
    assertThat(first.path("address").asString()).matches("\\d+幢-\\d-\\d+");
    assertThat(first.path("residents").size()).isBetween(3, 4);
    int partyMembers = 0;
    for (JsonNode edge : page.data("community.households.edges")) {
      for (JsonNode resident : edge.path("node").path("residents")) {
        if (!resident.path("partyMembership").isNull()) {
          partyMembers++;
        }
      }
    }
    assertThat(partyMembers).isPositive();
  }

  @Test
  void theRoster_isForbiddenToResidents_andOnlyTheRosterIsMissingFromTheirAnswer() {
    GraphQlResult result =
        graphql
            .query(
                """
                { community(key: "baiguoshu") {
                    name
                    matters(first: 3) { edges { node { title } } }
                    households(first: 5) { edges { node { address } } }
                    residents(first: 5) { edges { node { name } } }
                    grids { edges { node { name } } }
                } }
                """)
            .as("baiguoshu.resident")
            .execute();

    assertThat(result.errorCodes()).containsExactly("FORBIDDEN", "FORBIDDEN", "FORBIDDEN");
    List<String> paths = new java.util.ArrayList<>();
    result.body().path("errors").forEach(e -> paths.add(e.path("path").toString()));
    assertThat(paths)
        .containsExactlyInAnyOrder(
            "[\"community\",\"households\"]",
            "[\"community\",\"residents\"]",
            "[\"community\",\"grids\"]");
    assertThat(result.data("community.name").asString()).isNotBlank();
    assertThat(result.data("community.matters.edges").size()).isPositive();
    assertThat(result.data("community.households").isNull()).isTrue();
    assertThat(result.data("community.residents").isNull()).isTrue();
  }

  @Test
  void phoneAndIdCard_areMaskedForCommitteesAndStreetRoles() {
    for (String user : List.of("baiguoshu.supervisor", "baishalu.admin")) {
      JsonNode resident = residents(user, Map.of()).data("community.residents.edges.0.node");
      assertThat(resident.path("phone").asString()).as(user).matches("1\\d\\d\\*{4}\\d{4}");
      assertThat(resident.path("idCardNumber").asString())
          .as(user)
          .matches("\\d{4}\\*{10}[\\dX]{4}");
    }
  }

  @Test
  void phoneAndIdCard_areUnmaskedForTheAdminAndEveryReadIsRecorded() {
    long before = Rows.count("SELECT count(*) FROM rg.personal_data_access");

    GraphQlResult result = residents("baiguoshu.admin", Map.of());

    JsonNode resident = result.data("community.residents.edges.0.node");
    assertThat(resident.path("phone").asString()).matches("1[3-9]\\d{9}");
    assertThat(resident.path("idCardNumber").asString()).matches("\\d{17}[\\dX]");
    int read = result.data("community.residents.edges").size();
    assertThat(Rows.count("SELECT count(*) FROM rg.personal_data_access") - before)
        .isEqualTo(2L * read);
  }

  @Test
  void partyMembers_filterByKindAndSpecialty() {
    GraphQlResult silver =
        graphql
            .document("partyMembers")
            .as("baiguoshu.secretary")
            .variable("key", "baiguoshu")
            .variable("first", 100)
            .variable("filter", Map.of("kind", "SILVER"))
            .execute();
    GraphQlResult lawyers =
        graphql
            .document("partyMembers")
            .as("baiguoshu.secretary")
            .variable("key", "baiguoshu")
            .variable("first", 100)
            .variable("filter", Map.of("specialty", "法律咨询"))
            .execute();

    assertThat(silver.edgeValues("community.partyMembers", "kind"))
        .isNotEmpty()
        .containsOnly("SILVER");
    assertThat(lawyers.data("community.partyMembers.edges").size()).isPositive();
    lawyers
        .data("community.partyMembers.edges")
        .forEach(
            edge -> assertThat(edge.path("node").path("specialties").toString()).contains("法律咨询"));
  }

  @Test
  void households_filterByPartyMembership() {
    GraphQlResult without =
        graphql
            .document("households")
            .as("baiguoshu.admin")
            .variable("key", "baiguoshu")
            .variable("first", 20)
            .variable("filter", Map.of("withPartyMember", false))
            .execute();

    for (JsonNode edge : without.data("community.households.edges")) {
      for (JsonNode resident : edge.path("node").path("residents")) {
        assertThat(resident.path("partyMembership").isNull()).isTrue();
      }
    }
  }

  @Test
  void aResident_isReachableByNodeForStaffButNotForResidents() {
    String id =
        residents("baiguoshu.admin", Map.of())
            .data("community.residents.edges.0.node.id")
            .asString();

    assertThat(
            graphql
                .document("node")
                .as("baiguoshu.supervisor")
                .variable("id", id)
                .execute()
                .data("node.__typename")
                .asString())
        .isEqualTo("Resident");
    assertThat(
            graphql
                .document("node")
                .as("baiguoshu.resident")
                .variable("id", id)
                .execute()
                .data("node")
                .isNull())
        .isTrue();
  }

  private long statementsFor(int first) {
    long before = statements.total();
    GraphQlResult result = households("baiguoshu.supervisor", first);
    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    assertThat(result.data("community.households.edges").size()).isEqualTo(first);
    return statements.total() - before;
  }

  private GraphQlResult households(String user, int first) {
    return graphql
        .document("households")
        .as(user)
        .variable("key", "baiguoshu")
        .variable("first", first)
        .execute();
  }

  private GraphQlResult residents(String user, Map<String, Object> filter) {
    GraphQlResult result =
        graphql
            .document("residents")
            .as(user)
            .variable("key", "baiguoshu")
            .variable("first", 10)
            .variable("filter", filter)
            .execute();
    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    return result;
  }
}
