package org.redgovernance.api.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.graphql.Page;
import org.redgovernance.api.graphql.SqlStatementCounter;
import org.redgovernance.api.graphql.TimeCursor;
import org.redgovernance.api.readmodel.RenderedJsonStrategy;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.api.support.Rows;
import org.redgovernance.testing.GraphQlResult;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A meeting asked by {@code node(id:)}, and a page of meetings, is written by PostgreSQL in one
 * statement for staff, the street and residents, each seeing what their role shows: the same
 * meeting however it is reached or however its fields are spread over fragments.
 */
class CompiledMeetingIntegrationTests extends IntegrationTest {

  private static final String ADMIN = XinhuaMeetingDesk.ADMIN;
  private static final String RESIDENT = XinhuaMeetingDesk.RESIDENT;
  private static final String STREET = "baishalu.viewer";

  private static final String MEETING_FIELDS =
      """
      id __typename kind title startsAt endsAt convenerName status minutes minutesPublished version
      place { servicePostId servicePostName text }
      invitedBodies { id bodyId kind name }
      agenda { id position topic decision decidedAt version
               matter { id matterId title status category reporterName } }
      attendance { bodyId personId name status }
      attendanceByBody { body { bodyId id kind name } present absent excused rate }
      actionItems { id description owner { kind id ownerId name } dueOn status overdue doneAt version }
      alias: title
      skipped: kind @include(if: false)
      """;

  @Autowired RenderedJsonStrategy strategy;
  @Autowired SqlStatementCounter statements;

  private XinhuaMeetingDesk desk;
  private Map<String, String> bodies;
  private Map<String, List<String>> seats;

  @BeforeEach
  void xinhuasBodies() {
    desk = new XinhuaMeetingDesk(graphql);
    bodies = desk.bodies;
    seats = desk.seats;
  }

  @Test
  void aHeldMeeting_showsEachRoleWhatItMaySee() {
    String meeting = heldMeeting();
    for (String user : List.of(ADMIN, STREET, RESIDENT)) {
      assertSameMeeting(user, meeting, MEETING_FIELDS);
    }
    JsonNode asResident = assertSameMeeting(RESIDENT, meeting, MEETING_FIELDS);
    assertThat(asResident.path("attendance").size()).isZero();
    assertThat(asResident.path("agenda").path(1).path("topic").asString()).isEqualTo("居民反映事项");
    JsonNode asStaff = assertSameMeeting(ADMIN, meeting, MEETING_FIELDS);
    // the three invited bodies by kind, then the supervisory committee, marked though not invited
    assertThat(asStaff.path("attendanceByBody").size()).as(asStaff.toString()).isEqualTo(4);
    assertThat(asStaff.path("attendanceByBody").path(3).path("body").path("kind").asString())
        .isEqualTo("SUPERVISORY_COMMITTEE");
    assertThat(asStaff.path("agenda").path(1).path("matter").path("reporterName").asString())
        .isNotBlank();
    JsonNode actions = asStaff.path("actionItems");
    assertThat(actions.size()).as(actions.toString()).isEqualTo(3);
    assertThat(actions.path(0).path("owner").path("kind").asString()).isEqualTo("BODY");
    assertThat(actions.path(0).path("overdue").asBoolean()).as("due today").isFalse();
    assertThat(actions.path(1).path("owner").path("name").asString()).isNotBlank();
    assertThat(actions.path(1).path("overdue").asBoolean()).as("open, due yesterday").isTrue();
    assertThat(actions.path(2).path("status").asString()).isEqualTo("DONE");
    assertThat(actions.path(2).path("doneAt").isNull()).isFalse();
    assertThat(actions.path(2).path("overdue").asBoolean()).as("done, though late").isFalse();
  }

  @Test
  void aMeetingJustScheduled_withNothingMarked_isWrittenAlike() {
    String meeting = desk.scheduled("刚排期的会", new ArrayList<>(bodies.values()));
    assertSameMeeting(ADMIN, meeting, MEETING_FIELDS);
    assertSameMeeting(RESIDENT, meeting, MEETING_FIELDS);
  }

