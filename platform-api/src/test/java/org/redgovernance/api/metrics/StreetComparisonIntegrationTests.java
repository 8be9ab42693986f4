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

  private static final String SERIES =
      "query($street: String!, $metrics: [String!]) { streetComparison(streetKey: $street,"
          + " metrics: $metrics) { communities { communityKey value previous daily { day value }"
          + " monthly { day value } changes { period previousDay previous change } } } }";

  @Autowired MetricSnapshots snapshots;

  @Autowired org.redgovernance.api.graphql.SqlStatementCounter statements;

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
  void eachStanding_comparesAgainstAWeekAMonthAndAQuarterBefore_withDailyAndMonthlyLines() {
    snapshots.record(LocalDate.of(2030, 12, 1));
    snapshots.record(LocalDate.of(2031, 2, 7));
    GraphQlResult result =
        graphql
            .query(SERIES)
            .as("baishalu.viewer")
            .variable("street", "baishalu")
            .variable("metrics", List.of("households"))
            .execute();
    assertThat(result.hasErrors()).as("%s", result).isFalse();
    JsonNode baiguoshu = result.data("streetComparison").get(0).path("communities").get(0);
    assertThat(baiguoshu.path("communityKey").asString()).isEqualTo("baiguoshu");
    JsonNode changes = baiguoshu.path("changes");
    assertThat(changes.findValuesAsString("period")).containsExactly("WEEK", "MONTH", "QUARTER");
    // 2031-03-09 compared with the latest snapshot on or before a week, a month, three months
    assertThat(changes.get(0).path("previousDay").asString()).isEqualTo("2031-03-01");
    assertThat(changes.get(1).path("previousDay").asString()).isEqualTo("2031-02-07");
    assertThat(changes.get(2).path("previousDay").asString()).isEqualTo("2030-12-01");
    for (JsonNode change : changes) {
      assertThat(change.path("change").asDouble())
          .isEqualTo(baiguoshu.path("value").asDouble() - change.path("previous").asDouble());
    }
    assertThat(baiguoshu.path("previous").asDouble())
        .isEqualTo(changes.get(0).path("previous").asDouble());
    assertThat(baiguoshu.path("daily").findValuesAsString("day"))
        .containsExactly("2031-03-01", "2031-03-09");
    List<String> months = baiguoshu.path("monthly").findValuesAsString("day");
    assertThat(months).containsExactly("2030-12-01", "2031-02-07", "2031-03-09");
  }

  @Test
  void aCommunitysOwnStaff_seeItsPlaceAmongItsPeers_butNoPeersValue() {
    GraphQlResult admin =
        graphql
            .query(
                "{ community(key: \"baiguoshu\") { standing { metric { key } day value rank"
                    + " ranked median lowerQuartile upperQuartile } }"
                    + " communities { edges { node { key } } } }")
            .as("baiguoshu.admin")
            .execute();
    assertThat(admin.hasErrors()).as("%s", admin).isFalse();
    JsonNode households = null;
    for (JsonNode standing : admin.data("community.standing")) {
      if (standing.path("metric").path("key").asString().equals("households")) {
        households = standing;
      }
    }
    assertThat(households).isNotNull();
    assertThat(households.path("ranked").asInt()).isEqualTo(2);
    assertThat(households.path("rank").asInt()).isEqualTo(1);
    assertThat(households.path("median").isNull())
        .as("two communities: the median would give the other's value away")
        .isTrue();
    assertThat(households.path("upperQuartile").isNull()).isTrue();
    // ranking read the street's snapshots, and nothing else in the statement saw the wider scope
    assertThat(admin.edgeValues("communities", "key")).containsExactly("baiguoshu");
    assertThat(admin.toString()).doesNotContain("xinhua");

    GraphQlResult resident =
        graphql
            .query("{ community(key: \"baiguoshu\") { standing { rank } } }")
            .as("baiguoshu.resident")
            .execute();
    assertThat(resident.errorCodes()).containsExactly("FORBIDDEN");
    GraphQlResult other =
        graphql
            .query("{ community(key: \"xinhua\") { standing { rank } } }")
            .as("baiguoshu.admin")
            .execute();
    assertThat(other.data("community").isNull()).isTrue();
  }

  @Test
  void aWholeDashboardScreen_isOneRequest_answeredInOneStatementAfterTheTenantContext() {
    String dashboard =
        "query($street: String!) { streetComparison(streetKey: $street) { metric { key label"
            + " unit better minSample definition } ranked median lowerQuartile upperQuartile"
            + " communities { communityKey communityName day value sample sufficient rank previous"
            + " change weekly { day value sufficient } } } }";
    long before = statements.total();
    GraphQlResult screen =
        graphql.query(dashboard).as("baishalu.admin").variable("street", "baishalu").execute();
    long used = statements.total() - before;
    assertThat(screen.hasErrors()).as("%s", screen).isFalse();
    long metrics = Rows.count("SELECT count(*) FROM rg.metric");
    assertThat(screen.data("streetComparison").size()).isEqualTo((int) metrics);
    for (JsonNode metric : screen.data("streetComparison")) {
      assertThat(metric.path("communities").size()).isEqualTo(2);
    }
    // the caller's communities (as for any request), then the dashboard's own two: the tenant
    // context and the one compiled statement, whatever the number of communities and metrics
    assertThat(used).isEqualTo(3);
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
