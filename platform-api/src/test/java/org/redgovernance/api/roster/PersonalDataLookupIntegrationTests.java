package org.redgovernance.api.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.api.support.Rows;
import org.redgovernance.testing.GraphQlResult;
import tools.jackson.databind.JsonNode;

/**
 * Looking residents up by an exact phone or ID-card number uncovers the number as surely as reading
 * it: with the mask ({@code 3302**********0013}), the birth year and the check digit a few thousand
 * candidates remain, and a role that sees only masks could confirm them one by one. So the lookup
 * is for the community's admin and secretary alone, recorded like an unmasked read and audited, and
 * every caller has a budget of lookups per minute.
 */
class PersonalDataLookupIntegrationTests extends IntegrationTest {

  private JsonNode someone() {
    return residents("baiguoshu.admin", Map.of()).data("community.residents.edges.3.node");
  }

  @Test
  void theAdminAndSecretary_lookResidentsUpByExactNumber_andEachLookupIsRecordedAndAudited() {
    JsonNode someone = someone();
    long reads = Rows.count("SELECT count(*) FROM rg.personal_data_access");
    long lookups = Rows.auditEvents("personal-data.looked-up");

    GraphQlResult byPhone =
        residents("baiguoshu.secretary", Map.of("phone", someone.path("phone").asString()));
    GraphQlResult byIdCard =
        residents(
            "baiguoshu.admin", Map.of("idCardNumber", someone.path("idCardNumber").asString()));
    GraphQlResult noMatch = residents("baiguoshu.admin", Map.of("phone", "13900000000"));

    assertThat(byPhone.edgeValues("community.residents", "id"))
        .contains(someone.path("id").asString());
    assertThat(byIdCard.edgeValues("community.residents", "id"))
        .containsExactly(someone.path("id").asString());
    assertThat(noMatch.data("community.residents.edges").size()).isZero();
    // three lookups audited, matched or not; the matched residents' looked-up numbers as read
    assertThat(Rows.auditEvents("personal-data.looked-up") - lookups).isEqualTo(3);
    assertThat(Rows.count("SELECT count(*) FROM rg.personal_data_access") - reads)
        .isGreaterThanOrEqualTo(2 + 2L * (byPhone.data("community.residents.edges").size() + 1));
  }

  @Test
  void rolesThatSeeOnlyMasks_cannotUseANumberAsAFilter_matchedOrNot() {
    JsonNode someone = someone();
    String phone = someone.path("phone").asString();
    String idCard = someone.path("idCardNumber").asString();

    for (String user :
        List.of(
            "baiguoshu.supervisor",
            "baiguoshu.owners",
            "baishalu.admin",
            "baishalu.viewer",
            "platform.operator")) {
      for (Map<String, Object> filter :
          List.of(
              Map.<String, Object>of("phone", phone),
              Map.<String, Object>of("phone", "13900000000"),
              Map.<String, Object>of("idCardNumber", idCard),
              Map.<String, Object>of("idCardNumber", "330201199001010013"))) {
        GraphQlResult result = lookUp(user, "baiguoshu", filter);
        // the same answer for a hit and a miss: no oracle
        assertThat(result.errorCodes()).as(user + " " + filter).containsExactly("FORBIDDEN");
        assertThat(result.toString()).doesNotContain(someone.path("id").asString());
      }
    }
  }

  @Test
  void lookupsPastTheBudget_areRateLimited_andTheFirstRefusalIsAudited() {
    long alerts = Rows.auditEvents("personal-data.rate-limited");
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 35; i++) {
      GraphQlResult result =
          lookUp("xinhua.admin", "xinhua", Map.of("phone", "1390000%04d".formatted(i)));
      codes.add(result.errorCodes().isEmpty() ? "OK" : result.errorCodes().get(0));
      if (!result.errorCodes().isEmpty()) {
        assertThat(result.body().at("/errors/0/extensions/retryAfterSeconds").asInt())
            .isBetween(1, 60);
      }
    }

    // at most 30 a minute: the rest are refused, and stay refused within the minute
    int firstRefusal = codes.indexOf("RATE_LIMITED");
    assertThat(firstRefusal).as(codes.toString()).isBetween(0, 30);
    assertThat(codes.subList(firstRefusal, codes.size())).containsOnly("RATE_LIMITED");
    assertThat(Rows.auditEvents("personal-data.rate-limited") - alerts).isEqualTo(1);
  }

  /** Baiguoshu's residents as {@code user} sees them, which must succeed. */
  private GraphQlResult residents(String user, Map<String, Object> filter) {
    GraphQlResult result = lookUp(user, "baiguoshu", filter);
    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    return result;
  }

  private GraphQlResult lookUp(String user, String community, Map<String, Object> filter) {
    return graphql
        .document("residents")
        .as(user)
        .variable("key", community)
        .variable("first", 10)
        .variable("filter", filter)
        .execute();
  }
}
