package org.redgovernance.api.matters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.graphql.SqlStatementCounter;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.api.support.Rows;
import org.redgovernance.testing.GraphQlResult;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Raising matters, what residents and staff see of them, "me too" and comments, the board's cost in
 * SQL statements, the figures, and Baiguoshu's garage leak in the demo.
 */
class MattersIntegrationTests extends IntegrationTest {

  @Autowired SqlStatementCounter statements;

  private MatterDesk desk;

  @BeforeEach
  void desk() {
    desk = new MatterDesk(graphql);
  }

  @Test
  void theDemoGarageLeak_wasHeardResolvedVerifiedAndRatedFive() {
    JsonNode leak =
        board("baiguoshu.resident", Map.of("mine", true, "statuses", List.of("CLOSED"))).stream()
            .filter(m -> m.path("title").asString().equals("地下车库渗水"))
            .findFirst()
            .orElseThrow();
    JsonNode matter = desk.matter("baiguoshu.resident", leak.path("id").asString());
    assertThat(matter.path("rating").asInt()).isEqualTo(5);
    assertThat(matter.path("resolution").asString()).contains("香樟树根");
    assertThat(matter.path("timeline").size()).isEqualTo(7);
    assertThat(matter.path("timeline").path(5).path("actorName").asString())
        .isEqualTo("白果树社区 居监会委员");
  }

  @Test
  void aResident_raisesForThemselves_andSeesItAsTheirs() {
    GraphQlResult raised =
        desk.call(
            "baiguoshu.resident",
            "reportMatter",
            Map.of(
                "communityKey", "baiguoshu",
                "title", "电梯异响",
                "description", "3号电梯运行时有异响。",
                "category", "FACILITY",
                "locationText", "3号电梯"));
    assertThat(raised.data("reportMatter.errors").size()).as(raised.toString()).isZero();
    JsonNode matter = raised.data("reportMatter.matter");
    assertThat(matter.path("status").asString()).isEqualTo("REPORTED");
    assertThat(matter.path("mine").asBoolean()).isTrue();
    assertThat(matter.path("isPublic").asBoolean()).isFalse();
    assertThat(matter.path("reporter").path("name").asString()).isNotBlank();
    assertThat(matter.path("reporter").path("address").asString()).contains("-");
    assertThat(matter.path("location").path("household").isNull()).isTrue();
    assertThat(matter.path("location").path("description").asString()).isEqualTo("3号电梯");
    assertThat(Rows.auditEvents("matter.reported")).isPositive();
  }

  @Test
  void raisingRefusesBadInput_andWritesNothing() {
    long before = Rows.count("SELECT count(*) FROM rg.matter");
    String someoneElse = residentId("baiguoshu", 40);
    expectError(
        "baiguoshu.resident",
        Map.of(
            "communityKey", "baiguoshu",
            "title", "替人反映",
            "description", "d",
            "category", "OTHER",
            "reporterId", someoneElse),
        "FORBIDDEN");
    expectError(
        "baiguoshu.admin",
        Map.of(
            "communityKey", "baiguoshu", "title", "无人反映", "description", "d", "category", "OTHER"),
        "INVALID_INPUT");
    expectError(
        "baiguoshu.resident",
        Map.of(
            "communityKey",
            "baiguoshu",
            "title",
            "x".repeat(101),
            "description",
            "d",
            "category",
            "OTHER"),
        "INVALID_INPUT");
    expectError(
        "baiguoshu.resident",
        Map.of(
            "communityKey", "baiguoshu",
            "title", "t",
            "description", "d",
            "category", "OTHER",
            "subcategoryId", "bm9wZQ"),
        "NOT_FOUND");
    expectError(
        "baishalu.admin",
        Map.of("communityKey", "baiguoshu", "title", "t", "description", "d", "category", "OTHER"),
        "FORBIDDEN");
    expectError(
        "xinhua.admin",
        Map.of(
            "communityKey", "xinhua",
            "title", "t",
            "description", "d",
            "category", "OTHER",
            "reporterId", someoneElse),
        "NOT_FOUND");
    assertThat(Rows.count("SELECT count(*) FROM rg.matter")).isEqualTo(before);
  }

