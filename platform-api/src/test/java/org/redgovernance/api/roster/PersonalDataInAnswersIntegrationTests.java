package org.redgovernance.api.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.graphql.SqlStatementCounter;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.api.support.Rows;
import org.redgovernance.testing.GraphQlResult;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Phone and ID-card numbers travel through the read model like every other field: the mask written
 * by PostgreSQL for most roles; for the community's admin and secretary the statement carries the
 * cipher text, which Java decrypts after it ran and records as read in the same transaction —
 * wherever the resident appears in the answer, and in one statement however deep.
 */
class PersonalDataInAnswersIntegrationTests extends IntegrationTest {

  private static final String PHONE = "1[3-9]\\d{9}";
  private static final String MASKED_PHONE = "1\\d\\d\\*{4}\\d{4}";

  @Autowired SqlStatementCounter statements;

  @Test
  void theAdminsUnmaskedNumbers_areOneStatementAndOneRecord_whereverResidentsAppear() {
    long reads = accessRows();
    long before = statements.total();

    GraphQlResult result =
        graphql
            .query(
                "{ community(key: \"baiguoshu\") {"
                    + " residents(first: 4) { edges { node { id phone } } }"
                    + " households(first: 2) { edges { node { residents {"
                    + " id phone idCardNumber } } } }"
                    + " partyMembers(first: 3) { edges { node { resident { id phone } } } } } }")
            .as("baiguoshu.admin")
            .execute();

    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    assertThat(phones(result.body().path("data"))).isNotEmpty().allMatch(p -> p.matches(PHONE));
    // one record per resident and number read, however often the resident appears
    java.util.Set<String> read = new java.util.HashSet<>();
    for (JsonNode resident : result.body().path("data").findParents("phone")) {
      for (String number : List.of("phone", "idCardNumber")) {
        if (resident.hasNonNull(number)) {
          read.add(resident.path("id").asString() + " " + number);
        }
      }
    }
    assertThat(accessRows() - reads)
        .as("a record for every number read unmasked")
        .isEqualTo(read.size());
    assertThat(statements.total() - before)
        .as("scope, tenant context, the answer, the records of the phones and ID cards")
        .isEqualTo(5);
  }

  @Test
  void committeesAndStreetRoles_getMasksFromTheSameStatement_andNoRecord() {
    for (String user : List.of("baiguoshu.supervisor", "baishalu.admin", "baishalu.viewer")) {
      long reads = accessRows();

      GraphQlResult result =
          graphql
              .query(
                  "{ community(key: \"baiguoshu\") {"
                      + " residents(first: 3) { edges { node { phone } } }"
                      + " households(first: 2) { edges { node { residents { phone } } } } } }")
              .as(user)
              .execute();

      assertThat(result.hasErrors()).as(result.toString()).isFalse();
      assertThat(phones(result.body().path("data")))
          .as(user)
          .isNotEmpty()
          .allMatch(phone -> phone.matches(MASKED_PHONE));
      assertThat(accessRows() - reads).as(user).isZero();
    }
  }

  @Test
  void aResidentReadByItsId_isUnmaskedForTheAdminAndRecorded_andNothingForOthers() {
    String id =
        graphql
            .query(
                "{ community(key: \"baiguoshu\") { residents(first: 1) { edges { node { id } } } } }")
            .as("baiguoshu.admin")
            .execute()
            .data("community.residents.edges.0.node.id")
            .asString();
    String node = "{ node(id: \"" + id + "\") { ... on Resident { name phone } } }";

    long reads = accessRows();
    GraphQlResult admin = graphql.query(node).as("baiguoshu.admin").execute();
    GraphQlResult resident = graphql.query(node).as("baiguoshu.resident").execute();
    GraphQlResult foreign = graphql.query(node).as("xinhua.admin").execute();

    assertThat(admin.data("node.phone").asString()).matches(PHONE);
    assertThat(accessRows() - reads).isEqualTo(1);
    assertThat(resident.data("node").isNull()).isTrue();
    assertThat(foreign.data("node").isNull()).isTrue();
  }

  @Test
  void aStreetAcrossItsCommunities_seesOnlyMasks() {
    GraphQlResult result =
        graphql
            .query(
                "{ communities(first: 3) { edges { node { key"
                    + " residents(first: 2) { edges { node { phone idCardNumber } } } } } } }")
            .as("baishalu.admin")
            .execute();

    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    assertThat(phones(result.body().path("data")))
        .isNotEmpty()
        .allMatch(phone -> phone.matches(MASKED_PHONE));
  }

  private static List<String> phones(JsonNode data) {
    return data.findValues("phone").stream()
        .filter(phone -> !phone.isNull())
        .map(JsonNode::asString)
        .toList();
  }

  private static long accessRows() {
    return Rows.count("SELECT count(*) FROM rg.personal_data_access");
  }
}
