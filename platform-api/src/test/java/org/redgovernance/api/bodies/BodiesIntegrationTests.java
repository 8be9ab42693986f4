package org.redgovernance.api.bodies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.testing.GraphQlResult;
import tools.jackson.databind.JsonNode;

/** The five homes and the figures of the seed report, as every role of the community reads them. */
class BodiesIntegrationTests extends IntegrationTest {

  @Test
  void aResident_readsTheFiveBodiesWithTheirCurrentMembers() {
    GraphQlResult result = bodies("baiguoshu.resident");

    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    JsonNode bodies = result.data("community.bodies");
    assertThat(bodies.size()).isEqualTo(5);
    assertThat(bodies.get(0).path("kind").asString()).isEqualTo("PARTY_BRANCH");
    JsonNode owners = bodies.get(1);
    assertThat(owners.path("kind").asString()).isEqualTo("OWNERS_COMMITTEE");
    assertThat(owners.path("currentTerm").path("members").get(0).path("position").asString())
        .isEqualTo("CHAIR");
  }

  @Test
  void baiguoshusBodies_reproduceTheSeed_ownersCommittee6Of7_supervisors3Of3() {
    Map<String, String> figures = new HashMap<>();
    bodies("baiguoshu.resident")
        .data("community.figures.bodies")
        .forEach(
            body ->
                figures.put(
                    body.path("kind").asString(),
                    body.path("partyMembers").asInt() + "/" + body.path("members").asInt()));

    assertThat(figures).containsEntry("OWNERS_COMMITTEE", "6/7");
    assertThat(figures).containsEntry("SUPERVISORY_COMMITTEE", "3/3");
  }

  @Test
  void baiguoshusFigures_reproduceTheSeed_about700HouseholdsAnd338PartyMembers() {
    JsonNode figures = bodies("baishalu.viewer").data("community.figures");

    assertThat(figures.path("households").asInt()).isBetween(700, 720);
    assertThat(figures.path("partyMembers").asInt()).isEqualTo(338);
    int byKind = 0;
    for (JsonNode kind : figures.path("partyMembersByKind")) {
      assertThat(kind.path("count").asInt()).isPositive();
      byKind += kind.path("count").asInt();
    }
    assertThat(byKind).isEqualTo(338);
    assertThat(figures.path("partyMemberHouseholdShare").asDouble()).isBetween(0.3, 0.6);
  }

  @Test
  void partyMembersAndResidents_showTheBodiesTheySitOn() {
    GraphQlResult result =
        graphql.document("seats").as("baiguoshu.secretary").variable("key", "baiguoshu").execute();

    JsonNode first = result.data("community.partyMembers.edges.0.node");
    assertThat(first.path("bodies").get(0).path("bodyKind").asString()).isEqualTo("PARTY_BRANCH");
    assertThat(first.path("resident").path("bodies").get(0).path("bodyKind").asString())
        .isEqualTo("PARTY_BRANCH");
  }

  @Test
  void theBodiesOfACommunityFromTheViewer_areTheBodiesOfTheCommunityByKey() {
    String fields =
        "key bodies { id kind name currentTerm { number current members { personId name position"
            + " partyMember } } terms { number startsOn endsOn current } figures { members"
            + " partyMembers partyShare } } figures { households residents partyMembers"
            + " partyMembersByKind { kind count } householdsWithPartyMember"
            + " partyMemberHouseholdShare bodies { kind members partyMembers partyShare } }";
    GraphQlResult byKey =
        graphql
            .query("{ community(key: \"baiguoshu\") { " + fields + " } }")
            .as("baiguoshu.resident")
            .execute();
    GraphQlResult fromViewer =
        graphql
            .query("{ viewer { reachableCommunities { " + fields + " } } }")
            .as("baiguoshu.resident")
            .execute();

    assertThat(byKey.hasErrors()).as(byKey.toString()).isFalse();
    assertThat(fromViewer.hasErrors()).as(fromViewer.toString()).isFalse();
    assertThat(fromViewer.data("viewer.reachableCommunities.0").toString())
        .isEqualTo(byKey.data("community").toString());
    assertThat(byKey.data("community.figures.partyMembersByKind").findValuesAsString("kind"))
        .containsExactly("REGISTERED", "IN_SERVICE", "SILVER");
  }

  private GraphQlResult bodies(String user) {
    return graphql.document("bodies").as(user).variable("key", "baiguoshu").execute();
  }
}