  @Test
  void staff_raiseForAResident_orForNoOneWhenTheyFoundItOnPatrol() {
    String resident = residentId("baiguoshu", 41);
    GraphQlResult forResident =
        desk.call(
            "baiguoshu.admin",
            "reportMatter",
            Map.of(
                "communityKey", "baiguoshu",
                "title", "热线反映噪音",
                "description", "夜间施工噪音。",
                "category", "NEIGHBOURS",
                "source", "HOTLINE",
                "reporterId", resident));
    assertThat(forResident.data("reportMatter.matter.reporter.residentId").asString())
        .isEqualTo(resident);
    assertThat(forResident.data("reportMatter.matter.raisedByName").asString())
        .isEqualTo("白果树社区 管理员");
    GraphQlResult patrol =
        desk.call(
            "baiguoshu.admin",
            "reportMatter",
            Map.of(
                "communityKey", "baiguoshu",
                "title", "巡查发现井盖松动",
                "description", "5幢旁井盖松动。",
                "category", "SAFETY",
                "source", "GRID_PATROL"));
    assertThat(patrol.data("reportMatter.errors").size()).as(patrol.toString()).isZero();
    assertThat(patrol.data("reportMatter.matter.reporter").isNull()).isTrue();
  }

  @Test
  void residents_seeTheirOwnAndPublicAcceptedMatters_withoutWhoRaisedThem() {
    String resident = residentId("baiguoshu", 42);
    String privateOne = raisedFor(resident, "私下反映的事", false);
    String publicReported = raisedFor(resident, "公开但未受理", true);
    String publicAccepted = raisedFor(resident, "公开已受理", true);
    desk.call("baiguoshu.secretary", "acceptMatter", Map.of("id", publicAccepted));

    List<String> seen = titles(board("baiguoshu.resident", Map.of()));
    assertThat(seen).contains("公开已受理").doesNotContain("私下反映的事", "公开但未受理");
    assertThat(desk.matter("baiguoshu.resident", privateOne).isNull()).isTrue();
    assertThat(desk.matter("baiguoshu.resident", publicReported).isNull()).isTrue();

    JsonNode shown = desk.matter("baiguoshu.resident", publicAccepted);
    assertThat(shown.path("reporter").isNull()).isTrue();
    assertThat(shown.path("raisedByName").isNull()).isTrue();
    assertThat(shown.path("location").path("household").isNull()).isTrue();
    assertThat(shown.path("timeline").path(0).path("actorName").isNull()).isTrue();

    JsonNode toStaff = desk.matter("baiguoshu.supervisor", publicAccepted);
    assertThat(toStaff.path("reporter").path("name").asString()).isNotBlank();
    assertThat(titles(board("baishalu.viewer", Map.of("statuses", List.of("REPORTED")))))
        .contains("私下反映的事", "公开但未受理");
  }

  @Test
  void meToo_oncePerResident_andCommentsShowWhoIsStaff() {
    String id = raisedFor(residentId("baiguoshu", 43), "广场灯光太暗", true);
    desk.call("baiguoshu.secretary", "acceptMatter", Map.of("id", id));

    GraphQlResult supported = desk.call("baiguoshu.resident", "supportMatter", Map.of("id", id));
    assertThat(supported.data("supportMatter.matter.supportCount").asInt()).isEqualTo(1);
    assertThat(supported.data("supportMatter.matter.supportedByMe").asBoolean()).isTrue();
    GraphQlResult twice = desk.call("baiguoshu.resident", "supportMatter", Map.of("id", id));
    assertThat(twice.data("supportMatter.errors.0.code").asString()).isEqualTo("DUPLICATE");
    GraphQlResult byStaff = desk.call("baiguoshu.admin", "supportMatter", Map.of("id", id));
    assertThat(byStaff.data("supportMatter.errors.0.code").asString()).isEqualTo("FORBIDDEN");

    desk.call("baiguoshu.resident", "commentOnMatter", Map.of("id", id, "body", "我也觉得太暗了"));
    desk.call("baiguoshu.secretary", "commentOnMatter", Map.of("id", id, "body", "已安排物业更换灯具"));
    JsonNode comments = desk.matter("baiguoshu.admin", id).path("comments").path("edges");
    assertThat(comments.size()).isEqualTo(2);
    assertThat(comments.path(0).path("node").path("staff").asBoolean()).isFalse();
    assertThat(comments.path(1).path("node").path("staff").asBoolean()).isTrue();

    GraphQlResult withdrawn =
        desk.call("baiguoshu.resident", "withdrawMatterSupport", Map.of("id", id));
    assertThat(withdrawn.data("withdrawMatterSupport.matter.supportCount").asInt()).isZero();
    GraphQlResult own =
        desk.call(
            "baiguoshu.resident",
            "supportMatter",
            Map.of("id", desk.reportedByTheResident("自己的事")));
    assertThat(own.data("supportMatter.errors.0.code").asString()).isIn("INVALID_INPUT");
  }

