package org.redgovernance.api.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.api.support.Rows;
import org.redgovernance.testing.GraphQlResult;
import tools.jackson.databind.JsonNode;

// Works in xinhua, so that the seed figures of baiguoshu stay as the report has them.
class PartyMemberMutationsIntegrationTests extends IntegrationTest {

  @Test
  void aResidentBecomesAPartyMemberOnce() {
    String resident = newResident("新党员");

    GraphQlResult added =
        add(
            Map.of(
                "residentId",
                resident,
                "kind",
                "REGISTERED",
                "specialties",
                List.of("书法", " 书法 ", "摄影")));
    GraphQlResult again = add(Map.of("residentId", resident, "kind", "SILVER"));

    JsonNode member = added.data("addPartyMember.partyMember");
    assertThat(added.data("addPartyMember.errors").size()).as(added.toString()).isZero();
    assertThat(member.path("name").asString()).isEqualTo("新党员");
    assertThat(member.path("specialties").toString()).isEqualTo("[\"书法\",\"摄影\"]");
    assertThat(member.path("resident").path("id").asString()).isEqualTo(resident);
    assertThat(again.data("addPartyMember.errors.0.code").asString()).isEqualTo("DUPLICATE");
  }

  @Test
  void anInServiceMember_namesTheirWorkplace() {
    GraphQlResult without =
        add(Map.of("communityKey", "xinhua", "name", "外来党员", "kind", "IN_SERVICE"));
    GraphQlResult with =
        add(
            Map.of(
                "communityKey",
                "xinhua",
                "name",
                "外来党员",
                "kind",
                "IN_SERVICE",
                "workplace",
                "慈溪市人民医院"));

    assertThat(without.data("addPartyMember.errors.0.field.0").asString()).isEqualTo("workplace");
    assertThat(with.data("addPartyMember.partyMember.workplace").asString()).isEqualTo("慈溪市人民医院");
    assertThat(with.data("addPartyMember.partyMember.resident").isNull()).isTrue();
  }

  @Test
  void updatePartyMember_checksTheVersionAndTheInServiceRule() {
    String id =
        add(Map.of("communityKey", "xinhua", "name", "待更新", "kind", "REGISTERED"))
            .data("addPartyMember.partyMember.id")
            .asString();

    GraphQlResult noWorkplace =
        update(Map.of("id", id, "expectedVersion", 0, "kind", "IN_SERVICE"));
    GraphQlResult stale = update(Map.of("id", id, "expectedVersion", 5, "kind", "SILVER"));
    GraphQlResult applied =
        update(
            Map.of("id", id, "expectedVersion", 0, "kind", "SILVER", "specialties", List.of("园艺")));

    assertThat(noWorkplace.data("updatePartyMember.errors.0.field.0").asString())
        .isEqualTo("workplace");
    assertThat(stale.data("updatePartyMember.errors.0.code").asString()).isEqualTo("CONFLICT");
    assertThat(applied.data("updatePartyMember.partyMember.kind").asString()).isEqualTo("SILVER");
    assertThat(applied.data("updatePartyMember.partyMember.version").asInt()).isEqualTo(1);
  }

  @Test
  void aSeatOnABody_liesInsideTheTermAndABodyHasOneChair() {
    String resident = newResident("新委员");
    String owners = bodyId("OWNERS_COMMITTEE");

    GraphQlResult before = seat(owners, resident, "MEMBER", "2023-12-31");
    GraphQlResult chair = seat(owners, resident, "CHAIR", "2025-01-01");
    GraphQlResult seated = seat(owners, resident, "MEMBER", "2025-01-01");

    assertThat(before.data("addBodyMember.errors.0.field.0").asString()).isEqualTo("fromOn");
    assertThat(chair.data("addBodyMember.errors.0.code").asString()).isEqualTo("CONFLICT");
    assertThat(seated.data("addBodyMember.errors").size()).as(seated.toString()).isZero();
    assertThat(seated.data("addBodyMember.body.figures.members").asInt()).isEqualTo(8);
    assertThat(seated.data("addBodyMember.body.figures.partyMembers").asInt()).isEqualTo(6);
  }

  @Test
  void aBranchOfAnotherCommunity_isNotFound_andNoMemberNorAuditRecordIsWritten() {
    String foreignGrid =
        graphql
            .query(
                "{ community(key: \"baiguoshu\") { grids(first: 1) { edges { node { id } } } } }")
            .as("baiguoshu.admin")
            .execute()
            .data("community.grids.edges.0.node.id")
            .asString();
    long added = Rows.auditEvents("roster.party-member.added");

    GraphQlResult result =
        add(
            Map.of(
                "communityKey",
                "xinhua",
                "name",
                "外来党员",
                "kind",
                "REGISTERED",
                "gridId",
                foreignGrid));

    assertThat(result.data("addPartyMember.errors.0.code").asString()).isEqualTo("NOT_FOUND");
    assertThat(result.data("addPartyMember.errors.0.field.0").asString()).isEqualTo("gridId");
    assertThat(result.data("addPartyMember.partyMember").isNull()).isTrue();
    assertThat(Rows.auditEvents("roster.party-member.added")).isEqualTo(added);
  }

  private GraphQlResult add(Map<String, Object> input) {
    return graphql.document("addPartyMember").as("xinhua.admin").variable("input", input).execute();
  }

  private GraphQlResult update(Map<String, Object> input) {
    return graphql
        .document("updatePartyMember")
        .as("xinhua.admin")
        .variable("input", input)
        .execute();
  }

  private GraphQlResult seat(String body, String resident, String position, String fromOn) {
    return graphql
        .document("addBodyMember")
        .as("xinhua.admin")
        .variable(
            "input",
            Map.of("bodyId", body, "residentId", resident, "position", position, "fromOn", fromOn))
        .execute();
  }

  private String newResident(String name) {
    String household =
        graphql
            .document("rosterIds")
            .as("xinhua.admin")
            .variable("key", "xinhua")
            .execute()
            .data("community.households.edges.0.node.id")
            .asString();
    return graphql
        .document("addResident")
        .as("xinhua.admin")
        .variable("input", Map.of("householdId", household, "name", name))
        .execute()
        .data("addResident.resident.id")
        .asString();
  }

  private String bodyId(String kind) {
    for (JsonNode body :
        graphql
            .document("bodies")
            .as("xinhua.admin")
            .variable("key", "xinhua")
            .execute()
            .data("community.bodies")) {
      if (body.path("kind").asString().equals(kind)) {
        return body.path("id").asString();
      }
    }
    throw new AssertionError("no body " + kind);
  }
}
