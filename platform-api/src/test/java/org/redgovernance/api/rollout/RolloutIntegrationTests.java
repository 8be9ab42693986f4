package org.redgovernance.api.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.readmodel.ReadRequest;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.api.support.Rows;
import org.redgovernance.testing.GraphQlResult;
import tools.jackson.databind.JsonNode;

/**
 * The rollout of the model across a street (书记项目) as the street office and the communities rely on
 * it: a project with indicators and communities, each community moved stage by stage with dated
 * notes, quarterly reviews whose figures never change afterwards, follow-up actions flagged when
 * overdue, and each community's staff seeing only their own part.
 */
class RolloutIntegrationTests extends IntegrationTest {

  @org.springframework.beans.factory.annotation.Autowired
  org.redgovernance.api.graphql.SqlStatementCounter statements;

  private RolloutDesk desk;

  @BeforeEach
  void desk() {
    desk = new RolloutDesk(graphql);
  }

  private static String code(GraphQlResult result, String mutation) {
    return result.data(mutation + ".errors").get(0).path("code").asString();
  }

  private static JsonNode participant(JsonNode project, String community) {
    for (JsonNode participant : project.path("participants")) {
      if (participant.path("community").path("key").asString().equals(community)) {
        return participant;
      }
    }
    throw new AssertionError(community + " takes no part in " + project);
  }

  @Test
  void theStreetAdmin_startsAProject_withItsIndicators_andItsCommunitiesAtPlanned() {
    JsonNode project = desk.started(List.of("baiguoshu", "xinhua"));

    assertThat(project.path("street").path("key").asString()).isEqualTo("baishalu");
    assertThat(project.path("indicators").findValuesAsString("key"))
        .containsExactly("party_household_share", "matters_overdue_share");
    assertThat(project.path("participants").get(0).path("stage").asString()).isEqualTo("PLANNED");
    assertThat(project.path("participants").get(1).path("stage").asString()).isEqualTo("PLANNED");
    JsonNode baiguoshu = participant(project, "baiguoshu");
    assertThat(baiguoshu.path("stageOn").asString())
        .isEqualTo(LocalDate.now(ReadRequest.ZONE).toString());
    assertThat(baiguoshu.path("stageChanges").size()).isEqualTo(1);
    assertThat(baiguoshu.path("indicators").get(0).path("target").asDouble()).isEqualTo(40.0);
    assertThat(baiguoshu.path("indicators").get(0).path("ownTarget").asBoolean()).isFalse();
    JsonNode stages = project.path("overview").path("stages");
    assertThat(stages.findValuesAsString("stage"))
        .containsExactly("PLANNED", "ONBOARDED", "PILOTING", "ROUTINE", "EVALUATED");
    assertThat(stages.get(0).path("communities").asInt()).isEqualTo(2);
    assertThat(stages.get(1).path("communities").asInt()).isZero();
    assertThat(
            Rows.count(
                "SELECT count(*) FROM rg.street_audit_event WHERE action ="
                    + " 'rollout.project.created' AND details->>'name' = ?",
                project.path("name").asString()))
        .isEqualTo(1);
    // the project is a node of the street, read through any community of it the caller reaches
    assertThat(
            desk.node(
                    "baishalu.viewer",
                    project.path("id").asString(),
                    "... on RolloutProject { name }")
                .data("node.name")
                .asString())
        .isEqualTo(project.path("name").asString());
  }