  @Test
  void aNeighboursComment_showsTheirSurnameOnly_whileStaffAndTheAuthorSeeNamesInFull() {
    String id = raisedFor(residentId("baiguoshu", 44), "楼道堆放杂物", true);
    desk.call("baiguoshu.secretary", "acceptMatter", Map.of("id", id));
    desk.call("baiguoshu.resident", "commentOnMatter", Map.of("id", id, "body", "我也看到了"));
    desk.call("baiguoshu.resident", "commentOnMatter", Map.of("id", id, "body", "邻居说的话"));
    desk.call("baiguoshu.secretary", "commentOnMatter", Map.of("id", id, "body", "已通知清理"));
    // the second comment becomes a neighbour's, whose login has no part in this test
    Rows.update(
        "UPDATE rg.matter_comment SET author_id = 'neighbour', author_name = '王建国'"
            + " WHERE body = '邻居说的话'");

    List<String> seenByTheResident = authorNames(desk.matter("baiguoshu.resident", id));
    List<String> seenByStaff = authorNames(desk.matter("baiguoshu.admin", id));

    assertThat(seenByStaff.get(1)).isEqualTo("王建国");
    assertThat(seenByTheResident.get(1)).isEqualTo("王**");
    // the resident's own comment and the secretary's are signed in full for everyone
    assertThat(seenByTheResident.get(0)).isEqualTo(seenByStaff.get(0)).doesNotContain("**");
    assertThat(seenByTheResident.get(2)).isEqualTo(seenByStaff.get(2)).doesNotContain("**");
  }

  @Test
  void aCommentOnAMatterSomeoneMayNotSee_isNotThereForThem_byItsIdEither() {
    String id = raisedFor(residentId("baiguoshu", 46), "家里的私事", false);
    GraphQlResult commented =
        desk.call("baiguoshu.secretary", "commentOnMatter", Map.of("id", id, "body", "已电话联系"));
    String comment = commented.data("commentOnMatter.comment.id").asString();
    String query = "query($id: ID!) { node(id: $id) { ... on MatterComment { body authorName } } }";

    for (String outsider : List.of("baiguoshu.resident", "xinhua.admin", "xinhua.resident")) {
      GraphQlResult read = graphql.query(query).as(outsider).variable("id", comment).execute();
      assertThat(read.hasErrors()).as(read.toString()).isFalse();
      assertThat(read.data("node").isNull()).as(outsider).isTrue();
    }
    GraphQlResult staff =
        graphql.query(query).as("baiguoshu.admin").variable("id", comment).execute();
    assertThat(staff.data("node.body").asString()).isEqualTo("已电话联系");
  }

  private static List<String> authorNames(JsonNode matter) {
    List<String> names = new ArrayList<>();
    matter
        .path("comments")
        .path("edges")
        .forEach(e -> names.add(e.path("node").path("authorName").asString()));
    return names;
  }

  @Test
  void subcategories_belongToTheirCategory_andAreUniqueInIt() {
    GraphQlResult added =
        desk.call(
            "xinhua.admin",
            "addMatterSubcategory",
            Map.of("communityKey", "xinhua", "category", "PARKING", "name", "充电桩"));
    assertThat(added.data("addMatterSubcategory.errors").size()).as(added.toString()).isZero();
    String id = added.data("addMatterSubcategory.subcategory.id").asString();
    GraphQlResult again =
        desk.call(
            "xinhua.admin",
            "addMatterSubcategory",
            Map.of("communityKey", "xinhua", "category", "PARKING", "name", "充电桩"));
    assertThat(again.data("addMatterSubcategory.errors.0.code").asString()).isEqualTo("DUPLICATE");
    GraphQlResult byResident =
        desk.call(
            "xinhua.resident",
            "addMatterSubcategory",
            Map.of("communityKey", "xinhua", "category", "PETS", "name", "流浪猫"));
    assertThat(byResident.data("addMatterSubcategory.errors.0.code").asString())
        .isEqualTo("FORBIDDEN");

    GraphQlResult wrongCategory =
        desk.call(
            "xinhua.resident",
            "reportMatter",
            Map.of(
                "communityKey", "xinhua",
                "title", "t",
                "description", "d",
                "category", "PETS",
                "subcategoryId", id));
    assertThat(wrongCategory.data("reportMatter.errors.0.code").asString()).isEqualTo("NOT_FOUND");
    GraphQlResult right =
        desk.call(
            "xinhua.resident",
            "reportMatter",
            Map.of(
                "communityKey", "xinhua",
                "title", "充电桩不够",
                "description", "电动汽车充电桩只有两个。",
                "category", "PARKING",
                "subcategoryId", id));
    assertThat(right.data("reportMatter.matter.subcategory.name").asString()).isEqualTo("充电桩");
  }

