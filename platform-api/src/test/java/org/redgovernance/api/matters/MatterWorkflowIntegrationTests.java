package org.redgovernance.api.matters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.api.support.Rows;
import org.redgovernance.testing.GraphQlHttp;
import org.redgovernance.testing.GraphQlResult;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The consultation loop: who may take which step of a matter's workflow, what every step leaves on
 * the timeline, and what happens when two people act on one matter at once.
 */
class MatterWorkflowIntegrationTests extends IntegrationTest {

  private static final List<String> EVERYONE =
      List.of(
          "baiguoshu.resident",
          "baiguoshu.supervisor",
          "baiguoshu.secretary",
          "baiguoshu.owners",
          "baiguoshu.admin",
          "baishalu.admin",
          "baishalu.viewer",
          "platform.operator");

  @Autowired MatterAutoClose autoClose;

  private MatterDesk desk;

  @BeforeEach
  void desk() {
    desk = new MatterDesk(graphql);
  }

  @Test
  void theWholeLoop_fromAResidentsReportToTheirRating_isKeptOnTheTimeline() {
    String id = desk.at("CLOSED", "单元门禁损坏");

    JsonNode matter = desk.matter("baiguoshu.resident", id);
    assertThat(matter.path("status").asString()).isEqualTo("CLOSED");
    assertThat(matter.path("rating").asInt()).isEqualTo(5);
    assertThat(matter.path("mine").asBoolean()).isTrue();
    List<String> steps = new ArrayList<>();
    for (JsonNode entry : matter.path("timeline")) {
      steps.add(
          entry.path("from").asString("")
              + "→"
              + entry.path("to").asString()
              + " by "
              + entry.path("actorName").asString());
    }
    assertThat(steps)
        .containsExactly(
            "→REPORTED by 白果树社区 居民",
            "REPORTED→ACCEPTED by 白果树社区 书记",
            "ACCEPTED→IN_PROGRESS by 白果树社区 书记",
            "IN_PROGRESS→RESOLVED by 白果树社区 管理员",
            "RESOLVED→VERIFIED by 白果树社区 居监会委员",
            "VERIFIED→CLOSED by 白果树社区 居民");
    assertThat(matter.path("resolution").asString()).isEqualTo("已修好");
    assertThat(matter.path("assignee").path("kind").asString()).isEqualTo("BODY");
    assertThat(Rows.auditEvents("matter.verify")).isPositive();
  }

  @ParameterizedTest(name = "{0}: only {2}")
  @CsvSource({
    "acceptMatter,     REPORTED,    baiguoshu.secretary|baiguoshu.admin",
    "rejectMatter,     REPORTED,    baiguoshu.secretary|baiguoshu.admin",
    "assignMatter,     ACCEPTED,    baiguoshu.secretary|baiguoshu.admin",
    "resolveMatter,    IN_PROGRESS, baiguoshu.owners|baiguoshu.secretary|baiguoshu.admin",
    "verifyMatter,     RESOLVED,    baiguoshu.supervisor",
    "reopenMatter,     RESOLVED,    baiguoshu.supervisor",
    "rateMatter,       VERIFIED,    baiguoshu.resident"
  })
  void eachStep_isTakenOnlyByTheRolesAllowedIt(String mutation, String from, String allowed) {
    Set<String> mayTake = Set.of(allowed.split("\\|"));
    String id = desk.at(from, "权限测试 " + mutation);
    for (String user : EVERYONE) {
      if (mayTake.contains(user)) {
        continue;
      }
      GraphQlResult refused = desk.call(user, mutation, inputFor(mutation, id));
      assertThat(refused.data(mutation + ".errors.0.code").asString())
          .as("%s %s: %s", user, mutation, refused)
          .isIn("FORBIDDEN", "NOT_FOUND");
      assertThat(desk.matter("platform.operator", id).path("status").asString()).isEqualTo(from);
    }
    GraphQlResult taken = desk.call(allowed.split("\\|")[0], mutation, inputFor(mutation, id));
    assertThat(taken.data(mutation + ".errors").size()).as(taken.toString()).isZero();
  }

  @Test
  void aStepFromTheWrongStatus_isAnIllegalTransition_andChangesNothing() {
    String reported = desk.reportedByTheResident("状态测试");
    GraphQlResult verify =
        desk.call("baiguoshu.supervisor", "verifyMatter", Map.of("id", reported));
    assertThat(verify.data("verifyMatter.errors.0.code").asString())
        .isEqualTo("ILLEGAL_TRANSITION");
    String accepted = desk.at("ACCEPTED", "状态测试二");
    GraphQlResult reject =
        desk.call("baiguoshu.admin", "rejectMatter", Map.of("id", accepted, "reason", "晚了"));
    assertThat(reject.data("rejectMatter.errors.0.code").asString())
        .isEqualTo("ILLEGAL_TRANSITION");
    GraphQlResult rate =
        desk.call("baiguoshu.resident", "rateMatter", Map.of("id", accepted, "rating", 5));
    assertThat(rate.data("rateMatter.errors.0.code").asString()).isEqualTo("ILLEGAL_TRANSITION");
    assertThat(desk.matter("baiguoshu.admin", reported).path("timeline").size()).isEqualTo(1);
    assertThat(desk.matter("baiguoshu.admin", accepted).path("status").asString())
        .isEqualTo("ACCEPTED");
  }