  @Test
  void onlyTheStreetsAdmin_startsAProject_andABadFormStoresNothing() {
    String name = RolloutDesk.uniqueName();
    Map<String, String> refusals =
        Map.of(
            "baishalu.viewer", "FORBIDDEN",
            "baiguoshu.admin", "FORBIDDEN",
            "baiguoshu.resident", "FORBIDDEN",
            "gutang.admin", "NOT_FOUND");
    refusals.forEach(
        (user, expected) -> {
          GraphQlResult refused =
              desk.create(user, RolloutDesk.project(name, List.of("baiguoshu")));
          assertThat(code(refused, "createRolloutProject")).as(user).isEqualTo(expected);
          assertThat(refused.data("createRolloutProject.project").isNull()).isTrue();
        });

    Map<String, Object> unknownMetric = RolloutDesk.project(name, List.of("baiguoshu"));
    unknownMetric.put("indicators", RolloutDesk.indicators("no_such_metric", 1.0));
    Map<String, Object> foreignCommunity = RolloutDesk.project(name, List.of("qingyuan"));
    Map<String, Object> twice = RolloutDesk.project(name, List.of("xinhua", "xinhua"));
    Map<String, Object> backwards = RolloutDesk.project(name, List.of());
    backwards.put("targetOn", LocalDate.now(ReadRequest.ZONE).minusYears(1).toString());
    Map<String, Object> sameMetricTwice = RolloutDesk.project(name, List.of());
    sameMetricTwice.put("indicators", RolloutDesk.indicators("households", 1.0, "households", 2.0));
    Map<String, Object> hugeTarget = RolloutDesk.project(name, List.of());
    hugeTarget.put("indicators", RolloutDesk.indicators("households", 1e12));
    Map<String, Object> longName = RolloutDesk.project("长".repeat(201), List.of());
    Map<String, Object> blankOwner = RolloutDesk.project(name, List.of());
    blankOwner.put("ownerName", "   ");
    Map<String, Object> ancient = RolloutDesk.project(name, List.of());
    ancient.put("startsOn", "0001-01-01");
    Map<String, Map<String, Object>> invalid =
        Map.of(
            "indicators", unknownMetric,
            "communityKeys", foreignCommunity,
            "communityKeys ", twice,
            "targetOn", backwards,
            "indicators ", sameMetricTwice,
            "indicators  ", hugeTarget,
            "name", longName,
            "ownerName", blankOwner,
            "startsOn", ancient);
    invalid.forEach(
        (field, input) -> {
          GraphQlResult refused = desk.create("baishalu.admin", input);
          assertThat(refused.data("createRolloutProject.errors").get(0).path("field").toString())
              .as("%s", refused)
              .contains(field.strip());
          assertThat(refused.data("createRolloutProject.project").isNull()).isTrue();
        });
    assertThat(Rows.count("SELECT count(*) FROM rg.rollout_project WHERE name = ?", name)).isZero();

    desk.started(List.of());
    GraphQlResult first = desk.create("baishalu.admin", RolloutDesk.project(name, List.of()));
    assertThat(first.data("createRolloutProject.errors").isEmpty()).as("%s", first).isTrue();
    GraphQlResult again =
        desk.create("baishalu.admin", RolloutDesk.project(name, List.of("baiguoshu")));
    assertThat(code(again, "createRolloutProject")).isEqualTo("DUPLICATE");
    assertThat(Rows.count("SELECT count(*) FROM rg.rollout_project WHERE name = ?", name))
        .isEqualTo(1);
  }

  @Test
  void aCommunity_movesOnOneStageAtATime_orBackWithAReason_andEveryChangeIsDated() {
    JsonNode project = desk.started(List.of("baiguoshu"));
    String id = participant(project, "baiguoshu").path("id").asString();
    String yesterday = LocalDate.now(ReadRequest.ZONE).minusDays(1).toString();

    assertThat(code(desk.move("baishalu.admin", id, "PILOTING", Map.of()), "moveRolloutStage"))
        .isEqualTo("ILLEGAL_TRANSITION");
    assertThat(code(desk.move("baiguoshu.admin", id, "ONBOARDED", Map.of()), "moveRolloutStage"))
        .isEqualTo("FORBIDDEN");
    assertThat(code(desk.move("xinhua.admin", id, "ONBOARDED", Map.of()), "moveRolloutStage"))
        .isEqualTo("NOT_FOUND");
    assertThat(
            code(
                desk.move(
                    "baishalu.admin",
                    id,
                    "ONBOARDED",
                    Map.of("changedOn", LocalDate.now(ReadRequest.ZONE).plusDays(1).toString())),
                "moveRolloutStage"))
        .isEqualTo("INVALID_INPUT");
    // before the day it was planned: a stage is not reached before the one it follows
    assertThat(
            code(
                desk.move("baishalu.admin", id, "ONBOARDED", Map.of("changedOn", yesterday)),
                "moveRolloutStage"))
        .isEqualTo("INVALID_INPUT");

    GraphQlResult onboarded =
        desk.move("baishalu.admin", id, "ONBOARDED", Map.of("note", "平台与组织架构已建立"));
    assertThat(onboarded.data("moveRolloutStage.participant.stage").asString())
        .as("%s", onboarded)
        .isEqualTo("ONBOARDED");
    int version = onboarded.data("moveRolloutStage.participant.version").asInt();
    assertThat(
            code(
                desk.move("baishalu.admin", id, "PILOTING", Map.of("expectedVersion", version - 1)),
                "moveRolloutStage"))
        .isEqualTo("CONFLICT");
    desk.move("baishalu.admin", id, "PILOTING", Map.of("expectedVersion", version));
    assertThat(code(desk.move("baishalu.admin", id, "PLANNED", Map.of()), "moveRolloutStage"))
        .isEqualTo("INVALID_INPUT");
    GraphQlResult back = desk.move("baishalu.admin", id, "ONBOARDED", Map.of("note", "试点暂停：书记调整"));
    JsonNode changes = back.data("moveRolloutStage.participant.stageChanges");
    assertThat(changes.findValuesAsString("stage"))
        .containsExactly("ONBOARDED", "PILOTING", "ONBOARDED", "PLANNED");
    assertThat(changes.get(0).path("note").asString()).isEqualTo("试点暂停：书记调整");
    assertThat(
            Rows.count(
                "SELECT count(*) FROM rg.audit_event WHERE action = 'rollout.stage.moved'"
                    + " AND subject_id = ?::uuid",
                Rows.text(
                    "SELECT id::text FROM rg.rollout_participant WHERE project_id ="
                        + " (SELECT id FROM rg.rollout_project WHERE name = ?)",
                    project.path("name").asString())))
        .isEqualTo(3);
  }