  @Test
  void theBoardOf50Matters_withReporterAssigneeLatestEntryAndSupport_costsThreeStatements() {
    List<String> residents = residentIds("qingyuan", 50);
    String body = bodyId("qingyuan", "OWNERS_COMMITTEE");
    long existing = board("qingyuan.admin", Map.of()).size();
    for (int i = 0; existing + i < 50; i++) {
      GraphQlResult raised =
          desk.call(
              "qingyuan.admin",
              "reportMatter",
              Map.of(
                  "communityKey", "qingyuan",
                  "title", "看板测试 " + i,
                  "description", "d",
                  "category", "OTHER",
                  "source", "HOTLINE",
                  "reporterId", residents.get(i)));
      String id = raised.data("reportMatter.matter.id").asString();
      desk.call("qingyuan.admin", "acceptMatter", Map.of("id", id));
      desk.call(
          "qingyuan.admin",
          "assignMatter",
          Map.of("id", id, "assigneeId", body, "dueOn", "2099-01-01"));
    }

    long two = statementsForBoard(2);
    long fifty = statementsForBoard(50);

    // resolving the caller's communities, setting the tenant context, the board
    assertThat(two).isEqualTo(3);
    assertThat(fifty).isEqualTo(3);
  }

  @Test
  void figures_countByStatusAndCategory_andMeasureSpeedAndSatisfaction() {
    GraphQlResult result =
        graphql
            .document("matterFigures")
            .as("baishalu.viewer")
            .variable("key", "baiguoshu")
            .execute();
    JsonNode figures = result.data("community.matterFigures");
    assertThat(figures.path("total").asInt()).isGreaterThanOrEqualTo(14);
    assertThat(figures.path("rated").asInt()).isGreaterThanOrEqualTo(9);
    assertThat(figures.path("averageRating").asDouble()).isBetween(3.0, 5.0);
    assertThat(figures.path("medianHoursToResolution").asDouble()).isGreaterThan(24.0);
    assertThat(figures.path("medianHoursToVerification").asDouble())
        .isGreaterThan(figures.path("medianHoursToResolution").asDouble());
    int byStatus = 0;
    for (JsonNode count : figures.path("byStatus")) {
      byStatus += count.path("count").asInt();
    }
    assertThat(byStatus).isEqualTo(figures.path("total").asInt());
    List<String> categories = new ArrayList<>();
    figures.path("byCategory").forEach(c -> categories.add(c.path("category").asString()));
    assertThat(categories).contains("PARKING", "PETS", "GREENING", "SANITATION", "FACILITY");
  }

  @Test
  void reportingAMatter_costsTheTenantContextOneWriteAndTheReadBack() {
    long auditsBefore =
        Rows.count("SELECT count(*) FROM rg.audit_event WHERE action = 'matter.reported'");
    long before = statements.total();
    GraphQlResult result =
        desk.call(
            "baiguoshu.admin",
            "reportMatter",
            Map.of(
                "communityKey", "baiguoshu",
                "title", "消防通道被占",
                "description", "3幢旁消防通道停了两辆车",
                "category", "SAFETY",
                "source", "GRID_PATROL"));
    long used = statements.total() - before;

    assertThat(result.data("reportMatter.errors").size()).as(result.toString()).isZero();
    JsonNode matter = result.data("reportMatter.matter");
    assertThat(matter.path("status").asString()).isEqualTo("REPORTED");
    assertThat(matter.path("latestEntry").path("to").asString()).isEqualTo("REPORTED");
    assertThat(matter.path("reporter").isNull()).as("found on patrol, for no one").isTrue();
    // the caller's communities, the tenant context, the write (matter, timeline, audit, event),
    // the matter read back in the same transaction
    assertThat(used).isEqualTo(4);
    assertThat(Rows.count("SELECT count(*) FROM rg.audit_event WHERE action = 'matter.reported'"))
        .isEqualTo(auditsBefore + 1);
  }

