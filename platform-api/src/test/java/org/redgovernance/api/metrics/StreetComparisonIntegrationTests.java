package org.redgovernance.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.api.support.Rows;
import org.redgovernance.testing.GraphQlResult;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The street office comparing its communities, as it relies on it: ranks with ties, the better
 * direction first; the street's median and quartiles; the change against a week before;
 * insufficient data neither shown nor ranked; for the street's own roles only.
 */
class StreetComparisonIntegrationTests extends IntegrationTest {

  private static final String COMPARISON =
      "query($street: String!, $metrics: [String!]) { streetComparison(streetKey: $street,"
          + " metrics: $metrics) { metric { key } streetKey ranked median lowerQuartile"
          + " upperQuartile communities { communityKey day value sample sufficient rank previous"
          + " change weekly { day value sample sufficient } } } }";

  @Autowired MetricSnapshots snapshots;

  @BeforeEach
  void twoSnapshotsAWeekApart() {
    snapshots.record(LocalDate.of(2031, 3, 1));
    snapshots.record(LocalDate.of(2031, 3, 9));
  }

  @Test
  void theStreetsCommunities_areRankedOnEachMetric_withTheStreetsMedianAndTheWeeksChange() {
    JsonNode households = comparison("baishalu.viewer", "baishalu", "households").get(0);
    assertThat(households.path("metric").path("key").asString()).isEqualTo("households");
    assertThat(households.path("ranked").asInt()).isEqualTo(2);
    JsonNode communities = households.path("communities");
    assertThat(communities.size()).isEqualTo(2);
    JsonNode first = communities.get(0);
    JsonNode second = communities.get(1);
    assertThat(first.path("rank").asInt()).isEqualTo(1);
    assertThat(second.path("rank").asInt()).isEqualTo(2);
    assertThat(first.path("value").asDouble()).isGreaterThan(second.path("value").asDouble());
    assertThat(first.path("communityKey").asString()).isEqualTo("baiguoshu");
    assertThat(first.path("day").asString()).isEqualTo("2031-03-09");
    assertThat(households.path("median").asDouble())
        .isCloseTo(
            (first.path("value").asDouble() + second.path("value").asDouble()) / 2, within(1e-9));
    assertThat(households.path("lowerQuartile").asDouble())
        .isLessThanOrEqualTo(households.path("median").asDouble());
    assertThat(first.path("previous").asDouble()).isEqualTo(first.path("value").asDouble());
    assertThat(first.path("change").asDouble()).isZero();
  }

  @Test
  void eachStanding_hasAWeeklyLine_upToItsDay_oneSnapshotAWeek_oldestFirst() {
    JsonNode baiguoshu =
        comparison("baishalu.viewer", "baishalu", "households").get(0).path("communities").get(0);
    List<String> days = baiguoshu.path("weekly").findValuesAsString("day");
    assertThat(days).isSorted().contains("2031-03-01").endsWith("2031-03-09");
    assertThat(days.size()).isLessThanOrEqualTo(StreetComparisonModels.WEEKS_SHOWN);
    List<Integer> weeks =
        days.stream()
            .map(
                day ->
                    LocalDate.parse(day).get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR))
            .toList();
    assertThat(weeks).doesNotHaveDuplicates();
    for (JsonNode point : baiguoshu.path("weekly")) {
      assertThat(point.path("value").asDouble()).isPositive();
    }
  }

  @Test
  void aValueWhoseSampleIsTooSmall_isNeitherShownNorRanked() {
    for (JsonNode community :
        comparison("baishalu.admin", "baishalu", "average_rating").get(0).path("communities")) {
      if (!community.path("sufficient").asBoolean()) {
        assertThat(community.path("value").isNull()).as("%s", community).isTrue();
        assertThat(community.path("rank").isNull()).as("%s", community).isTrue();
      } else {
        assertThat(community.path("rank").isNull()).isFalse();
      }
    }
  }

  @Test
  void equalValues_shareARank() {
    // both of the street's communities made to hold the same value on one day of their own
    LocalDate day = LocalDate.of(2031, 4, 1);
    snapshots.record(day);
    Rows.update(
        "UPDATE rg.metric_snapshot SET value = 42, sample = 42 WHERE metric_key = 'households'"
            + " AND day = ?",
        day);
    try {
      JsonNode households = comparison("baishalu.viewer", "baishalu", "households").get(0);
      assertThat(households.path("communities").findValuesAsString("rank"))
          .containsExactly("1", "1");
    } finally {
      Rows.update("DELETE FROM rg.metric_snapshot WHERE day = ?", day);
    }
  }

  @Test
  void onlyTheStreetsRoles_compareItsCommunities() {
    assertThat(comparison("gutang.admin", "baishalu", "households")).isEmpty();
    assertThat(comparison("baiguoshu.admin", "baishalu", "households")).isEmpty();
    assertThat(comparison("baiguoshu.resident", "baishalu", "households")).isEmpty();
    assertThat(comparison("platform.operator", "baishalu", "households")).hasSize(1);
  }

  private JsonNode comparison(String user, String street, String metric) {
    GraphQlResult result =
        graphql
            .query(COMPARISON)
            .as(user)
            .variable("street", street)
            .variable("metrics", List.of(metric))
            .execute();
    assertThat(result.hasErrors()).as("%s", result).isFalse();
    return result.data("streetComparison");
  }
}