  @Test
  void aCommunitysStaff_seeTheirOwnPartOnly_andNoOverview_andResidentsSeeNoProject() {
    JsonNode project = desk.started(List.of("baiguoshu", "xinhua"));
    String xinhua = participant(project, "xinhua").path("id").asString();
    String projectId = project.path("id").asString();

    JsonNode seen = ownProject(desk.projects("baiguoshu.admin"), projectId);
    assertThat(seen.path("participants").findValuesAsString("key")).containsExactly("baiguoshu");
    assertThat(seen.path("overview").isNull()).isTrue();
    assertThat(desk.node("baiguoshu.admin", xinhua, "").data("node").isNull()).isTrue();
    assertThat(
            desk.node("baiguoshu.secretary", projectId, "... on RolloutProject { name }")
                .data("node.name")
                .asString())
        .isEqualTo(project.path("name").asString());

    JsonNode street = ownProject(desk.projects("baishalu.viewer"), projectId);
    assertThat(street.path("participants").size()).isEqualTo(2);
    assertThat(street.path("overview").path("stages").get(0).path("communities").asInt())
        .isEqualTo(2);

    assertThat(desk.projects("baiguoshu.resident").data("rolloutProjects.totalCount").asInt())
        .isZero();
    assertThat(desk.node("baiguoshu.resident", projectId, "").data("node").isNull()).isTrue();
    assertThat(desk.projects("gutang.admin").data("rolloutProjects.edges").toString())
        .doesNotContain(projectId);
    assertThat(desk.node("gutang.admin", projectId, "").data("node").isNull()).isTrue();

    // a project the caller's community takes no part in is not theirs to see
    JsonNode xinhuaOnly = desk.started(List.of("xinhua"));
    assertThat(desk.projects("baiguoshu.admin").data("rolloutProjects.edges").toString())
        .doesNotContain(xinhuaOnly.path("id").asString());
    assertThat(
            desk.node("baiguoshu.admin", xinhuaOnly.path("id").asString(), "")
                .data("node")
                .isNull())
        .isTrue();
  }

  private static JsonNode ownProject(GraphQlResult projects, String id) {
    for (JsonNode edge : projects.data("rolloutProjects.edges")) {
      if (edge.path("node").path("id").asString().equals(id)) {
        return edge.path("node");
      }
    }
    throw new AssertionError(id + " not among " + projects);
  }

