package org.redgovernance.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.testing.GraphQlResult;
import tools.jackson.databind.JsonNode;

/**
 * The metric catalogue as the street office relies on it: each metric defined once, in order, and a
 * community's value of it the same number its feature's own figures show; insufficient samples said
 * as such; the values for the community's staff and the street only.
 */
class MetricsIntegrationTests extends IntegrationTest {

  private static final String VALUES =
      "query($key: String!) { community(key: $key) {"
          + " figures { households residents partyMembers partyMemberHouseholdShare"
          + " partyMembersByKind { kind count } bodies { kind members partyMembers } }"
          + " matterFigures { total averageRating rated medianHoursToVerification }"
          + " meetingFigures { meetingsPerWeek openActionItems overdueActionItems"
          + " attendanceByBody { kind marked rate } }"
          + " metrics { metric { key minSample } value sample sufficient asOf } } }";

  @Test
  void theCatalogue_definesEachMetricOnce_inItsOrder_withEverythingAViewNeeds() {
    GraphQlResult result =
        graphql
            .query(
                "{ metrics { key feature label labelEn definition formula unit better minSample } }")
            .as("baishalu.viewer")
            .execute();
    assertThat(result.hasErrors()).as("%s", result).isFalse();
    JsonNode metrics = result.data("metrics");
    assertThat(metrics.size()).isGreaterThanOrEqualTo(12);
    assertThat(metrics.get(0).path("key").asString()).isEqualTo("households");
    List<String> keys = new java.util.ArrayList<>();
    for (JsonNode metric : metrics) {
      keys.add(metric.path("key").asString());
      for (String field : List.of("label", "labelEn", "definition", "formula")) {
        assertThat(metric.path(field).asString()).as("%s %s", metric, field).isNotBlank();
      }
    }
    assertThat(keys).doesNotHaveDuplicates().contains("party_household_share", "average_rating");
  }