  @Test
  void theDemoBriefings_areWrittenAlike() {
    JsonNode page =
        graphql
            .document("meetings")
            .as("baiguoshu.admin")
            .variable("key", "baiguoshu")
            .variable("first", 5)
            .variable("filter", Map.of("status", "HELD", "newestFirst", true))
            .execute()
            .data("community.meetings.edges");
    for (JsonNode edge : page) {
      String meeting = edge.path("node").path("id").asString();
      for (String user : List.of("baiguoshu.supervisor", "baiguoshu.resident")) {
        assertSameMeeting(user, meeting, MEETING_FIELDS);
      }
    }
  }

  @Test
  void aWrittenMeeting_costsTheTenantContextAndOneStatement() {
    String meeting = heldMeeting();
    long before = statements.total();
    long rendered = strategy.rendered();
    GraphQlResult result = node(ADMIN, meeting, MEETING_FIELDS);
    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    assertThat(strategy.rendered()).isEqualTo(rendered + 1);
    // resolving the caller's communities, setting the tenant context, the meeting
    assertThat(statements.total() - before).isEqualTo(3);
  }

  @Test
  void fragmentsOnOtherTypes_andTypenameOnTheInterface_areAnsweredForTheMeeting() {
    String meeting = heldMeeting();
    String document =
        "query($id: ID!) { node(id: $id) { __typename id ... on Notice { publishedAt }"
            + " ... on Meeting { title agenda { position } } } }";
    long before = strategy.rendered();
    GraphQlResult result = graphql.query(document).as(ADMIN).variable("id", meeting).execute();
    assertThat(strategy.rendered()).as("written by PostgreSQL").isEqualTo(before + 1);
    assertThat(result.data("node").toString())
        .isEqualTo(
            "{\"__typename\":\"Meeting\",\"id\":\""
                + meeting
                + "\",\"title\":\"议事会（写出测试）\",\"agenda\":[{\"position\":1},{\"position\":2},"
                + "{\"position\":3}]}");
  }

  @Test
  void aResultKeyAnotherTypeSelectsFirst_isAnsweredInTheRightOrder() {
    String meeting = heldMeeting();
    String document =
        "query($id: ID!) { node(id: $id) { ... on Notice { title } id ... on Meeting { title } } }";
    long before = strategy.rendered();
    GraphQlResult result = graphql.query(document).as(ADMIN).variable("id", meeting).execute();
    assertThat(strategy.rendered()).as("written by PostgreSQL").isEqualTo(before + 1);
    assertThat(result.data("node").toString())
        .isEqualTo("{\"id\":\"" + meeting + "\",\"title\":\"议事会（写出测试）\"}");
  }

  @Test
  void theSameDocument_withIncludeReadingAVariable_answersWhatEachRequestSelects() {
    String meeting = heldMeeting();
    String document =
        "query($id: ID!, $agenda: Boolean!) { node(id: $id) { ... on Meeting { title"
            + " agenda @include(if: $agenda) { position } } } }";
    for (boolean agenda : new boolean[] {true, false, true}) {
      JsonNode answer =
          graphql
              .query(document)
              .as(ADMIN)
              .variable("id", meeting)
              .variable("agenda", agenda)
              .execute()
              .data("node");
      assertThat(answer.has("agenda")).as(answer.toString()).isEqualTo(agenda);
    }
  }

  @Test
  void aMeetingThatIsNotThere_isNull() {
    String meeting = heldMeeting();
    String missing =
        GlobalId.of(
            MeetingTypes.MEETING,
            GlobalId.decode(meeting).orElseThrow().communityId(),
            java.util.UUID.randomUUID());
    long before = strategy.rendered();
    GraphQlResult result = node(ADMIN, missing, MEETING_FIELDS);
    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    assertThat(result.data("node").isNull()).isTrue();
    assertThat(strategy.rendered()).isEqualTo(before);
  }