  @Test
  void aReview_freezesTheIndicatorsAsTheSnapshotsHadThemOnItsDay() {
    JsonNode project = desk.started(List.of("xinhua"));
    String id = participant(project, "xinhua").path("id").asString();
    LocalDate quarterBegan =
        LocalDate.now(ReadRequest.ZONE).minusMonths(3).with(IsoFields.DAY_OF_QUARTER, 1);
    String quarter = quarterBegan.getYear() + "-Q" + quarterBegan.get(IsoFields.QUARTER_OF_YEAR);
    LocalDate reviewedOn = quarterBegan.plusDays(20);
    snapshot("xinhua", "party_household_share", quarterBegan.plusDays(10), 35.0);
    snapshot("xinhua", "party_household_share", quarterBegan.plusDays(15), 45.0);
    snapshot("xinhua", "party_household_share", quarterBegan.plusDays(25), 30.0);

    Map<String, Object> input =
        Map.of(
            "id",
            id,
            "quarter",
            quarter,
            "reviewedOn",
            reviewedOn.toString(),
            "rating",
            "GOOD",
            "findings",
            "议事协商机制运转良好",
            "actions",
            List.of(
                Map.of(
                    "description", "补齐网格党支部",
                    "ownerName", "社区书记",
                    "dueOn", reviewedOn.plusDays(5).toString()),
                Map.of(
                    "description", "年底前完成居民满意度调查",
                    "ownerName", "社区居委会",
                    "dueOn", LocalDate.now(ReadRequest.ZONE).plusMonths(1).toString())));
    GraphQlResult reviewed = desk.review("baishalu.admin", input);
    JsonNode review = reviewed.data("recordRolloutReview.review");
    assertThat(review.path("quarter").asString()).as("%s", reviewed).isEqualTo(quarter);
    JsonNode share = review.path("values").get(0);
    assertThat(share.path("metric").path("key").asString()).isEqualTo("party_household_share");
    assertThat(share.path("value").asDouble()).isEqualTo(45.0);
    assertThat(share.path("day").asString()).isEqualTo(quarterBegan.plusDays(15).toString());
    assertThat(share.path("target").asDouble()).isEqualTo(40.0);
    assertThat(share.path("onTarget").asBoolean()).isTrue();
    JsonNode overdue = review.path("values").get(1);
    assertThat(overdue.path("metric").path("key").asString()).isEqualTo("matters_overdue_share");

    // later data, and a snapshot of the review's very day written afterwards, change nothing
    snapshot("xinhua", "party_household_share", reviewedOn, 10.0);
    Rows.update(
        "UPDATE rg.metric_snapshot SET value = 1 WHERE metric_key = 'party_household_share'"
            + " AND day = ? AND community_id = (SELECT id FROM rg.community WHERE key = 'xinhua')",
        quarterBegan.plusDays(15));
    JsonNode again =
        desk.node(
                "baishalu.viewer",
                review.path("id").asString(),
                "... on RolloutReview { values" + " { value day onTarget } }")
            .data("node.values")
            .get(0);
    assertThat(again.path("value").asDouble()).isEqualTo(45.0);
    assertThat(again.path("onTarget").asBoolean()).isTrue();

    assertThat(code(desk.review("baishalu.admin", input), "recordRolloutReview"))
        .isEqualTo("DUPLICATE");
    LocalDate next = LocalDate.now(ReadRequest.ZONE).plusMonths(3);
    Map<String, Object> future =
        Map.of(
            "id",
            id,
            "quarter",
            next.getYear() + "-Q" + next.get(IsoFields.QUARTER_OF_YEAR),
            "rating",
            "PASS");
    assertThat(desk.review("baishalu.admin", future).toString()).contains("quarter");
    assertThat(code(desk.review("xinhua.admin", future), "recordRolloutReview"))
        .isEqualTo("FORBIDDEN");
    assertThat(
            Rows.count(
                "SELECT count(*) FROM rg.rollout_review r JOIN rg.rollout_participant p"
                    + " ON p.community_id = r.community_id AND p.id = r.participant_id"
                    + " WHERE p.project_id = (SELECT id FROM rg.rollout_project WHERE name = ?)",
                project.path("name").asString()))
        .isEqualTo(1);
  }

