package org.redgovernance.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.api.support.Rows;
import org.redgovernance.testing.GraphQlResult;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Daily snapshots as the street office relies on them: a day's values recorded once however often
 * the job runs, and a figure of the past that does not drift when the data changes later; read by
 * staff and the street, day by day, as a chart wants them.
 */
class MetricSnapshotsIntegrationTests extends IntegrationTest {

  @Autowired MetricSnapshots snapshots;

  private static final String SERIES =
      "query($key: String!, $filter: MetricSnapshotFilter) { community(key: $key) {"
          + " metricSnapshots(first: 100, filter: $filter) { totalCount edges { node {"
          + " metric { key } day value sample sufficient asOf backfilled } } } } }";

  @Test
  void aDaysSnapshot_isRecordedOnce_andDoesNotDriftWhenTheDataChangesLater() {
    LocalDate day = LocalDate.of(2031, 1, 6);
    long metrics = Rows.count("SELECT count(*) FROM rg.metric");
    assertThat(snapshots.record(day)).isGreaterThanOrEqualTo((int) metrics * 3);
    assertThat(snapshots.record(day)).as("the day's snapshot is made once").isZero();
    double recorded = notices(day);

    GraphQlResult published =
        graphql
            .document("publishNotice")
            .as("qingyuan.admin")
            .variable(
                "input", Map.of("communityKey", "qingyuan", "title", "快照测试", "body", "不改变过去的数字"))
            .execute();
    assertThat(published.data("publishNotice.errors").size()).as("%s", published).isZero();
    snapshots.record(day);

    assertThat(notices(day)).as("the past does not drift").isEqualTo(recorded);
    snapshots.record(day.plusDays(1));
    assertThat(notices(day.plusDays(1))).as("the next day sees it").isEqualTo(recorded + 1);
  }

  @Test
  void theSnapshots_areReadDayByDay_byTheStreet_andNotByResidents() {
    snapshots.record(LocalDate.of(2031, 2, 2));
    snapshots.record(LocalDate.of(2031, 2, 3));
    snapshots.record(LocalDate.of(2031, 2, 4));
    Map<String, Object> filter =
        Map.of(
            "keys",
            List.of("households", "average_rating"),
            "from",
            "2031-02-03",
            "until",
            "2031-02-04");
    GraphQlResult street =
        graphql
            .query(SERIES)
            .as("baishalu.viewer")
            .variable("key", "baiguoshu")
            .variable("filter", filter)
            .execute();
    assertThat(street.hasErrors()).as("%s", street).isFalse();
    JsonNode page = street.data("community.metricSnapshots");
    assertThat(page.path("totalCount").asInt()).isEqualTo(4);
    for (JsonNode edge : page.path("edges")) {
      JsonNode node = edge.path("node");
      assertThat(node.path("metric").path("key").asString()).isIn("households", "average_rating");
      assertThat(node.path("day").asString()).isIn("2031-02-03", "2031-02-04");
      assertThat(node.path("backfilled").asBoolean()).as("recorded before its day ended").isFalse();
    }
    GraphQlResult resident =
        graphql
            .query(SERIES)
            .as("baiguoshu.resident")
            .variable("key", "baiguoshu")
            .variable("filter", filter)
            .execute();
    assertThat(resident.errorCodes()).containsExactly("FORBIDDEN");
  }

  @Test
  void aDayTheSnapshotsMissed_isCaughtUp_withTheMetricsItsRecordsGive_andOnlyOnce() {
    LocalDate today = LocalDate.now(org.redgovernance.api.readmodel.ReadRequest.ZONE);
    LocalDate recorded = today.minusDays(5);
    snapshots.record(recorded);
    long whole = keysOn("baiguoshu", recorded).size();

    int caughtUp = snapshots.catchUp(today.minusDays(6), today.minusDays(4));
    assertThat(caughtUp).isPositive();
    assertThat(snapshots.catchUp(today.minusDays(6), today.minusDays(4))).isZero();

    assertThat(keysOn("baiguoshu", recorded))
        .as("a recorded day is left alone")
        .hasSize((int) whole);
    List<String> backfilled =
        graphql
            .query("{ metrics { key backfills } }")
            .as("baishalu.viewer")
            .execute()
            .data("metrics")
            .valueStream()
            .filter(metric -> metric.path("backfills").asBoolean())
            .map(metric -> metric.path("key").asString())
            .sorted()
            .toList();
    assertThat(backfilled)
        .containsExactly(
            "attendance_owner_representatives",
            "attendance_owners_committee",
            "attendance_party_branch",
            "attendance_party_members",
            "attendance_supervisory_committee",
            "average_rating",
            "matters_accepted",
            "matters_raised",
            "matters_reopened_share",
            "matters_resolved",
            "matters_verified",
            "median_hours_to_resolution",
            "median_hours_to_verification",
            "meetings_per_week",
            "notices_published",
            "p90_hours_to_resolution",
            "rating_response_rate");
    assertThat(keysOn("baiguoshu", today.minusDays(6))).containsExactlyElementsOf(backfilled);
    assertThat(keysOn("baiguoshu", today.minusDays(4))).containsExactlyElementsOf(backfilled);

    // the value is what the records of the day say: the matters raised by its end
    LocalDate missed = today.minusDays(6);
    long raised =
        Rows.count(
            "SELECT count(*) FROM rg.matter m JOIN rg.community c ON c.id = m.community_id"
                + " WHERE c.key = 'baiguoshu'"
                + " AND m.reported_at < ((?::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')",
            missed);
    assertThat(
            Double.parseDouble(
                Rows.text(
                    "SELECT s.value::text FROM rg.metric_snapshot s JOIN rg.community c"
                        + " ON c.id = s.community_id WHERE c.key = 'baiguoshu'"
                        + " AND s.metric_key = 'matters_raised' AND s.day = ?",
                    missed)))
        .isEqualTo(raised);
    assertThat(raised)
        .as("the demo has matters raised after that day, which it must not count")
        .isLessThan(
            Rows.count(
                "SELECT count(*) FROM rg.matter m JOIN rg.community c ON c.id = m.community_id"
                    + " WHERE c.key = 'baiguoshu'"));

    GraphQlResult series =
        graphql
            .query(
                "query($filter: MetricSnapshotFilter) { community(key: \"baiguoshu\") {"
                    + " metricSnapshots(first: 100, filter: $filter) { edges { node { day"
                    + " backfilled } } } } }")
            .as("baiguoshu.admin")
            .variable("filter", Map.of("from", missed.toString(), "until", recorded.toString()))
            .execute();
    assertThat(series.data("community.metricSnapshots.edges").findValues("backfilled"))
        .as("each was computed after its day")
        .isNotEmpty()
        .allMatch(JsonNode::asBoolean);
  }

  private static List<String> keysOn(String community, LocalDate day) {
    return Rows.texts(
        "SELECT s.metric_key FROM rg.metric_snapshot s JOIN rg.community c"
            + " ON c.id = s.community_id WHERE c.key = ? AND s.day = ? ORDER BY s.metric_key",
        community,
        day);
  }

  private static double notices(LocalDate day) {
    return Double.parseDouble(
        Rows.text(
            "SELECT s.value::text FROM rg.metric_snapshot s JOIN rg.community c"
                + " ON c.id = s.community_id WHERE c.key = 'qingyuan'"
                + " AND s.metric_key = 'notices_published' AND s.day = ?",
            day));
  }
}
