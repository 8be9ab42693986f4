package org.redgovernance.api.bodies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.api.support.Rows;
import org.redgovernance.testing.GraphQlResult;
import tools.jackson.databind.JsonNode;

/**
 * Seating people and adding terms are commands: refused with a typed error that changes nothing, or
 * written with their audit record on the body.
 */
class BodyMutationsIntegrationTests extends IntegrationTest {

  @Test
  void aSeat_isAuditedOnItsBody() {
    String body = bodyId("SUPERVISORY_COMMITTEE");
    long seated = Rows.auditEvents("bodies.member.seated");

    GraphQlResult result = seat("xinhua.admin", body, resident(), "MEMBER");

    assertThat(result.data("addBodyMember.errors").size()).as(result.toString()).isZero();
    assertThat(Rows.auditEvents("bodies.member.seated") - seated).isEqualTo(1);
    assertThat(
            Rows.count(
                "SELECT count(*) FROM rg.audit_event WHERE action = 'bodies.member.seated'"
                    + " AND subject_type = 'GovernanceBody' AND subject_id = ?",
                GlobalId.decode(body).orElseThrow().id()))
        .isPositive();
  }

  @Test
  void aPersonWhoIsNotThere_isNotFound_andNothingIsWritten() {
    String body = bodyId("SUPERVISORY_COMMITTEE");
    UUID community = GlobalId.decode(body).orElseThrow().communityId();
    String nobody = GlobalId.of("Resident", community, UUID.randomUUID());
    long seated = Rows.auditEvents("bodies.member.seated");

    GraphQlResult result = seat("xinhua.admin", body, nobody, "MEMBER");

    assertThat(result.data("addBodyMember.errors.0.code").asString()).isEqualTo("NOT_FOUND");
    assertThat(result.data("addBodyMember.errors.0.field.0").asString()).isEqualTo("residentId");
    assertThat(result.data("addBodyMember.body").isNull()).isTrue();
    assertThat(Rows.auditEvents("bodies.member.seated")).isEqualTo(seated);
  }

  @Test
  void onlyTheAdminAndSecretary_seatMembersAndAddTerms() {
    String body = bodyId("SUPERVISORY_COMMITTEE");

    GraphQlResult seat = seat("xinhua.resident", body, resident(), "MEMBER");
    GraphQlResult term =
        graphql
            .document("addBodyTerm")
            .as("xinhua.resident")
            .variable(
                "input",
                Map.of(
                    "bodyId", body, "number", 9, "startsOn", "2040-01-01", "endsOn", "2044-12-31"))
            .execute();

    assertThat(seat.data("addBodyMember.errors.0.code").asString()).isEqualTo("FORBIDDEN");
    assertThat(term.data("addBodyTerm.errors.0.code").asString()).isEqualTo("FORBIDDEN");
    assertThat(term.data("addBodyTerm.body").isNull()).isTrue();
  }

  private GraphQlResult seat(String user, String body, String resident, String position) {
    return graphql
        .document("addBodyMember")
        .as(user)
        .variable(
            "input",
            Map.of(
                "bodyId",
                body,
                "residentId",
                resident,
                "position",
                position,
                "fromOn",
                "2025-06-01"))
        .execute();
  }

  private String resident() {
    return graphql
        .query("{ community(key: \"xinhua\") { residents(first: 1) { edges { node { id } } } } }")
        .as("xinhua.admin")
        .execute()
        .data("community.residents.edges.0.node.id")
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