  @Test
  void followUpActions_areFlaggedOverdue_untilTheCommunityReportsThemDone() {
    JsonNode project = desk.started(List.of("baiguoshu"));
    String id = participant(project, "baiguoshu").path("id").asString();
    LocalDate quarterBegan =
        LocalDate.now(ReadRequest.ZONE).minusMonths(3).with(IsoFields.DAY_OF_QUARTER, 1);
    GraphQlResult reviewed =
        desk.review(
            "baishalu.admin",
            Map.of(
                "id",
                id,
                "quarter",
                quarterBegan.getYear() + "-Q" + quarterBegan.get(IsoFields.QUARTER_OF_YEAR),
                "reviewedOn",
                quarterBegan.plusDays(3).toString(),
                "rating",
                "PASS",
                "actions",
                List.of(
                    Map.of(
                        "description", "建立楼道长制度",
                        "ownerName", "社区书记",
                        "dueOn", quarterBegan.plusDays(30).toString()))));
    JsonNode action = reviewed.data("recordRolloutReview.review.actions").get(0);
    assertThat(action.path("overdue").asBoolean()).as("%s", reviewed).isTrue();
    assertThat(
            ownProject(desk.projects("baishalu.viewer"), project.path("id").asString())
                .path("overview")
                .path("overdueActions")
                .asInt())
        .isEqualTo(1);

    String actionId = action.path("id").asString();
    assertThat(code(desk.complete("xinhua.admin", Map.of("id", actionId)), "completeRolloutAction"))
        .isEqualTo("NOT_FOUND");
    assertThat(
            code(
                desk.complete("baiguoshu.resident", Map.of("id", actionId)),
                "completeRolloutAction"))
        .isEqualTo("FORBIDDEN");
    assertThat(
            code(
                desk.complete(
                    "baiguoshu.admin",
                    Map.of(
                        "id",
                        actionId,
                        "doneOn",
                        LocalDate.now(ReadRequest.ZONE).plusDays(1).toString())),
                "completeRolloutAction"))
        .isEqualTo("INVALID_INPUT");
    GraphQlResult done =
        desk.complete("baiguoshu.admin", Map.of("id", actionId, "note", "楼道长已全部到位"));
    assertThat(done.data("completeRolloutAction.action.overdue").asBoolean())
        .as("%s", done)
        .isFalse();
    assertThat(done.data("completeRolloutAction.action.doneOn").asString())
        .isEqualTo(LocalDate.now(ReadRequest.ZONE).toString());
    assertThat(
            code(desk.complete("baiguoshu.admin", Map.of("id", actionId)), "completeRolloutAction"))
        .isEqualTo("CONFLICT");
    assertThat(
            ownProject(desk.projects("baishalu.viewer"), project.path("id").asString())
                .path("overview")
                .path("overdueActions")
                .asInt())
        .isZero();
  }

  @Test
  void aCommunity_mayHaveItsOwnTarget_andTheOverviewCountsWhoMeetsTheirs() {
    JsonNode project = desk.started(List.of("baiguoshu", "xinhua"));
    String baiguoshu = participant(project, "baiguoshu").path("id").asString();
    String set =
        "mutation($input: SetRolloutTargetInput!) { setRolloutTarget(input: $input) { participant"
            + " { indicators { metric { key } target ownTarget } } errors { code field } } }";
    GraphQlResult own =
        graphql
            .query(set)
            .as("baishalu.admin")
            .variable(
                "input",
                Map.of("id", baiguoshu, "metricKey", "party_household_share", "target", 55.0))
            .execute();
    JsonNode indicator = own.data("setRolloutTarget.participant.indicators").get(0);
    assertThat(indicator.path("target").asDouble()).as("%s", own).isEqualTo(55.0);
    assertThat(indicator.path("ownTarget").asBoolean()).isTrue();

    GraphQlResult notAnIndicator =
        graphql
            .query(set)
            .as("baishalu.admin")
            .variable("input", Map.of("id", baiguoshu, "metricKey", "households", "target", 1.0))
            .execute();
    assertThat(notAnIndicator.data("setRolloutTarget.errors").get(0).path("code").asString())
        .isEqualTo("INVALID_INPUT");

    java.util.Map<String, Object> clear = new java.util.HashMap<>();
    clear.put("id", baiguoshu);
    clear.put("metricKey", "party_household_share");
    clear.put("target", null);
    GraphQlResult cleared =
        graphql.query(set).as("baishalu.admin").variable("input", clear).execute();
    indicator = cleared.data("setRolloutTarget.participant.indicators").get(0);
    assertThat(indicator.path("target").asDouble()).as("%s", cleared).isEqualTo(40.0);
    assertThat(indicator.path("ownTarget").asBoolean()).isFalse();

    JsonNode progress =
        ownProject(desk.projects("baishalu.admin"), project.path("id").asString())
            .path("overview")
            .path("indicators")
            .get(0);
    assertThat(
            progress.path("onTarget").asInt()
                + progress.path("offTarget").asInt()
                + progress.path("noValue").asInt())
        .isEqualTo(2);
  }