  @Test
  void aCommunitysValues_areTheNumbersItsFeaturesOwnFiguresShow() {
    JsonNode community =
        graphql
            .query(VALUES)
            .as("baishalu.viewer")
            .variable("key", "baiguoshu")
            .execute()
            .data("community");
    Map<String, JsonNode> values = byKey(community.path("metrics"));
    JsonNode figures = community.path("figures");
    assertThat(values.get("households").path("value").asDouble())
        .isEqualTo(figures.path("households").asDouble());
    assertThat(values.get("residents").path("value").asDouble())
        .isEqualTo(figures.path("residents").asDouble());
    assertThat(values.get("party_members").path("value").asDouble())
        .isEqualTo(figures.path("partyMembers").asDouble());
    assertThat(values.get("party_household_share").path("value").asDouble())
        .isCloseTo(100 * figures.path("partyMemberHouseholdShare").asDouble(), within(0.001));
    assertThat(values.get("party_household_share").path("sample").asInt())
        .isEqualTo(figures.path("households").asInt());
    for (JsonNode kind : figures.path("partyMembersByKind")) {
      String key = "party_members_" + kind.path("kind").asString().toLowerCase();
      assertThat(values.get(key).path("value").asDouble())
          .as(key)
          .isEqualTo(kind.path("count").asDouble());
    }
    for (JsonNode body : figures.path("bodies")) {
      String key =
          switch (body.path("kind").asString()) {
            case "OWNERS_COMMITTEE" -> "owners_committee_party_share";
            case "SUPERVISORY_COMMITTEE" -> "supervisory_committee_party_share";
            default -> null;
          };
      if (key != null) {
        assertThat(values.get(key).path("sample").asInt()).isEqualTo(body.path("members").asInt());
        assertThat(values.get(key).path("value").asDouble())
            .as(key)
            .isCloseTo(
                100.0 * body.path("partyMembers").asInt() / body.path("members").asInt(),
                within(0.001));
      }
    }
    JsonNode matters = community.path("matterFigures");
    assertThat(values.get("matters_raised").path("value").asDouble())
        .isEqualTo(matters.path("total").asDouble());
    // the course of matters is a funnel: raised ≥ accepted ≥ resolved ≥ verified
    assertThat(values.get("matters_raised").path("value").asDouble())
        .isGreaterThanOrEqualTo(values.get("matters_accepted").path("value").asDouble());
    assertThat(values.get("matters_accepted").path("value").asDouble())
        .isGreaterThanOrEqualTo(values.get("matters_resolved").path("value").asDouble())
        .isPositive();
    assertThat(values.get("matters_resolved").path("value").asDouble())
        .isGreaterThanOrEqualTo(values.get("matters_verified").path("value").asDouble());
    assertThat(values.get("p90_hours_to_resolution").path("value").asDouble())
        .isGreaterThanOrEqualTo(values.get("median_hours_to_resolution").path("value").asDouble());
    if (!matters.path("medianHoursToVerification").isNull()) {
      assertThat(values.get("median_hours_to_verification").path("value").asDouble())
          .isCloseTo(matters.path("medianHoursToVerification").asDouble(), within(1e-6));
    }
    assertThat(values.get("average_rating").path("sample").asInt())
        .isEqualTo(matters.path("rated").asInt());
    JsonNode meetings = community.path("meetingFigures");
    for (JsonNode body : meetings.path("attendanceByBody")) {
      JsonNode metric = values.get("attendance_" + body.path("kind").asString().toLowerCase());
      assertThat(metric.path("sample").asInt())
          .as("%s", body)
          .isEqualTo(body.path("marked").asInt());
      if (body.path("marked").asInt() > 0) {
        assertThat(metric.path("value").asDouble())
            .as("%s", body)
            .isCloseTo(100 * body.path("rate").asDouble(), within(1e-6));
      }
    }
    assertThat(values.get("meetings_per_week").path("value").asDouble())
        .isEqualTo(meetings.path("meetingsPerWeek").asDouble());
    assertThat(values.get("open_action_items").path("value").asDouble())
        .isEqualTo(meetings.path("openActionItems").asDouble());
    assertThat(values.get("overdue_action_items").path("value").asDouble())
        .isEqualTo(meetings.path("overdueActionItems").asDouble());
    for (JsonNode value : community.path("metrics")) {
      assertThat(value.path("asOf").asString()).isNotBlank();
      assertThat(value.path("sufficient").asBoolean())
          .as("%s", value)
          .isEqualTo(
              value.path("sample").asInt() >= value.path("metric").path("minSample").asInt());
    }
  }

  @Test
  void aSampleBelowTheMinimum_isInsufficientData_andNothingToComputeFrom_isNull() {
    JsonNode community =
        graphql
            .query(VALUES)
            .as("gutang.admin")
            .variable("key", "qingyuan")
            .execute()
            .data("community");
    Map<String, JsonNode> values = byKey(community.path("metrics"));
    JsonNode rating = values.get("average_rating");
    if (rating.path("sample").asInt() == 0) {
      assertThat(rating.path("value").isNull()).as("%s", rating).isTrue();
    }
    if (rating.path("sample").asInt() < rating.path("metric").path("minSample").asInt()) {
      assertThat(rating.path("sufficient").asBoolean()).isFalse();
    }
    assertThat(values.get("households").path("sufficient").asBoolean()).isTrue();
  }

  @Test
  void aCommunitysValues_areForItsStaffAndTheStreet_notForItsResidents() {
    GraphQlResult resident =
        graphql
            .query("query { community(key: \"baiguoshu\") { name metrics { value } } }")
            .as("baiguoshu.resident")
            .execute();
    assertThat(resident.errorCodes()).containsExactly("FORBIDDEN");
    assertThat(resident.data("community.metrics").isNull()).isTrue();
    assertThat(resident.data("community.name").asString()).isEqualTo("白果树社区");
    GraphQlResult admin =
        graphql
            .query("query { community(key: \"baiguoshu\") { metrics { value } } }")
            .as("baiguoshu.admin")
            .execute();
    assertThat(admin.hasErrors()).as("%s", admin).isFalse();
  }

  private static Map<String, JsonNode> byKey(JsonNode values) {
    Map<String, JsonNode> byKey = new HashMap<>();
    for (JsonNode value : values) {
      byKey.put(value.path("metric").path("key").asString(), value);
    }
    return byKey;
  }
}