  @Test
  void badInput_getsATypedErrorNamingTheField() {
    String reported = desk.reportedByTheResident("输入测试");
    assertError(
        desk.call("baiguoshu.admin", "rejectMatter", Map.of("id", reported, "reason", "  ")),
        "rejectMatter",
        "INVALID_INPUT",
        "reason");
    assertError(
        desk.call("baiguoshu.admin", "acceptMatter", Map.of("id", reported, "expectedVersion", 7)),
        "acceptMatter",
        "CONFLICT",
        "expectedVersion");
    String accepted = desk.at("ACCEPTED", "输入测试二");
    assertError(
        desk.call(
            "baiguoshu.admin",
            "assignMatter",
            Map.of(
                "id", accepted,
                "assigneeId", desk.ownersCommitteeId(),
                "dueOn", LocalDate.now().minusDays(3).toString())),
        "assignMatter",
        "INVALID_INPUT",
        "dueOn");
    assertError(
        desk.call(
            "baiguoshu.admin",
            "assignMatter",
            Map.of("id", accepted, "assigneeId", reported, "dueOn", "2099-01-01")),
        "assignMatter",
        "NOT_FOUND",
        "assigneeId");
    String verified = desk.at("VERIFIED", "输入测试三");
    assertError(
        desk.call("baiguoshu.resident", "rateMatter", Map.of("id", verified, "rating", 6)),
        "rateMatter",
        "INVALID_INPUT",
        "rating");
    assertThat(desk.matter("baiguoshu.admin", verified).path("status").asString())
        .isEqualTo("VERIFIED");
  }

  @Test
  void aReopenedMatter_goesBackToWork_andNeedsAFreshResolution() {
    String id = desk.at("RESOLVED", "返工测试");
    GraphQlResult reopened =
        desk.call("baiguoshu.supervisor", "reopenMatter", Map.of("id", id, "reason", "墙面仍有渗水痕迹"));
    assertThat(reopened.data("reopenMatter.matter.status").asString()).isEqualTo("REOPENED");
    assertThat(reopened.data("reopenMatter.matter.resolution").isNull()).isTrue();
    GraphQlResult again = desk.call("baiguoshu.secretary", "assignMatter", desk.assignment(id));
    assertThat(again.data("assignMatter.matter.status").asString()).isEqualTo("IN_PROGRESS");
  }

  @Test
  void twoSupervisorsVerifyingAtOnce_oneWins_theOtherGetsAConflict() throws Exception {
    for (int round = 0; round < 5; round++) {
      String id = desk.at("RESOLVED", "并发核验 " + round);
      int version = desk.matter("baiguoshu.admin", id).path("version").asInt();
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<GraphQlResult>> racers = new ArrayList<>();
      for (String mutation : List.of("verifyMatter", "verifyMatter", "reopenMatter")) {
        racers.add(
            CompletableFuture.supplyAsync(
                () -> {
                  await(start);
                  return new GraphQlHttp(port)
                      .document(mutation)
                      .as("baiguoshu.supervisor")
                      .variable(
                          "input",
                          mutation.equals("reopenMatter")
                              ? Map.of("id", id, "expectedVersion", version, "reason", "不合格")
                              : Map.of("id", id, "expectedVersion", version))
                      .execute();
                }));
      }
      start.countDown();
      List<String> outcomes = new ArrayList<>();
      for (CompletableFuture<GraphQlResult> racer : racers) {
        JsonNode payload =
            racer.get().body().path("data").properties().iterator().next().getValue();
        outcomes.add(
            payload.path("errors").isEmpty()
                ? "won"
                : payload.path("errors").path(0).path("code").asString());
      }
      assertThat(outcomes).as("round %d", round).containsOnlyOnce("won");
      assertThat(outcomes.stream().filter(o -> !o.equals("won"))).containsOnly("CONFLICT");
      assertThat(
              Rows.count(
                  "SELECT count(*) FROM rg.matter_event e WHERE e.from_status = 'RESOLVED'"
                      + " AND e.matter_id = (SELECT m.id FROM rg.matter m WHERE m.title = ?)",
                  "并发核验 " + round))
          .isEqualTo(1);
    }
  }

  @Test
  void aVerifiedMatterNobodyRates_isClosedAutomatically_andSaysSoOnTheTimeline() {
    String id = desk.at("VERIFIED", "自动办结测试");
    Rows.update(
        "UPDATE rg.matter SET verified_at = now() - interval '15 days' WHERE title = ?", "自动办结测试");

    int closed = autoClose.closeUnrated(java.time.OffsetDateTime.now().minusDays(14));

    assertThat(closed).isGreaterThanOrEqualTo(1);
    JsonNode matter = desk.matter("baiguoshu.resident", id);
    assertThat(matter.path("status").asString()).isEqualTo("CLOSED");
    assertThat(matter.path("rating").isNull()).isTrue();
    JsonNode last = matter.path("timeline").path(matter.path("timeline").size() - 1);
    assertThat(last.path("actorName").asString()).isEqualTo("系统");
    assertThat(last.path("note").asString()).contains("自动办结");
  }

  private Map<String, Object> inputFor(String mutation, String id) {
    return switch (mutation) {
      case "rejectMatter", "reopenMatter" -> Map.of("id", id, "reason", "理由");
      case "assignMatter" -> desk.assignment(id);
      case "resolveMatter" -> Map.of("id", id, "resolution", "已处理");
      case "rateMatter" -> Map.of("id", id, "rating", 4);
      default -> Map.of("id", id);
    };
  }

  private static void assertError(
      GraphQlResult result, String mutation, String code, String field) {
    assertThat(result.data(mutation + ".errors.0.code").asString())
        .as(result.toString())
        .isEqualTo(code);
    assertThat(result.data(mutation + ".errors.0.field.0").asString()).isEqualTo(field);
    assertThat(result.data(mutation + ".matter").isNull()).isTrue();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