  @Test
  void changingAProject_replacesItsIndicators_andACommunityJoinsOnce() {
    JsonNode project = desk.started(List.of("xinhua"));
    String id = project.path("id").asString();
    String update =
        "mutation($input: UpdateRolloutProjectInput!) { updateRolloutProject(input: $input) {"
            + " project { name version indicators { metric { key } target } } errors { code field"
            + " } } }";
    GraphQlResult changed =
        graphql
            .query(update)
            .as("baishalu.admin")
            .variable(
                "input",
                Map.of(
                    "id",
                    id,
                    "expectedVersion",
                    project.path("version").asInt(),
                    "ownerName",
                    "街道办主任",
                    "indicators",
                    RolloutDesk.indicators("satisfaction", 4.0)))
            .execute();
    assertThat(changed.data("updateRolloutProject.project.indicators").findValuesAsString("key"))
        .as("%s", changed)
        .containsExactly("satisfaction");
    GraphQlResult stale =
        graphql
            .query(update)
            .as("baishalu.admin")
            .variable(
                "input",
                Map.of("id", id, "expectedVersion", project.path("version").asInt(), "name", "x"))
            .execute();
    assertThat(stale.data("updateRolloutProject.errors").get(0).path("code").asString())
        .isEqualTo("CONFLICT");
    GraphQlResult byViewer =
        graphql
            .query(update)
            .as("baishalu.viewer")
            .variable("input", Map.of("id", id, "name", "x"))
            .execute();
    assertThat(byViewer.data("updateRolloutProject.errors").get(0).path("code").asString())
        .isEqualTo("FORBIDDEN");
    assertThat(Rows.count("SELECT count(*) FROM rg.rollout_project WHERE name = 'x'")).isZero();

    String add =
        "mutation($input: AddRolloutCommunitiesInput!) { addRolloutCommunities(input: $input) {"
            + " project { participants { community { key } stage } } errors { code field } } }";
    GraphQlResult twice =
        graphql
            .query(add)
            .as("baishalu.admin")
            .variable("input", Map.of("id", id, "communityKeys", List.of("xinhua")))
            .execute();
    assertThat(twice.data("addRolloutCommunities.errors").get(0).path("code").asString())
        .isEqualTo("DUPLICATE");
    GraphQlResult added =
        graphql
            .query(add)
            .as("baishalu.admin")
            .variable("input", Map.of("id", id, "communityKeys", List.of("baiguoshu")))
            .execute();
    assertThat(added.data("addRolloutCommunities.project.participants").findValuesAsString("key"))
        .as("%s", added)
        .containsExactly("xinhua", "baiguoshu");
  }