  @Test
  void pagesOfMeetings_holdTheMeetingsAsNodeAnswersThem_withTheirCursors() {
    for (String user : List.of("baiguoshu.admin", "baiguoshu.resident")) {
      for (boolean newestFirst : new boolean[] {true, false}) {
        String after = null;
        int pages = 0;
        int meetings = 0;
        JsonNode written;
        do {
          written = assertSamePage(user, newestFirst, after);
          pages++;
          meetings += written.path("edges").size();
          after = written.path("pageInfo").path("endCursor").asString();
        } while (written.path("pageInfo").path("hasNextPage").asBoolean() && pages < 20);
        assertThat(pages).as("pages of four, to the last").isGreaterThan(1).isLessThan(20);
        assertThat(meetings).isGreaterThan(4);
      }
    }
  }

  @Test
  void aWrittenPageOfMeetings_costsTheTenantContextAndOneStatement() {
    long before = statements.total();
    GraphQlResult result = meetings("baiguoshu.admin", true, null);
    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    // resolving the caller's communities, setting the tenant context, the page
    assertThat(statements.total() - before).isEqualTo(3);
  }

  /**
   * A page of baiguoshu's meetings as PostgreSQL writes it: each meeting as {@code node(id:)}
   * answers it, each cursor the one {@link Page#encodeCursor} gives, the page info that of the
   * page.
   */
  private JsonNode assertSamePage(String user, boolean newestFirst, String after) {
    long before = strategy.rendered();
    GraphQlResult rendered = meetings(user, newestFirst, after);
    assertThat(strategy.rendered()).as("written by PostgreSQL").isEqualTo(before + 1);
    assertThat(rendered.hasErrors()).as(rendered.toString()).isFalse();
    JsonNode page = rendered.data("community.meetings");
    JsonNode edges = page.path("edges");
    for (JsonNode edge : edges) {
      JsonNode meeting = edge.path("node");
      String id = meeting.path("id").asString();
      JsonNode resolved = assertSameMeeting(user, id, MEETING_FIELDS);
      assertThat(meeting.toString()).isEqualTo(resolved.toString());
      String key =
          TimeCursor.key(
              OffsetDateTime.parse(meeting.path("startsAt").asString()),
              GlobalId.decode(id).orElseThrow().id());
      assertThat(edge.path("cursor").asString()).isEqualTo(Page.encodeCursor(key));
    }
    JsonNode info = page.path("pageInfo");
    assertThat(info.path("hasPreviousPage").asBoolean()).isEqualTo(after != null);
    assertThat(info.path("startCursor").asString())
        .isEqualTo(edges.path(0).path("cursor").asString());
    assertThat(info.path("endCursor").asString())
        .isEqualTo(edges.path(edges.size() - 1).path("cursor").asString());
    return page;
  }

  private GraphQlResult meetings(String user, boolean newestFirst, String after) {
    return graphql
        .query(
            "query($after: String, $filter: MeetingFilter) { community(key: \"baiguoshu\") {"
                + " meetings(first: 4, after: $after, filter: $filter) {"
                + " edges { cursor node { "
                + MEETING_FIELDS
                + " } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }")
        .as(user)
        .variable("after", after)
        .variable("filter", Map.of("newestFirst", newestFirst))
        .execute();
  }

  /**
   * Asks for the meeting with its fields alone and behind a fragment of another type, and returns
   * the answer: both written by PostgreSQL, and the same.
   */
  private JsonNode assertSameMeeting(String user, String meeting, String fields) {
    long before = strategy.rendered();
    GraphQlResult rendered = node(user, meeting, fields);
    GraphQlResult behindAnotherType =
        graphql
            .query(
                "query($id: ID!) { node(id: $id) { ... on Notice { title }"
                    + " ... on Meeting { "
                    + fields
                    + " } } }")
            .as(user)
            .variable("id", meeting)
            .execute();
    assertThat(strategy.rendered()).as("written by PostgreSQL").isEqualTo(before + 2);
    assertThat(rendered.hasErrors()).as(rendered.toString()).isFalse();
    assertThat(behindAnotherType.hasErrors()).as(behindAnotherType.toString()).isFalse();

    JsonNode expected = behindAnotherType.data("node");
    JsonNode actual = rendered.data("node");
    // toString keeps the field order, which GraphQL promises to follow
    assertThat(actual.toString()).isEqualTo(expected.toString());
    return actual;
  }