  @Test
  void aMatterRefusedAfterItsWrite_leavesNothingBehind() {
    long matters = Rows.count("SELECT count(*) FROM rg.matter");
    long audits = Rows.count("SELECT count(*) FROM rg.audit_event");
    long entries = Rows.count("SELECT count(*) FROM rg.matter_event");
    // staff whose login is linked to no resident, for what a resident said: refused after the
    // insert found no resident of theirs
    GraphQlResult result =
        desk.call(
            "baiguoshu.admin",
            "reportMatter",
            Map.of(
                "communityKey", "baiguoshu",
                "title", "楼上漏水",
                "description", "居民来电反映",
                "category", "FACILITY",
                "source", "HOTLINE"));

    assertThat(result.data("reportMatter.errors.0.code").asString())
        .as(result.toString())
        .isEqualTo("INVALID_INPUT");
    assertThat(result.data("reportMatter.matter").isNull()).isTrue();
    assertThat(Rows.count("SELECT count(*) FROM rg.matter")).isEqualTo(matters);
    assertThat(Rows.count("SELECT count(*) FROM rg.audit_event")).isEqualTo(audits);
    assertThat(Rows.count("SELECT count(*) FROM rg.matter_event")).isEqualTo(entries);
  }

  private long statementsForBoard(int first) {
    long before = statements.total();
    GraphQlResult result =
        graphql
            .document("matterBoard")
            .as("gutang.admin")
            .variable("key", "qingyuan")
            .variable("first", first)
            .execute();
    long used = statements.total() - before;
    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    JsonNode edges = result.data("community.matters.edges");
    assertThat(edges.size()).isEqualTo(first);
    for (JsonNode edge : edges) {
      assertThat(edge.path("node").path("latestEntry").path("to").asString()).isNotBlank();
    }
    assertThat(edges.path(0).path("node").path("assignee").path("name").asString()).isNotBlank();
    assertThat(edges.path(0).path("node").path("reporter").path("name").asString()).isNotBlank();
    return used;
  }

  private void expectError(String user, Map<String, Object> input, String code) {
    GraphQlResult result = desk.call(user, "reportMatter", input);
    assertThat(result.data("reportMatter.errors.0.code").asString())
        .as("%s: %s", user, result)
        .isEqualTo(code);
  }

  private String raisedFor(String residentId, String title, boolean isPublic) {
    GraphQlResult result =
        desk.call(
            "baiguoshu.admin",
            "reportMatter",
            Map.of(
                "communityKey", "baiguoshu",
                "title", title,
                "description", title,
                "category", "OTHER",
                "reporterId", residentId,
                "isPublic", isPublic));
    assertThat(result.data("reportMatter.errors").size()).as(result.toString()).isZero();
    return result.data("reportMatter.matter.id").asString();
  }

  private List<JsonNode> board(String user, Map<String, Object> filter) {
    GraphQlResult result =
        graphql
            .document("matterBoard")
            .as(user)
            .variable("key", user.startsWith("qingyuan") ? "qingyuan" : "baiguoshu")
            .variable("first", 100)
            .variable("filter", filter)
            .execute();
    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    List<JsonNode> matters = new ArrayList<>();
    result.data("community.matters.edges").forEach(edge -> matters.add(edge.path("node")));
    return matters;
  }

  private static List<String> titles(List<JsonNode> matters) {
    return matters.stream().map(m -> m.path("title").asString()).toList();
  }

  private String residentId(String community, int index) {
    return residentIds(community, index + 1).get(index);
  }

  private List<String> residentIds(String community, int count) {
    return graphql
        .document("residents")
        .as("platform.operator")
        .variable("key", community)
        .variable("first", count)
        .execute()
        .edgeValues("community.residents", "id");
  }

  private String bodyId(String community, String kind) {
    for (JsonNode body :
        graphql
            .document("bodies")
            .as("platform.operator")
            .variable("key", community)
            .execute()
            .data("community.bodies")) {
      if (body.path("kind").asString().equals(kind)) {
        return body.path("id").asString();
      }
    }
    throw new IllegalStateException(kind);
  }
}