  @Test
  void attack_oversizedNotesReviewsAndActions_areRefusedNamingTheirField_andStoreNothing() {
    JsonNode project = desk.started(List.of("baiguoshu"));
    String id = participant(project, "baiguoshu").path("id").asString();
    GraphQlResult longNote =
        desk.move("baishalu.admin", id, "ONBOARDED", Map.of("note", "长".repeat(2001)));
    assertThat(longNote.data("moveRolloutStage.errors").get(0).path("field").toString())
        .contains("note");
    GraphQlResult tooMuchEvidence =
        desk.move(
            "baishalu.admin",
            id,
            "ONBOARDED",
            Map.of("evidence", java.util.Collections.nCopies(21, "x")));
    assertThat(tooMuchEvidence.data("moveRolloutStage.errors").get(0).path("field").toString())
        .contains("evidence");
    assertThat(
            desk.node("baishalu.viewer", id, "... on RolloutParticipant { stage }")
                .data("node.stage")
                .asString())
        .isEqualTo("PLANNED");

    LocalDate quarterBegan =
        LocalDate.now(ReadRequest.ZONE).minusMonths(3).with(IsoFields.DAY_OF_QUARTER, 1);
    String quarter = quarterBegan.getYear() + "-Q" + quarterBegan.get(IsoFields.QUARTER_OF_YEAR);
    Map<String, Object> action =
        Map.of(
            "description",
            "整改",
            "ownerName",
            "书记",
            "dueOn",
            LocalDate.now(ReadRequest.ZONE).toString());
    Map<String, Map<String, Object>> refused =
        Map.of(
            "findings",
            Map.of("id", id, "quarter", quarter, "rating", "PASS", "findings", "长".repeat(5001)),
            "actions",
            Map.of(
                "id",
                id,
                "quarter",
                quarter,
                "rating",
                "PASS",
                "actions",
                java.util.Collections.nCopies(51, action)),
            "actions ",
            Map.of(
                "id",
                id,
                "quarter",
                quarter,
                "rating",
                "PASS",
                "actions",
                List.of(
                    Map.of(
                        "description",
                        "长".repeat(1001),
                        "ownerName",
                        "书记",
                        "dueOn",
                        LocalDate.now(ReadRequest.ZONE).toString()))),
            "quarter",
            Map.of("id", id, "quarter", "2026-Q5", "rating", "PASS"),
            "quarter ",
            Map.of("id", id, "quarter", "2001-Q1", "rating", "PASS"),
            "reviewedOn",
            Map.of(
                "id",
                id,
                "quarter",
                quarter,
                "rating",
                "PASS",
                "reviewedOn",
                quarterBegan.minusDays(1).toString()));
    refused.forEach(
        (field, input) -> {
          GraphQlResult result = desk.review("baishalu.admin", input);
          assertThat(result.data("recordRolloutReview.errors").get(0).path("field").toString())
              .as("%s", result)
              .contains(field.strip());
        });
    assertThat(
            Rows.count(
                "SELECT count(*) FROM rg.rollout_review r JOIN rg.rollout_participant p"
                    + " ON p.community_id = r.community_id AND p.id = r.participant_id"
                    + " WHERE p.project_id = (SELECT id FROM rg.rollout_project WHERE name = ?)",
                project.path("name").asString()))
        .isZero();
  }

  @Test
  void attack_theBiggestPageOfProjects_atTheDeepestNesting_isRefusedBeforeItRuns() {
    GraphQlResult deep =
        graphql
            .query(
                "{ rolloutProjects(first: 100) { edges { node { participants { stageChanges {"
                    + " evidence { id } } reviews { values { metric { key } } actions { id } }"
                    + " evidence { id } indicators { metric { key } } } } } } }")
            .as("baishalu.admin")
            .execute();
    assertThat(deep.errorCodes()).contains("QUERY_TOO_COMPLEX");
  }

  @Test
  void theStreetsRolloutScreen_isReadInOneStatement() {
    desk.started(List.of("baiguoshu", "xinhua"));
    String screen =
        "{ rolloutProjects(first: 1) { totalCount edges { node { name startsOn targetOn"
            + " indicators { metric { key label } target } participants { community { key }"
            + " stage stageOn stageChanges { stage changedOn note }"
            + " indicators { metric { key } target value asOf onTarget } reviews { quarter rating"
            + " values { metric { key } value onTarget } actions { description overdue } } }"
            + " overview { stages { stage communities } indicators { metric { key } onTarget"
            + " offTarget noValue } overdueActions } } } } }";
    long before = statements.total();
    GraphQlResult read = graphql.query(screen).as("baishalu.admin").execute();
    long used = statements.total() - before;
    assertThat(read.hasErrors()).as("%s", read).isFalse();
    assertThat(read.data("rolloutProjects.edges.0.node.participants").size()).isEqualTo(2);
    // the caller's communities (as for any request), then the tenant context and the one compiled
    // statement, however many projects, communities, reviews and files
    assertThat(used).as("statements for the rollout screen").isEqualTo(3);
  }

  private static void snapshot(String community, String metric, LocalDate day, double value) {
    Rows.update(
        "INSERT INTO rg.metric_snapshot (community_id, metric_key, day, value, sample, as_of)"
            + " SELECT id, ?, ?, ?, 700, now() FROM rg.community WHERE key = ?"
            + " ON CONFLICT (community_id, metric_key, day) DO UPDATE SET value = excluded.value,"
            + " sample = excluded.sample",
        metric,
        day,
        value,
        community);
  }
}