  private GraphQlResult node(String user, String meeting, String fields) {
    return graphql
        .query("query($id: ID!) { node(id: $id) { ... on Meeting { " + fields + " } } }")
        .as(user)
        .variable("id", meeting)
        .execute();
  }

  /**
   * A held meeting that invited three bodies and heard a public matter, a private one and a free
   * topic; attendance marked present, absent and excused, and once for a body it did not invite.
   */
  private String heldMeeting() {
    String publicMatter = desk.acceptedMatter("楼道灯不亮", true);
    String privateMatter = desk.acceptedMatter("邻居噪音", false);
    String meeting =
        desk.scheduled(
            "议事会（写出测试）",
            List.of(
                bodies.get("PARTY_BRANCH"),
                bodies.get("OWNERS_COMMITTEE"),
                bodies.get("OWNER_REPRESENTATIVES")));
    JsonNode agenda =
        desk.call("addAgendaItem", Map.of("meetingId", meeting, "matterId", publicMatter));
    desk.call("addAgendaItem", Map.of("meetingId", meeting, "matterId", privateMatter));
    desk.call("addAgendaItem", Map.of("meetingId", meeting, "topic", "垃圾分类推进情况"));
    desk.call("startMeeting", Map.of("id", meeting));
    List<Map<String, Object>> entries = new ArrayList<>();
    String[] statuses = {"PRESENT", "EXCUSED", "ABSENT"};
    for (String kind : List.of("OWNERS_COMMITTEE", "PARTY_BRANCH", "SUPERVISORY_COMMITTEE")) {
      List<String> people = seats.get(kind);
      for (int i = 0; i < people.size(); i++) {
        entries.add(
            Map.of(
                "bodyId", bodies.get(kind),
                "personId", people.get(i),
                "status", statuses[i % statuses.length]));
      }
    }
    desk.call("recordAttendance", Map.of("meetingId", meeting, "entries", entries));
    desk.call(
        "decideAgendaItem",
        Map.of(
            "id",
            agenda.path("agenda").path(0).path("id").asString(),
            "decision",
            "物业一周内更换楼道灯",
            "assigneeId",
            bodies.get("OWNERS_COMMITTEE"),
            "dueOn",
            LocalDate.now().plusDays(7).toString()));
    String today = LocalDate.now(MeetingPlanner.ZONE).toString();
    actionItem(meeting, "督促物业更换楼道灯", bodies.get("OWNERS_COMMITTEE"), today);
    String late = actionItem(meeting, "走访邻里了解噪音情况", seats.get("PARTY_BRANCH").get(0), today);
    String done = actionItem(meeting, "张贴垃圾分类告示", bodies.get("PARTY_BRANCH"), today);
    desk.call("updateActionItem", Map.of("id", done, "status", "DONE"));
    // a due date in the past cannot be given: these two were due yesterday, as if a day went by
    for (String item : List.of(late, done)) {
      Rows.update(
          "UPDATE rg.action_item SET due_on = due_on - 1 WHERE id = ?::uuid",
          GlobalId.decode(item).orElseThrow().id());
    }
    return meeting;
  }

  private String actionItem(String meeting, String description, String owner, String dueOn) {
    return desk.call(
            "addActionItem",
            Map.of(
                "meetingId", meeting, "description", description, "ownerId", owner, "dueOn", dueOn))
        .path("actionItem")
        .path("id")
        .asString();
  }
}
