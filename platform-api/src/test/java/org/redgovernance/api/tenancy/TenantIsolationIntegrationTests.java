package org.redgovernance.api.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.api.support.Rows;
import org.redgovernance.database.InvitationCodes;
import org.redgovernance.testing.GraphQlHttp;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.GraphQlWebSocket;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import tools.jackson.databind.JsonNode;

/**
 * Every root field of the schema, run as every demo role against every community that role holds
 * nothing in, by every route: global IDs, keys, filters and the {@code X-Community} header. Each
 * must answer not-found or forbidden, never the other community's data, and change nothing.
 *
 * <p>The cases are keyed by root field and checked against the schema itself: a new root field
 * without an isolation case fails {@link #everyRootField_hasAnIsolationCase()}.
 */
class TenantIsolationIntegrationTests extends IntegrationTest {

  /** What a demo role reaches; every other demo community is a victim for it. */
  private static final Map<String, List<String>> REACH =
      Map.ofEntries(
          Map.entry("baishalu.admin", List.of("baiguoshu", "xinhua")),
          Map.entry("baishalu.viewer", List.of("baiguoshu", "xinhua")),
          Map.entry("gutang.admin", List.of("qingyuan")),
          Map.entry("baiguoshu.admin", List.of("baiguoshu")),
          Map.entry("baiguoshu.secretary", List.of("baiguoshu")),
          Map.entry("baiguoshu.owners", List.of("baiguoshu")),
          Map.entry("baiguoshu.supervisor", List.of("baiguoshu")),
          Map.entry("baiguoshu.resident", List.of("baiguoshu")),
          Map.entry("xinhua.admin", List.of("xinhua")),
          Map.entry("xinhua.resident", List.of("xinhua")),
          Map.entry("qingyuan.admin", List.of("qingyuan")));

  private static final List<String> COMMUNITIES = List.of("baiguoshu", "xinhua", "qingyuan");
  private static final Map<String, String> STREET_OF =
      Map.of("baiguoshu", "baishalu", "xinhua", "baishalu", "qingyuan", "gutang");

  /** An attempt to reach {@code victim} through one root field, as {@code user}. */
  private interface Attack {
    void attempt(String user, String victim);
  }

  /** The root fields and how each is attacked. */
  private final Map<String, Attack> attacks = new LinkedHashMap<>();

  /** Documents that exercise each root field, for the X-Community route. */
  private static final Map<String, String> MINIMAL_DOCUMENTS =
      Map.ofEntries(
          Map.entry("Query.node", "query { node(id: \"x\") { id } }"),
          Map.entry("Query.enumLabels", "query { enumLabels(enum: \"CommunityRole\") { value } }"),
          Map.entry("Query.viewer", "query { viewer { username } }"),
          Map.entry(
              "Mutation.acceptInvitation",
              "mutation { acceptInvitation(input: {code: \"x\"}) { errors { code } } }"),
          Map.entry("Query.community", "query { community(key: \"baiguoshu\") { key } }"),
          Map.entry("Query.communities", "query { communities { edges { node { key } } } }"),
          Map.entry("Query.notices", "query { notices { edges { node { title } } } }"),
          Map.entry("Query.surveys", "query { surveys { edges { node { title } } } }"),
          Map.entry(
              "Query.streetSurveyResults",
              "query { streetSurveyResults(streetKey: \"baishalu\", streetSurveyId:"
                  + " \"d3e00000-0000-4000-8000-0000000000a1\") { respondents } }"),
          Map.entry(
              "Query.rolloutProjects", "query { rolloutProjects { edges { node { name } } } }"),
          Map.entry(
              "Mutation.createRolloutProject",
              "mutation { createRolloutProject(input: {streetKey: \"baishalu\", name: \"p\","
                  + " ownerName: \"o\", startsOn: \"2026-01-01\", targetOn: \"2027-01-01\","
                  + " indicators: []}) { errors { code } } }"),
          Map.entry(
              "Mutation.updateRolloutProject",
              "mutation { updateRolloutProject(input: {id: \"x\", name: \"p\"}) { errors { code"
                  + " } } }"),
          Map.entry(
              "Mutation.addRolloutCommunities",
              "mutation { addRolloutCommunities(input: {id: \"x\", communityKeys: [\"xinhua\"]})"
                  + " { errors { code } } }"),
          Map.entry(
              "Mutation.moveRolloutStage",
              "mutation { moveRolloutStage(input: {id: \"x\", stage: ONBOARDED}) { errors { code"
                  + " } } }"),
          Map.entry(
              "Mutation.setRolloutTarget",
              "mutation { setRolloutTarget(input: {id: \"x\", metricKey: \"households\", target:"
                  + " 1}) { errors { code } } }"),
          Map.entry(
              "Mutation.recordRolloutReview",
              "mutation { recordRolloutReview(input: {id: \"x\", quarter: \"2026-Q1\", rating:"
                  + " PASS}) { errors { code } } }"),
          Map.entry(
              "Mutation.completeRolloutAction",
              "mutation { completeRolloutAction(input: {id: \"x\"}) { errors { code } } }"),
          Map.entry(
              "Mutation.createSurvey",
              "mutation { createSurvey(input: {title: \"t\", closesAt: \"2031-01-01T00:00:00Z\","
                  + " questions: [{kind: SCALE, text: \"q\"}]}) { errors { code } } }"),
          Map.entry(
              "Mutation.launchStreetSurvey",
              "mutation { launchStreetSurvey(input: {streetKey: \"baishalu\", title: \"t\","
                  + " closesAt: \"2031-01-01T00:00:00Z\", questions: [{kind: SCALE, text:"
                  + " \"q\"}]}) { errors { code } } }"),
          Map.entry(
              "Mutation.answerSurvey",
              "mutation { answerSurvey(input: {id: \"x\", answers: [{position: 1, score: 3}]}) {"
                  + " errors { code } } }"),
          Map.entry(
              "Mutation.closeSurvey",
              "mutation { closeSurvey(input: {id: \"x\"}) { errors { code } } }"),
          Map.entry("Query.metrics", "query { metrics { key label } }"),
          Map.entry(
              "Query.streetComparison",
              "query { streetComparison(streetKey: \"baishalu\") { streetKey } }"),
          Map.entry("Query.notifications", "query { notifications { edges { node { title } } } }"),
          Map.entry(
              "Subscription.notificationEvents",
              "subscription { notificationEvents { kind notificationId } }"),
          Map.entry(
              "Mutation.markNotificationRead",
              "mutation { markNotificationRead(input: {id: \"x\"}) { errors { code } } }"),
          Map.entry(
              "Mutation.markAllNotificationsRead",
              "mutation { markAllNotificationsRead(input: {}) { marked errors { code } } }"),
          Map.entry(
              "Query.notificationSettings",
              "query { notificationSettings { communityKey channels { channel address } } }"),
          Map.entry(
              "Mutation.linkWechat",
              "mutation { linkWechat(input: {code: \"wx-code\"}) { errors { code } } }"),
          Map.entry(
              "Mutation.recordWechatConsents",
              "mutation { recordWechatConsents(input: {templateIds: [\"tmpl_notices\"]})"
                  + " { errors { code } } }"),
          Map.entry(
              "Mutation.updateNotificationSettings",
              "mutation { updateNotificationSettings(input: {useAccountEmail: false})"
                  + " { errors { code } } }"),
          Map.entry(
              "Mutation.publishNotice",
              "mutation { publishNotice(input: {title: \"t\", body: \"b\"}) { errors { code } } }"),
          Map.entry(
              "Mutation.withdrawNotice",
              "mutation { withdrawNotice(input: {id: \"x\", reason: \"r\", expectedVersion: 0})"
                  + " { errors { code } } }"),
          Map.entry(
              "Mutation.addHousehold",
              "mutation { addHousehold(input: {buildingId: \"x\", unit: \"1\", room: \"1\"})"
                  + " { errors { code } } }"),
          Map.entry(
              "Mutation.addResident",
              "mutation { addResident(input: {householdId: \"x\", name: \"n\"}) { errors { code } } }"),
          Map.entry(
              "Mutation.updateResident",
              "mutation { updateResident(input: {id: \"x\", expectedVersion: 0}) { errors { code } } }"),
          Map.entry(
              "Mutation.moveOutResident",
              "mutation { moveOutResident(input: {id: \"x\", expectedVersion: 0,"
                  + " movedOutOn: \"2026-01-01\"}) { errors { code } } }"),
          Map.entry(
              "Mutation.deleteResident",
              "mutation { deleteResident(input: {id: \"x\", expectedVersion: 0}) { errors { code } } }"),
          Map.entry(
              "Mutation.addGrid", "mutation { addGrid(input: {name: \"g\"}) { errors { code } } }"),
          Map.entry(
              "Mutation.addBuilding",
              "mutation { addBuilding(input: {number: \"1\"}) { errors { code } } }"),
          Map.entry(
              "Mutation.addServicePost",
              "mutation { addServicePost(input: {kind: OTHER, name: \"p\"}) { errors { code } } }"),
          Map.entry(
              "Mutation.updateServicePost",
              "mutation { updateServicePost(input: {id: \"x\", expectedVersion: 0}) { errors { code } } }"),
          Map.entry(
              "Mutation.removeServicePost",
              "mutation { removeServicePost(input: {id: \"x\", expectedVersion: 0}) { errors { code } } }"),
          Map.entry(
              "Mutation.deleteServicePost",
              "mutation { deleteServicePost(input: {id: \"x\"}) { errors { code } } }"),
          Map.entry(
              "Mutation.deletePartner",
              "mutation { deletePartner(input: {id: \"x\"}) { errors { code } } }"),
          Map.entry(
              "Mutation.addPartner",
              "mutation { addPartner(input: {name: \"p\", kind: OTHER}) { errors { code } } }"),
          Map.entry(
              "Mutation.removePartner",
              "mutation { removePartner(input: {id: \"x\", expectedVersion: 0}) { errors { code } } }"),
          Map.entry(
              "Mutation.updateGrid",
              "mutation { updateGrid(input: {id: \"x\", expectedVersion: 0}) { errors { code } } }"),
          Map.entry(
              "Mutation.updateBuilding",
              "mutation { updateBuilding(input: {id: \"x\", expectedVersion: 0}) { errors { code } } }"),
          Map.entry(
              "Mutation.updatePartner",
              "mutation { updatePartner(input: {id: \"x\", expectedVersion: 0}) { errors { code } } }"),
          Map.entry(
              "Mutation.updateHousehold",
              "mutation { updateHousehold(input: {id: \"x\", expectedVersion: 0, gridId: \"y\"})"
                  + " { errors { code } } }"),
          Map.entry(
              "Mutation.deleteHousehold",
              "mutation { deleteHousehold(input: {id: \"x\", expectedVersion: 0}) { errors { code } } }"),
          Map.entry(
              "Mutation.deleteBuilding",
              "mutation { deleteBuilding(input: {id: \"x\", expectedVersion: 0}) { errors { code } } }"),
          Map.entry(
              "Mutation.deleteGrid",
              "mutation { deleteGrid(input: {id: \"x\", expectedVersion: 0}) { errors { code } } }"),
          Map.entry(
              "Mutation.addBodyTerm",
              "mutation { addBodyTerm(input: {bodyId: \"x\", number: 9, startsOn: \"2030-01-01\","
                  + " endsOn: \"2031-01-01\"}) { errors { code } } }"),
          Map.entry(
              "Mutation.addPartyMember",
              "mutation { addPartyMember(input: {name: \"n\", kind: REGISTERED}) { errors { code } } }"),
          Map.entry(
              "Mutation.updatePartyMember",
              "mutation { updatePartyMember(input: {id: \"x\", expectedVersion: 0}) { errors { code } } }"),
          Map.entry(
              "Mutation.addBodyMember",
              "mutation { addBodyMember(input: {bodyId: \"x\", residentId: \"y\", position: MEMBER,"
                  + " fromOn: \"2025-01-01\"}) { errors { code } } }"),
          Map.entry("Subscription.noticeEvents", "subscription { noticeEvents { kind noticeId } }"),
          Map.entry(
              "Mutation.reportMatter",
              "mutation { reportMatter(input: {title: \"t\", description: \"d\", category: OTHER})"
                  + " { errors { code } } }"),
          Map.entry(
              "Mutation.acceptMatter",
              "mutation { acceptMatter(input: {id: \"x\"}) { errors { code } } }"),
          Map.entry(
              "Mutation.rejectMatter",
              "mutation { rejectMatter(input: {id: \"x\", reason: \"r\"}) { errors { code } } }"),
          Map.entry(
              "Mutation.assignMatter",
              "mutation { assignMatter(input: {id: \"x\", assigneeId: \"y\", dueOn: \"2030-01-01\"})"
                  + " { errors { code } } }"),
          Map.entry(
              "Mutation.resolveMatter",
              "mutation { resolveMatter(input: {id: \"x\", resolution: \"r\"}) { errors { code } } }"),
          Map.entry(
              "Mutation.verifyMatter",
              "mutation { verifyMatter(input: {id: \"x\"}) { errors { code } } }"),
          Map.entry(
              "Mutation.reopenMatter",
              "mutation { reopenMatter(input: {id: \"x\", reason: \"r\"}) { errors { code } } }"),
          Map.entry(
              "Mutation.rateMatter",
              "mutation { rateMatter(input: {id: \"x\", rating: 5}) { errors { code } } }"),
          Map.entry(
              "Mutation.supportMatter",
              "mutation { supportMatter(input: {id: \"x\"}) { errors { code } } }"),
          Map.entry(
              "Mutation.withdrawMatterSupport",
              "mutation { withdrawMatterSupport(input: {id: \"x\"}) { errors { code } } }"),
          Map.entry(
              "Mutation.commentOnMatter",
              "mutation { commentOnMatter(input: {id: \"x\", body: \"b\"}) { errors { code } } }"),
          Map.entry(
              "Mutation.addMatterSubcategory",
              "mutation { addMatterSubcategory(input: {category: OTHER, name: \"n\"})"
                  + " { errors { code } } }"),
          Map.entry("Subscription.matterEvents", "subscription { matterEvents { kind matterId } }"),
          Map.entry(
              "Mutation.scheduleMeeting",
              "mutation { scheduleMeeting(input: {kind: DELIBERATION, title: \"t\","
                  + " startsAt: \"2030-01-01T19:00:00+08:00\", placeText: \"p\"})"
                  + " { errors { code } } }"),
          Map.entry(
              "Mutation.addMeetingSeries",
              "mutation { addMeetingSeries(input: {kind: WEEKLY_BRIEFING, title: \"t\","
                  + " weekday: THURSDAY, time: \"19:00\", placeText: \"p\"}) { errors { code } } }"),
          Map.entry(
              "Mutation.startMeeting",
              "mutation { startMeeting(input: {id: \"x\"}) { errors { code } } }"),
          Map.entry(
              "Mutation.endMeeting",
              "mutation { endMeeting(input: {id: \"x\"}) { errors { code } } }"),
          Map.entry(
              "Mutation.cancelMeeting",
              "mutation { cancelMeeting(input: {id: \"x\", reason: \"r\"}) { errors { code } } }"),
          Map.entry(
              "Mutation.addAgendaItem",
              "mutation { addAgendaItem(input: {meetingId: \"x\", topic: \"t\"}) { errors { code } } }"),
          Map.entry(
              "Mutation.decideAgendaItem",
              "mutation { decideAgendaItem(input: {id: \"x\", decision: \"d\"}) { errors { code } } }"),
          Map.entry(
              "Mutation.recordAttendance",
              "mutation { recordAttendance(input: {meetingId: \"x\", entries: []}) { errors { code } } }"),
          Map.entry(
              "Mutation.recordMinutes",
              "mutation { recordMinutes(input: {meetingId: \"x\", minutes: \"m\"}) { errors { code } } }"),
          Map.entry(
              "Mutation.publishMeetingMinutes",
              "mutation { publishMeetingMinutes(input: {meetingId: \"x\"}) { errors { code } } }"),
          Map.entry(
              "Mutation.addActionItem",
              "mutation { addActionItem(input: {meetingId: \"x\", description: \"d\","
                  + " ownerId: \"y\", dueOn: \"2030-01-01\"}) { errors { code } } }"),
          Map.entry(
              "Mutation.updateActionItem",
              "mutation { updateActionItem(input: {id: \"x\", status: DONE}) { errors { code } } }"),
          Map.entry(
              "Subscription.meetingEvents",
              "subscription { meetingEvents(meetingId: \"x\") { kind meetingId } }"));

  @Autowired GraphQlSource graphQlSource;

  private final Map<String, String> communityIds = new LinkedHashMap<>();
  private final Map<String, List<String>> noticeIds = new LinkedHashMap<>();

  /** Made once for the whole run: the victims' notifications ({@link #notificationFor}). */
  private static final Map<String, List<String>> notificationIds = new LinkedHashMap<>();

  private static final Map<String, String> userIds = new java.util.concurrent.ConcurrentHashMap<>();

  private final Map<String, List<String>> rosterIds = new LinkedHashMap<>();

  /**
   * One grid, building, household, resident, party member, body, service post and partner of the
   * community.
   */
  private List<String> rosterIdsOf(String key) {
    GraphQlResult result =
        graphql.document("rosterIds").as("platform.operator").variable("key", key).execute();
    List<String> ids = new ArrayList<>();
    for (String path :
        List.of(
            "community.grids.edges.0.node.id",
            "community.buildings.edges.0.node.id",
            "community.households.edges.0.node.id",
            "community.households.edges.0.node.residents.0.id",
            "community.partyMembers.edges.0.node.id",
            "community.bodies.0.id",
            "community.servicePosts.0.id",
            "community.partners.0.id",
            "community.matters.edges.0.node.id",
            "community.meetings.edges.0.node.id",
            "community.meetings.edges.0.node.agenda.0.id",
            "community.meetings.edges.0.node.actionItems.0.id")) {
      String id = result.data(path).asString();
      assertThat(id).as("%s of %s: %s", path, key, result).isNotBlank();
      ids.add(id);
    }
    return ids;
  }

  @BeforeEach
  void victimsSeenByTheOperator() {
    for (String key : COMMUNITIES) {
      communityIds.put(
          key,
          graphql
              .document("community")
              .as("platform.operator")
              .variable("key", key)
              .execute()
              .data("community.id")
              .asString());
      noticeIds.put(
          key,
          graphql
              .document("notices")
              .as("platform.operator")
              .variable("first", 100)
              .variable("filter", Map.of("communityKey", key))
              .execute()
              .edgeValues("notices", "id"));
      assertThat(noticeIds.get(key)).as("demo notices of " + key).isNotEmpty();
      rosterIds.put(key, rosterIdsOf(key));
    }
    defineAttacks();
    defineSubscriptionAttacks();
    defineRosterAttacks();
    definePartyAndBodyAttacks();
    definePlaceAttacks();
    defineVenueAttacks();
    defineLayoutAttacks();
    defineUpdateAttacks();
    defineMatterAttacks();
    defineMeetingAttacks();
    defineNotificationAttacks();
    defineNotificationSettingsAttacks();
    defineWechatAttacks();
    defineSurveyAttacks();
    new RolloutAttacks(graphql, COMMUNITIES, STREET_OF)
        .define((field, attack) -> attacks.put(field, attack::accept));
    attacks.put(
        "Query.streetComparison",
        (user, victim) -> {
          // a community's own people, whatever their role, compare no street: only its street's
          // roles do; and a community of another street is never among the standings
          String victimStreet = "qingyuan".equals(victim) ? "gutang" : "baishalu";
          GraphQlResult result =
              graphql
                  .query(
                      "query($s: String!) { streetComparison(streetKey: $s) { communities {"
                          + " communityKey } } }")
                  .as(user)
                  .variable("s", victimStreet)
                  .execute();
          assertThat(result.hasErrors()).as("%s", result).isFalse();
          assertThat(result.data("streetComparison").toString()).doesNotContain(victim);
        });
    attacks.put(
        "Query.metrics",
        (user, victim) -> {
          // the catalogue is the same for everyone and names no community: nothing to reach
          GraphQlResult result =
              graphql.query("{ metrics { key label definition } }").as(user).execute();
          assertThat(result.hasErrors()).as("%s", result).isFalse();
          assertThat(result.data("metrics").toString()).doesNotContain(victim);
        });
  }

  /** Made once for the whole run: an open survey in each victim community, by its admin. */
  private static final Map<String, String> surveyIds =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final String SURVEY_QUESTIONS = "[{kind: SCALE, text: \"满意吗\"}]";

  /** Surveys: listed, answered, closed, set up and launched across the wall. */
  private void defineSurveyAttacks() {
    for (String key : COMMUNITIES) {
      surveyIds.computeIfAbsent(
          key,
          community -> {
            GraphQlResult made =
                graphql
                    .query(
                        "mutation($key: String!, $closes: DateTime!) { createSurvey(input:"
                            + " {communityKey: $key, title: \"受害者问卷\", closesAt: $closes,"
                            + " questions: "
                            + SURVEY_QUESTIONS
                            + "}) { survey { id } errors { code } } }")
                    .as(community + ".admin")
                    .variable("key", community)
                    .variable("closes", java.time.OffsetDateTime.now().plusDays(30).toString())
                    .execute();
            assertThat(made.data("createSurvey.errors").size()).as("%s", made).isZero();
            return made.data("createSurvey.survey.id").asString();
          });
    }
    attacks.put(
        "Query.surveys",
        (user, victim) -> {
          GraphQlResult filtered =
              graphql
                  .query(
                      "query($key: String) { surveys(first: 100, filter: {communityKey: $key}) {"
                          + " edges { node { id community { key } } } } }")
                  .as(user)
                  .variable("key", victim)
                  .execute();
          assertThat(filtered.data("surveys.edges").size()).as("%s: %s", user, filtered).isZero();
          GraphQlResult all =
              graphql
                  .query("query { surveys(first: 100) { edges { node { id } } } }")
                  .as(user)
                  .execute();
          assertThat(all.edgeValues("surveys", "id")).doesNotContain(surveyIds.get(victim));
          assertThat(
                  graphql
                      .query("query($id: ID!) { node(id: $id) { id } }")
                      .as(user)
                      .variable("id", surveyIds.get(victim))
                      .execute()
                      .data("node")
                      .isNull())
              .isTrue();
        });
    attacks.put(
        "Query.streetSurveyResults",
        (user, victim) -> {
          // the victim's street is not the caller's to oversee: no figures of it, by any survey
          String victimStreet = STREET_OF.get(victim);
          String street =
              Rows.text(
                  "SELECT coalesce(min(s.street_survey_id::text), '"
                      + "d3e00000-0000-4000-8000-0000000000a1') FROM rg.survey s JOIN"
                      + " rg.community c ON c.id = s.community_id WHERE c.key = ?"
                      + " AND s.street_survey_id IS NOT NULL",
                  victim);
          GraphQlResult result =
              graphql
                  .query(
                      "query($s: String!, $id: ID!) { streetSurveyResults(streetKey: $s,"
                          + " streetSurveyId: $id) { communities respondents } }")
                  .as(user)
                  .variable("s", victimStreet)
                  .variable("id", street)
                  .execute();
          assertThat(result.data("streetSurveyResults").isNull())
              .as("%s: %s", user, result)
              .isTrue();
        });
    attacks.put(
        "Mutation.answerSurvey",
        (user, victim) -> {
          long before = surveyAnswers(victim);
          GraphQlResult result =
              graphql
                  .query(
                      "mutation($id: ID!) { answerSurvey(input: {id: $id, answers: [{position: 1,"
                          + " score: 1}]}) { survey { id } errors { code } } }")
                  .as(user)
                  .variable("id", surveyIds.get(victim))
                  .execute();
          assertThat(result.data("answerSurvey.errors.0.code").asString())
              .as("%s: %s", user, result)
              .isEqualTo("NOT_FOUND");
          assertThat(surveyAnswers(victim)).isEqualTo(before);
        });
    attacks.put(
        "Mutation.closeSurvey",
        (user, victim) -> {
          GraphQlResult result =
              graphql
                  .query(
                      "mutation($id: ID!) { closeSurvey(input: {id: $id}) { survey { id } errors {"
                          + " code } } }")
                  .as(user)
                  .variable("id", surveyIds.get(victim))
                  .execute();
          assertThat(result.data("closeSurvey.errors.0.code").asString())
              .as("%s: %s", user, result)
              .isEqualTo("NOT_FOUND");
          assertThat(
                  graphql
                      .query("query($id: ID!) { node(id: $id) { ... on Survey { status } } }")
                      .as("platform.operator")
                      .variable("id", surveyIds.get(victim))
                      .execute()
                      .data("node.status")
                      .asString())
              .isEqualTo("OPEN");
        });
    attacks.put(
        "Mutation.createSurvey",
        (user, victim) -> {
          long before = surveys(victim);
          GraphQlResult result =
              graphql
                  .query(
                      "mutation($key: String!) { createSurvey(input: {communityKey: $key, title:"
                          + " \"入侵\", closesAt: \"2031-01-01T00:00:00Z\", questions: "
                          + SURVEY_QUESTIONS
                          + "}) { survey { id } errors { code } } }")
                  .as(user)
                  .variable("key", victim)
                  .execute();
          assertThat(result.data("createSurvey.errors.0.code").asString())
              .as("%s: %s", user, result)
              .isEqualTo("NOT_FOUND");
          assertThat(surveys(victim)).isEqualTo(before);
        });
    attacks.put(
        "Mutation.launchStreetSurvey",
        (user, victim) -> {
          // the victim's street: refused as unknown or forbidden, and nothing made anywhere
          String victimStreet = "qingyuan".equals(victim) ? "gutang" : "baishalu";
          long before = surveys(victim);
          GraphQlResult result =
              graphql
                  .query(
                      "mutation($street: String!) { launchStreetSurvey(input: {streetKey: $street,"
                          + " title: \"入侵\", closesAt: \"2031-01-01T00:00:00Z\", questions: "
                          + SURVEY_QUESTIONS
                          + "}) { surveys { id } errors { code } } }")
                  .as(user)
                  .variable("street", victimStreet)
                  .execute();
          assertThat(result.data("launchStreetSurvey.errors.0.code").asString())
              .as("%s: %s", user, result)
              .isIn("NOT_FOUND", "FORBIDDEN");
          assertThat(result.data("launchStreetSurvey.surveys").isEmpty()).isTrue();
          assertThat(surveys(victim)).isEqualTo(before);
        });
  }

  private static long surveys(String community) {
    return Rows.count(
        "SELECT count(*) FROM rg.survey s JOIN rg.community c ON c.id = s.community_id"
            + " WHERE c.key = ?",
        community);
  }

  private static long surveyAnswers(String community) {
    return Rows.count(
        "SELECT count(*) FROM rg.survey_answer a JOIN rg.community c ON c.id = a.community_id"
            + " WHERE c.key = ?",
        community);
  }

  /**
   * Notifications of the victim community addressed to every demo user, the attacker included: the
   * community wall must hold even for a notification the attacker is the recipient of, and the
   * person wall for everyone else's.
   */
  private void defineNotificationAttacks() {
    if (notificationIds.isEmpty()) {
      for (String victim : COMMUNITIES) {
        notificationIds.put(victim, new ArrayList<>());
        for (String user : REACH.keySet()) {
          notificationIds.get(victim).add(notificationFor(victim, userIdOf(user), "隔离测试"));
        }
      }
    }
    attacks.put(
        "Query.notifications",
        (user, victim) -> {
          GraphQlResult filtered =
              graphql
                  .document("notifications")
                  .as(user)
                  .variable("filter", Map.of("communityKey", victim))
                  .execute();
          assertThat(filtered.data("notifications.edges").size())
              .as("%s: %s", user, filtered)
              .isZero();
          GraphQlResult all =
              graphql.document("notifications").as(user).variable("first", 100).execute();
          assertThat(all.edgeValues("notifications", "id"))
              .doesNotContainAnyElementsOf(notificationIds.get(victim));
          for (String id : notificationIds.get(victim)) {
            GraphQlResult node = graphql.document("node").as(user).variable("id", id).execute();
            assertThat(node.data("node").isNull()).as("%s: %s", user, node).isTrue();
          }
        });
    attacks.put(
        "Subscription.notificationEvents",
        (user, victim) -> {
          String ownCommunity = REACH.get(user).get(0);
          String userId = userIdOf(user);
          try (GraphQlWebSocket inbox = GraphQlWebSocket.connectAs(port, user, null)) {
            inbox.subscribe("1", GraphQlHttp.load("notificationEvents"));
            // an event of the victim community addressed to the attacker in person, then one of
            // their own community: the first they hear of must be their own
            announceNotification(victim, notificationIds.get(victim).get(0), userId);
            String sentinel = notificationFor(ownCommunity, userId, "隔离哨兵");
            announceNotification(ownCommunity, sentinel, userId);
            JsonNode first = inbox.next(Duration.ofSeconds(10));
            assertThat(first).as("%s's own event", user).isNotNull();
            assertThat(
                    first
                        .path("payload")
                        .path("data")
                        .path("notificationEvents")
                        .path("notificationId")
                        .asString())
                .as("%s hears of %s's notification: %s", user, victim, first)
                .isEqualTo(sentinel);
          }
          try (GraphQlWebSocket narrowed = GraphQlWebSocket.connectAs(port, user, victim)) {
            narrowed.subscribe("1", GraphQlHttp.load("notificationEvents"));
            JsonNode refused = narrowed.next(Duration.ofSeconds(10));
            assertThat(String.valueOf(refused)).contains("COMMUNITY_FORBIDDEN");
          }
        });
    attacks.put(
        "Mutation.markNotificationRead",
        (user, victim) -> {
          for (String id : notificationIds.get(victim)) {
            GraphQlResult result =
                graphql
                    .document("markNotificationRead")
                    .as(user)
                    .variable("input", Map.of("id", id))
                    .execute();
            assertThat(result.data("markNotificationRead.errors.0.code").asString())
                .as("%s: %s", user, result)
                .isEqualTo("NOT_FOUND");
          }
          assertStillUnread(victim);
        });
    attacks.put(
        "Mutation.markAllNotificationsRead",
        (user, victim) -> {
          GraphQlResult named =
              graphql
                  .document("markAllNotificationsRead")
                  .as(user)
                  .variable("input", Map.of("communityKey", victim))
                  .execute();
          assertThat(named.data("markAllNotificationsRead.errors.0.code").asString())
              .as("%s: %s", user, named)
              .isEqualTo("NOT_FOUND");
          graphql
              .document("markAllNotificationsRead")
              .as(user)
              .variable("input", Map.of())
              .execute();
          assertStillUnread(victim);
        });
  }

  /**
   * A person's notification settings are theirs in the communities they hold a role in: another
   * community's are neither read nor made, not even their own there.
   */
  private void defineNotificationSettingsAttacks() {
    attacks.put(
        "Query.notificationSettings",
        (user, victim) -> {
          GraphQlResult result =
              graphql
                  .document("notificationSettings")
                  .as(user)
                  .variable("communityKey", victim)
                  .execute();
          assertThat(result.data("notificationSettings").isNull())
              .as("%s: %s", user, result)
              .isTrue();
        });
    attacks.put(
        "Mutation.updateNotificationSettings",
        (user, victim) -> {
          GraphQlResult result =
              graphql
                  .document("updateNotificationSettings")
                  .as(user)
                  .variable(
                      "input",
                      Map.of(
                          "communityKey",
                          victim,
                          "quietHours",
                          Map.of("from", "01:00", "until", "02:00"),
                          "preferences",
                          List.of(
                              Map.of(
                                  "category", "NOTICES", "channel", "IN_APP", "enabled", false))))
                  .execute();
          assertThat(result.data("updateNotificationSettings.errors.0.code").asString())
              .as("%s: %s", user, result)
              .isEqualTo("NOT_FOUND");
          assertThat(
                  Rows.count(
                      "SELECT count(*) FROM rg.notification_setting s JOIN rg.community c"
                          + " ON c.id = s.community_id WHERE c.key = ? AND s.user_id = ?",
                      victim,
                      userIdOf(user)))
              .isZero();
          assertThat(
                  Rows.count(
                      "SELECT count(*) FROM rg.notification_preference p JOIN rg.community c"
                          + " ON c.id = p.community_id WHERE c.key = ? AND p.user_id = ?",
                      victim,
                      userIdOf(user)))
              .isZero();
        });
  }

  /** WeChat accounts and consents, like the rest of a person's settings, per own community. */
  private void defineWechatAttacks() {
    attacks.put(
        "Mutation.linkWechat",
        (user, victim) -> {
          GraphQlResult result =
              graphql
                  .document("linkWechat")
                  .as(user)
                  .variable(
                      "input",
                      Map.of("communityKey", victim, "code", "wx-" + user.replace('.', '-')))
                  .execute();
          assertThat(result.data("linkWechat.errors.0.code").asString())
              .as("%s: %s", user, result)
              .isEqualTo("NOT_FOUND");
          assertNoSettingsIn(victim, user);
        });
    attacks.put(
        "Mutation.recordWechatConsents",
        (user, victim) -> {
          GraphQlResult result =
              graphql
                  .document("recordWechatConsents")
                  .as(user)
                  .variable(
                      "input",
                      Map.of("communityKey", victim, "templateIds", List.of("tmpl_notices")))
                  .execute();
          assertThat(result.data("recordWechatConsents.errors.0.code").asString())
              .as("%s: %s", user, result)
              .isEqualTo("NOT_FOUND");
          assertThat(
                  Rows.count(
                      "SELECT count(*) FROM rg.notification_wechat_consent w JOIN rg.community c"
                          + " ON c.id = w.community_id WHERE c.key = ? AND w.user_id = ?",
                      victim,
                      userIdOf(user)))
              .isZero();
        });
  }

  private void assertNoSettingsIn(String community, String user) {
    assertThat(
            Rows.count(
                "SELECT count(*) FROM rg.notification_setting s JOIN rg.community c"
                    + " ON c.id = s.community_id WHERE c.key = ? AND s.user_id = ?",
                community,
                userIdOf(user)))
        .isZero();
  }

  /** A shown, unread notification of {@code community} for {@code userId}: its global id. */
  private static String notificationFor(String community, String userId, String title) {
    return Rows.notification(community, userId, title);
  }

  /** The event the dispatcher sends when a notification shows, as PostgreSQL would deliver it. */
  private static void announceNotification(String community, String notificationId, String userId) {
    GlobalId id = GlobalId.decode(notificationId).orElseThrow();
    Rows.announce("notification", id.communityId(), id.id(), "RECEIVED", userId);
  }

  private String userIdOf(String user) {
    return userIds.computeIfAbsent(
        user, u -> graphql.document("viewer").as(u).execute().data("viewer.userId").asString());
  }

  /**
   * The victim's notifications for people who do not reach it are all unread: nobody but their
   * recipients may mark them, and those cannot reach them (the others' own are read by them in
   * other cases, legitimately).
   */
  private void assertStillUnread(String victim) {
    List<String> outsiders =
        REACH.entrySet().stream()
            .filter(reach -> !reach.getValue().contains(victim))
            .map(reach -> userIdOf(reach.getKey()))
            .toList();
    long unread =
        Rows.count(
            "SELECT count(*) FROM rg.notification n JOIN rg.community c ON c.id = n.community_id"
                + " WHERE c.key = ? AND n.title = '隔离测试' AND n.read_at IS NULL"
                + " AND n.recipient_user_id = ANY (string_to_array(?, ','))",
            victim,
            String.join(",", outsiders));
    assertThat(unread)
        .as("unread notifications of %s for people outside it", victim)
        .isEqualTo(outsiders.size());
  }

  private void defineAttacks() {
    attacks.put(
        "Query.node",
        (user, victim) -> {
          List<String> ids = new ArrayList<>(noticeIds.get(victim));
          ids.add(communityIds.get(victim));
          ids.addAll(rosterIds.get(victim));
          for (String id : ids) {
            GraphQlResult result = graphql.document("node").as(user).variable("id", id).execute();
            assertThat(result.data("node").isNull())
                .as("%s reads %s's object %s: %s", user, victim, id, result)
                .isTrue();
          }
        });
    attacks.put(
        "Query.enumLabels",
        (user, victim) ->
            assertThat(
                    graphql
                        .document("enumLabels")
                        .as(user)
                        .variable("enum", "CommunityStatus")
                        .execute()
                        .toString())
                .doesNotContain(victim));
    attacks.put(
        "Mutation.acceptInvitation",
        (user, victim) -> {
          // the victim's invitation, accepted by its invitee: its code opens nothing for anyone
          // else, and the answer is a wrong code's, naming no community
          String code = InvitationCodes.fresh();
          String invitation = UUID.randomUUID().toString();
          Rows.invitation(invitation, victim, "ADMIN", code);
          Rows.update(
              "INSERT INTO rg.invitation_event (community_id, invitation_id, kind, user_id,"
                  + " username) SELECT community_id, id, 'ACCEPTED', 'invitee', 'invitee'"
                  + " FROM rg.community_invitation WHERE id = ?::uuid",
              invitation);
          try {
            for (String tried : List.of(code, InvitationCodes.fresh())) {
              GraphQlResult result =
                  graphql
                      .query(
                          "mutation($code: String!) { acceptInvitation(input: {code: $code})"
                              + " { invitation { communityKey } errors { code } } }")
                      .as(user)
                      .variable("code", tried)
                      .execute();
              assertThat(result.data("acceptInvitation.errors.0.code").asString())
                  .as("%s: %s", user, result)
                  .isEqualTo("NOT_FOUND");
              assertThat(result.toString()).doesNotContain(victim);
            }
            assertThat(
                    Rows.count(
                        "SELECT count(*) FROM rg.invitation_event WHERE invitation_id = ?::uuid",
                        invitation))
                .isOne();
          } finally {
            Rows.forgetInvitation(invitation);
          }
        });
    attacks.put(
        "Query.viewer",
        (user, victim) -> {
          GraphQlResult result = graphql.document("viewer").as(user).execute();
          List<String> reachable = new ArrayList<>();
          result
              .data("viewer.reachableCommunities")
              .forEach(community -> reachable.add(community.path("key").asString()));
          assertThat(reachable).as("%s's reachable communities", user).doesNotContain(victim);
        });
    attacks.put(
        "Query.community",
        (user, victim) -> {
          GraphQlResult result =
              graphql.document("community").as(user).variable("key", victim).execute();
          assertThat(result.data("community").isNull()).as("%s: %s", user, result).isTrue();
        });
    attacks.put(
        "Query.communities",
        (user, victim) -> {
          assertThat(
                  graphql
                      .document("communities")
                      .as(user)
                      .variable("first", 100)
                      .execute()
                      .edgeValues("communities", "key"))
              .doesNotContain(victim);
          assertThat(
                  graphql
                      .document("communities")
                      .as(user)
                      .variable("filter", Map.of("streetKey", STREET_OF.get(victim)))
                      .execute()
                      .edgeValues("communities", "key"))
              .doesNotContain(victim);
        });
    attacks.put(
        "Query.notices",
        (user, victim) -> {
          GraphQlResult filtered =
              graphql
                  .document("notices")
                  .as(user)
                  .variable("filter", Map.of("communityKey", victim))
                  .execute();
          assertThat(filtered.data("notices.edges").size()).as("%s: %s", user, filtered).isZero();
          GraphQlResult all = graphql.document("notices").as(user).variable("first", 100).execute();
          assertThat(all.edgeValues("notices", "id"))
              .doesNotContainAnyElementsOf(noticeIds.get(victim));
        });
    attacks.put(
        "Mutation.publishNotice",
        (user, victim) -> {
          long before = Rows.notices(victim);
          GraphQlResult result =
              graphql
                  .document("publishNotice")
                  .as(user)
                  .variable("input", Map.of("communityKey", victim, "title", "入侵", "body", "入侵"))
                  .execute();
          assertThat(result.data("publishNotice.errors.0.code").asString())
              .as("%s: %s", user, result)
              .isEqualTo("NOT_FOUND");
          assertThat(Rows.notices(victim)).isEqualTo(before);
        });
    attacks.put(
        "Mutation.withdrawNotice",
        (user, victim) -> {
          String id = noticeIds.get(victim).get(0);
          GraphQlResult result =
              graphql
                  .document("withdrawNotice")
                  .as(user)
                  .variable("input", Map.of("id", id, "reason", "入侵", "expectedVersion", 0))
                  .execute();
          assertThat(result.data("withdrawNotice.errors.0.code").asString())
              .as("%s: %s", user, result)
              .isEqualTo("NOT_FOUND");
          GraphQlResult after =
              graphql.document("node").as("platform.operator").variable("id", id).execute();
          assertThat(after.data("node.status").asString()).isEqualTo("PUBLISHED");
        });
  }

  /** Roster mutations aimed at the victim's building, household and resident. */
  private void defineRosterAttacks() {
    attacks.put(
        "Mutation.addHousehold",
        (user, victim) ->
            refusedWithoutChange(
                user,
                victim,
                "addHousehold",
                Map.of("buildingId", rosterIds.get(victim).get(1), "unit", "8", "room", "808")));
    attacks.put(
        "Mutation.addResident",
        (user, victim) ->
            refusedWithoutChange(
                user,
                victim,
                "addResident",
                Map.of("householdId", rosterIds.get(victim).get(2), "name", "入侵")));
    attacks.put(
        "Mutation.updateResident",
        (user, victim) ->
            refusedWithoutChange(
                user,
                victim,
                "updateResident",
                Map.of("id", rosterIds.get(victim).get(3), "expectedVersion", 0, "name", "入侵")));
    attacks.put(
        "Mutation.moveOutResident",
        (user, victim) ->
            refusedWithoutChange(
                user,
                victim,
                "moveOutResident",
                Map.of(
                    "id",
                    rosterIds.get(victim).get(3),
                    "expectedVersion",
                    0,
                    "movedOutOn",
                    "2026-01-01")));
    attacks.put(
        "Mutation.deleteResident",
        (user, victim) ->
            refusedWithoutChange(
                user,
                victim,
                "deleteResident",
                Map.of("id", rosterIds.get(victim).get(3), "expectedVersion", 0)));
  }

  private void definePlaceAttacks() {
    attacks.put(
        "Mutation.addGrid",
        (user, victim) ->
            refusedWithoutChange(
                user, victim, "addGrid", Map.of("communityKey", victim, "name", "入侵网格")));
    attacks.put(
        "Mutation.addBuilding",
        (user, victim) ->
            refusedWithoutChange(
                user, victim, "addBuilding", Map.of("communityKey", victim, "number", "入侵幢")));
  }

  private void defineLayoutAttacks() {
    attacks.put(
        "Mutation.updateHousehold",
        (user, victim) ->
            refusedWithoutChange(
                user,
                victim,
                "updateHousehold",
                Map.of(
                    "id",
                    rosterIds.get(victim).get(2),
                    "expectedVersion",
                    0,
                    "gridId",
                    rosterIds.get(victim).get(0))));
    attacks.put(
        "Mutation.deleteHousehold",
        (user, victim) ->
            refusedWithoutChange(
                user,
                victim,
                "deleteHousehold",
                Map.of("id", rosterIds.get(victim).get(2), "expectedVersion", 0)));
    attacks.put(
        "Mutation.deleteBuilding",
        (user, victim) ->
            refusedWithoutChange(
                user,
                victim,
                "deleteBuilding",
                Map.of("id", rosterIds.get(victim).get(1), "expectedVersion", 0)));
    attacks.put(
        "Mutation.deleteGrid",
        (user, victim) ->
            refusedWithoutChange(
                user,
                victim,
                "deleteGrid",
                Map.of("id", rosterIds.get(victim).get(0), "expectedVersion", 0)));
    attacks.put(
        "Mutation.addBodyTerm",
        (user, victim) ->
            refusedWithoutChange(
                user,
                victim,
                "addBodyTerm",
                Map.of(
                    "bodyId",
                    rosterIds.get(victim).get(5),
                    "number",
                    9,
                    "startsOn",
                    "2030-01-01",
                    "endsOn",
                    "2031-01-01")));
  }

  private void defineUpdateAttacks() {
    attacks.put(
        "Mutation.updateGrid",
        (user, victim) ->
            refusedWithoutChange(
                user,
                victim,
                "updateGrid",
                Map.of("id", rosterIds.get(victim).get(0), "expectedVersion", 0, "name", "入侵")));
    attacks.put(
        "Mutation.updateBuilding",
        (user, victim) ->
            refusedWithoutChange(
                user,
                victim,
                "updateBuilding",
                Map.of("id", rosterIds.get(victim).get(1), "expectedVersion", 0, "units", 9)));
    attacks.put(
        "Mutation.updatePartner",
        (user, victim) ->
            refusedWithoutChange(
                user,
                victim,
                "updatePartner",
                Map.of("id", rosterIds.get(victim).get(7), "expectedVersion", 0, "contact", "入侵")));
  }

  private void defineVenueAttacks() {
    attacks.put(
        "Mutation.addServicePost",
        (user, victim) ->
            refusedWithoutChange(
                user,
                victim,
                "addServicePost",
                Map.of("communityKey", victim, "kind", "OTHER", "name", "入侵驿站")));
    attacks.put(
        "Mutation.updateServicePost",
        (user, victim) ->
            refusedWithoutChange(
                user,
                victim,
                "updateServicePost",
                Map.of("id", rosterIds.get(victim).get(6), "expectedVersion", 0, "name", "入侵")));
    attacks.put(
        "Mutation.removeServicePost",
        (user, victim) ->
            refusedWithoutChange(
                user,
                victim,
                "removeServicePost",
                Map.of("id", rosterIds.get(victim).get(6), "expectedVersion", 0)));
    attacks.put(
        "Mutation.addPartner",
        (user, victim) ->
            refusedWithoutChange(
                user,
                victim,
                "addPartner",
                Map.of("communityKey", victim, "kind", "OTHER", "name", "入侵单位")));
    attacks.put(
        "Mutation.removePartner",
        (user, victim) ->
            refusedWithoutChange(
                user,
                victim,
                "removePartner",
                Map.of("id", rosterIds.get(victim).get(7), "expectedVersion", 0)));
    // without expectedVersion, which means "whatever the current version is"
    attacks.put(
        "Mutation.deleteServicePost",
        (user, victim) ->
            refusedWithoutChange(
                user, victim, "deleteServicePost", Map.of("id", rosterIds.get(victim).get(6))));
    attacks.put(
        "Mutation.deletePartner",
        (user, victim) ->
            refusedWithoutChange(
                user, victim, "deletePartner", Map.of("id", rosterIds.get(victim).get(7))));
  }

  private void definePartyAndBodyAttacks() {
    attacks.put(
        "Mutation.addPartyMember",
        (user, victim) -> {
          refusedWithoutChange(
              user,
              victim,
              "addPartyMember",
              Map.of("residentId", rosterIds.get(victim).get(3), "kind", "REGISTERED"));
          refusedWithoutChange(
              user,
              victim,
              "addPartyMember",
              Map.of("communityKey", victim, "name", "入侵", "kind", "REGISTERED"));
        });
    attacks.put(
        "Mutation.updatePartyMember",
        (user, victim) ->
            refusedWithoutChange(
                user,
                victim,
                "updatePartyMember",
                Map.of(
                    "id", rosterIds.get(victim).get(4), "expectedVersion", 0, "kind", "SILVER")));
    attacks.put(
        "Mutation.addBodyMember",
        (user, victim) ->
            refusedWithoutChange(
                user,
                victim,
                "addBodyMember",
                Map.of(
                    "bodyId",
                    rosterIds.get(victim).get(5),
                    "residentId",
                    rosterIds.get(victim).get(3),
                    "position",
                    "MEMBER",
                    "fromOn",
                    "2025-01-01")));
  }

  /** The mutation answers NOT_FOUND and the victim's roster is exactly as it was. */
  private void refusedWithoutChange(
      String user, String victim, String mutation, Map<String, Object> input) {
    String fingerprint = rosterFingerprint(victim);
    GraphQlResult result = graphql.document(mutation).as(user).variable("input", input).execute();
    assertThat(result.data(mutation + ".errors.0.code").asString())
        .as("%s %s: %s", user, mutation, result)
        .isEqualTo("NOT_FOUND");
    assertThat(rosterFingerprint(victim))
        .as("%s's roster after %s", victim, mutation)
        .isEqualTo(fingerprint);
  }

  private static String rosterFingerprint(String community) {
    return Rows.count(
            "SELECT count(*) FROM rg.household h JOIN rg.community c ON c.id = h.community_id WHERE c.key = ?",
            community)
        + "/"
        + Rows.count(
            "SELECT count(*) + coalesce(sum(r.version), 0) FROM rg.resident r"
                + " JOIN rg.community c ON c.id = r.community_id WHERE c.key = ?",
            community)
        + "/"
        + Rows.count(
            "SELECT count(*) + coalesce(sum(p.version), 0) FROM rg.party_member p"
                + " JOIN rg.community c ON c.id = p.community_id WHERE c.key = ?",
            community)
        + "/"
        + Rows.count(
            "SELECT count(*) FROM rg.body_membership m JOIN rg.community c ON c.id = m.community_id"
                + " WHERE c.key = ?",
            community)
        + "/"
        + Rows.count(
            "SELECT count(*) + coalesce(sum(h.version), 0) + (SELECT count(*) FROM rg.body_term t"
                + " WHERE t.community_id = c.id) FROM rg.community c"
                + " LEFT JOIN rg.household h ON h.community_id = c.id WHERE c.key = ? GROUP BY c.id",
            community)
        + "/"
        + Rows.count(
            "SELECT (SELECT count(*) + coalesce(sum(m.version), 0) FROM rg.matter m"
                + "     WHERE m.community_id = c.id)"
                + " + (SELECT count(*) FROM rg.matter_event e WHERE e.community_id = c.id)"
                + " + (SELECT count(*) FROM rg.matter_support s WHERE s.community_id = c.id)"
                + " + (SELECT count(*) FROM rg.matter_comment o WHERE o.community_id = c.id)"
                + " + (SELECT count(*) FROM rg.matter_subcategory u WHERE u.community_id = c.id)"
                + " + (SELECT count(*) + coalesce(sum(mt.version), 0) FROM rg.meeting mt"
                + "     WHERE mt.community_id = c.id)"
                + " + (SELECT count(*) FROM rg.meeting_series ms WHERE ms.community_id = c.id)"
                + " + (SELECT count(*) + coalesce(sum(ai.version), 0) FROM rg.agenda_item ai"
                + "     WHERE ai.community_id = c.id)"
                + " + (SELECT count(*) + coalesce(sum(extract(epoch FROM at.recorded_at)), 0)"
                + "     FROM rg.attendance at WHERE at.community_id = c.id)"
                + " + (SELECT count(*) + coalesce(sum(x.version), 0) FROM rg.action_item x"
                + "     WHERE x.community_id = c.id)"
                + " + (SELECT count(*) + coalesce(sum(g.version), 0) FROM rg.grid g"
                + "     WHERE g.community_id = c.id)"
                + " + (SELECT count(*) + coalesce(sum(b.version), 0) FROM rg.building b"
                + "     WHERE b.community_id = c.id)"
                + " + (SELECT count(*) + coalesce(sum(p.version), 0) FROM rg.service_post p"
                + "     WHERE p.community_id = c.id)"
                + " + (SELECT count(*) + coalesce(sum(o.version), 0) FROM rg.partner_organization o"
                + "     WHERE o.community_id = c.id)"
                + " FROM rg.community c WHERE c.key = ?",
            community);
  }

  private void defineSubscriptionAttacks() {
    attacks.put(
        "Subscription.noticeEvents",
        (user, victim) -> {
          String ownCommunity = REACH.get(user).get(0);
          try (GraphQlWebSocket board = GraphQlWebSocket.connectAs(port, user, null)) {
            board.subscribe("1", GraphQlHttp.load("noticeEvents"));
            publishAs(victim + ".admin", victim, "入侵测试");
            String sentinel = publishAs(ownCommunity + ".admin", ownCommunity, "哨兵");
            JsonNode first = board.next(Duration.ofSeconds(10));
            assertThat(first).as("%s's own event", user).isNotNull();
            assertThat(
                    first
                        .path("payload")
                        .path("data")
                        .path("noticeEvents")
                        .path("noticeId")
                        .asString())
                .as("%s receives %s's event: %s", user, victim, first)
                .isEqualTo(sentinel);
          }
          try (GraphQlWebSocket narrowed = GraphQlWebSocket.connectAs(port, user, victim)) {
            narrowed.subscribe("1", GraphQlHttp.load("noticeEvents"));
            JsonNode refused = narrowed.next(Duration.ofSeconds(10));
            assertThat(String.valueOf(refused)).contains("COMMUNITY_FORBIDDEN");
          }
        });
  }

  private void defineMatterAttacks() {
    attacks.put(
        "Mutation.reportMatter",
        (user, victim) -> {
          refusedWithoutChange(
              user,
              victim,
              "reportMatter",
              Map.of(
                  "communityKey", victim, "title", "入侵", "description", "入侵", "category", "OTHER"));
          // Into the caller's own community, but about the victim's household and resident.
          String own = REACH.get(user).get(0);
          String fingerprint = rosterFingerprint(victim);
          GraphQlResult foreign =
              graphql
                  .document("reportMatter")
                  .as(user)
                  .variable(
                      "input",
                      Map.of(
                          "communityKey",
                          own,
                          "title",
                          "入侵",
                          "description",
                          "入侵",
                          "category",
                          "OTHER",
                          "householdId",
                          rosterIds.get(victim).get(2),
                          "reporterId",
                          rosterIds.get(victim).get(3)))
                  .execute();
          assertThat(foreign.data("reportMatter.matter").isNull())
              .as("%s: %s", user, foreign)
              .isTrue();
          assertThat(rosterFingerprint(victim)).isEqualTo(fingerprint);
        });
    String[][] steps = {
      {"acceptMatter", "note"},
      {"rejectMatter", "reason"},
      {"resolveMatter", "resolution"},
      {"verifyMatter", "note"},
      {"reopenMatter", "reason"},
      {"commentOnMatter", "body"}
    };
    for (String[] step : steps) {
      attacks.put(
          "Mutation." + step[0],
          (user, victim) ->
              refusedWithoutChange(
                  user,
                  victim,
                  step[0],
                  Map.of("id", rosterIds.get(victim).get(8), step[1], "入侵")));
    }
    attacks.put(
        "Mutation.assignMatter",
        (user, victim) ->
            refusedWithoutChange(
                user,
                victim,
                "assignMatter",
                Map.of(
                    "id",
                    rosterIds.get(victim).get(8),
                    "assigneeId",
                    rosterIds.get(victim).get(5),
                    "dueOn",
                    "2099-01-01")));
    attacks.put(
        "Mutation.rateMatter",
        (user, victim) ->
            refusedWithoutChange(
                user,
                victim,
                "rateMatter",
                Map.of("id", rosterIds.get(victim).get(8), "rating", 1)));
    for (String support : List.of("supportMatter", "withdrawMatterSupport")) {
      attacks.put(
          "Mutation." + support,
          (user, victim) ->
              refusedWithoutChange(
                  user, victim, support, Map.of("id", rosterIds.get(victim).get(8))));
    }
    attacks.put(
        "Mutation.addMatterSubcategory",
        (user, victim) ->
            refusedWithoutChange(
                user,
                victim,
                "addMatterSubcategory",
                Map.of("communityKey", victim, "category", "OTHER", "name", "入侵")));
    attacks.put(
        "Subscription.matterEvents",
        (user, victim) -> {
          String own = REACH.get(user).get(0);
          try (GraphQlWebSocket board = GraphQlWebSocket.connectAs(port, user, null)) {
            board.subscribe("1", GraphQlHttp.load("matterEvents"));
            String foreign = publicMatterAs(victim + ".admin", victim, "入侵测试");
            // The sentinel is public and accepted, so that every role of the community sees it.
            String sentinel = publicMatterAs(own + ".admin", own, "哨兵");
            List<String> received = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!received.contains(sentinel) && System.nanoTime() < deadline) {
              JsonNode event = board.next(Duration.ofSeconds(10));
              assertThat(event).as("%s's own matter event", user).isNotNull();
              received.add(
                  event
                      .path("payload")
                      .path("data")
                      .path("matterEvents")
                      .path("matterId")
                      .asString());
            }
            assertThat(received).as("%s's events", user).contains(sentinel).doesNotContain(foreign);
          }
          try (GraphQlWebSocket narrowed = GraphQlWebSocket.connectAs(port, user, victim)) {
            narrowed.subscribe("1", GraphQlHttp.load("matterEvents"));
            assertThat(String.valueOf(narrowed.next(Duration.ofSeconds(10))))
                .contains("COMMUNITY_FORBIDDEN");
          }
        });
  }

  private void defineMeetingAttacks() {
    attacks.put(
        "Mutation.scheduleMeeting",
        (user, victim) ->
            refusedWithoutChange(
                user,
                victim,
                "scheduleMeeting",
                Map.of(
                    "communityKey", victim,
                    "kind", "DELIBERATION",
                    "title", "入侵",
                    "startsAt", "2030-01-01T19:00:00+08:00",
                    "placeText", "入侵",
                    "invitedBodyIds", List.of(rosterIds.get(victim).get(5)))));
    attacks.put(
        "Mutation.addMeetingSeries",
        (user, victim) ->
            refusedWithoutChange(
                user,
                victim,
                "addMeetingSeries",
                Map.of(
                    "communityKey", victim,
                    "kind", "WEEKLY_BRIEFING",
                    "title", "入侵",
                    "weekday", "MONDAY",
                    "time", "19:00",
                    "placeText", "入侵")));
    for (String step : List.of("startMeeting", "endMeeting", "cancelMeeting")) {
      attacks.put(
          "Mutation." + step,
          (user, victim) ->
              refusedWithoutChange(
                  user, victim, step, Map.of("id", rosterIds.get(victim).get(9), "reason", "入侵")));
    }
    attacks.put(
        "Mutation.addAgendaItem",
        (user, victim) -> {
          refusedWithoutChange(
              user,
              victim,
              "addAgendaItem",
              Map.of("meetingId", rosterIds.get(victim).get(9), "topic", "入侵"));
          refusedWithoutChange(
              user,
              victim,
              "addAgendaItem",
              Map.of(
                  "meetingId",
                  rosterIds.get(victim).get(9),
                  "matterId",
                  rosterIds.get(victim).get(8)));
        });
    attacks.put(
        "Mutation.decideAgendaItem",
        (user, victim) ->
            refusedWithoutChange(
                user,
                victim,
                "decideAgendaItem",
                Map.of(
                    "id",
                    rosterIds.get(victim).get(10),
                    "decision",
                    "入侵",
                    "assigneeId",
                    rosterIds.get(victim).get(5),
                    "dueOn",
                    "2099-01-01")));
    attacks.put(
        "Mutation.recordAttendance",
        (user, victim) ->
            refusedWithoutChange(
                user,
                victim,
                "recordAttendance",
                Map.of(
                    "meetingId",
                    rosterIds.get(victim).get(9),
                    "entries",
                    List.of(
                        Map.of(
                            "bodyId", rosterIds.get(victim).get(5),
                            "personId", rosterIds.get(victim).get(3),
                            "status", "ABSENT")))));
    attacks.put(
        "Mutation.recordMinutes",
        (user, victim) ->
            refusedWithoutChange(
                user,
                victim,
                "recordMinutes",
                Map.of("meetingId", rosterIds.get(victim).get(9), "minutes", "入侵")));
    attacks.put(
        "Mutation.publishMeetingMinutes",
        (user, victim) -> {
          long notices = Rows.notices(victim);
          refusedWithoutChange(
              user,
              victim,
              "publishMeetingMinutes",
              Map.of("meetingId", rosterIds.get(victim).get(9)));
          assertThat(Rows.notices(victim)).isEqualTo(notices);
        });
    attacks.put(
        "Mutation.addActionItem",
        (user, victim) ->
            refusedWithoutChange(
                user,
                victim,
                "addActionItem",
                Map.of(
                    "meetingId",
                    rosterIds.get(victim).get(9),
                    "description",
                    "入侵",
                    "ownerId",
                    rosterIds.get(victim).get(5),
                    "dueOn",
                    "2099-01-01")));
    attacks.put(
        "Mutation.updateActionItem",
        (user, victim) ->
            refusedWithoutChange(
                user,
                victim,
                "updateActionItem",
                Map.of("id", rosterIds.get(victim).get(11), "status", "CANCELLED")));
    attacks.put(
        "Subscription.meetingEvents",
        (user, victim) -> {
          try (GraphQlWebSocket socket = GraphQlWebSocket.connectAs(port, user, null)) {
            socket.subscribe(
                "1",
                GraphQlHttp.load("meetingEvents"),
                Map.of("meetingId", rosterIds.get(victim).get(9)));
            assertThat(String.valueOf(socket.next(Duration.ofSeconds(10))))
                .as("%s subscribes to %s's meeting", user, victim)
                .contains("NOT_FOUND")
                .doesNotContain("\"meeting\"");
          }
        });
  }

  /** A public matter staff found on patrol, reported and accepted by {@code admin}. */
  private String publicMatterAs(String admin, String community, String title) {
    GraphQlResult reported =
        graphql
            .document("reportMatter")
            .as(admin)
            .variable(
                "input",
                Map.of(
                    "communityKey",
                    community,
                    "title",
                    title,
                    "description",
                    title,
                    "category",
                    "OTHER",
                    "source",
                    "GRID_PATROL",
                    "isPublic",
                    true))
            .execute();
    assertThat(reported.data("reportMatter.errors").size()).as(reported.toString()).isZero();
    String id = reported.data("reportMatter.matter.id").asString();
    GraphQlResult accepted =
        graphql.document("acceptMatter").as(admin).variable("input", Map.of("id", id)).execute();
    assertThat(accepted.data("acceptMatter.errors").size()).as(accepted.toString()).isZero();
    return id;
  }

  private String publishAs(String admin, String community, String title) {
    GraphQlResult published =
        graphql
            .document("publishNotice")
            .as(admin)
            .variable("input", Map.of("communityKey", community, "title", title, "body", title))
            .execute();
    assertThat(published.data("publishNotice.errors").size()).as(published.toString()).isZero();
    return published.data("publishNotice.notice.id").asString();
  }

  @Test
  void everyRootField_hasAnIsolationCase() {
    GraphQLSchema schema = graphQlSource.schema();
    TreeSet<String> rootFields = new TreeSet<>();
    for (GraphQLObjectType root :
        Stream.of(schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType())
            .filter(java.util.Objects::nonNull)
            .toList()) {
      for (GraphQLFieldDefinition field : root.getFieldDefinitions()) {
        rootFields.add(root.getName() + "." + field.getName());
      }
    }
    assertThat(new TreeSet<>(attacks.keySet())).isEqualTo(rootFields);
    assertThat(new TreeSet<>(MINIMAL_DOCUMENTS.keySet())).isEqualTo(rootFields);
  }

  static Stream<Arguments> rolesAndForeignCommunities() {
    return REACH.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .flatMap(
            reach ->
                COMMUNITIES.stream()
                    .filter(community -> !reach.getValue().contains(community))
                    .map(victim -> Arguments.of(reach.getKey(), victim)));
  }

  @ParameterizedTest(name = "{0} cannot reach {1}")
  @MethodSource("rolesAndForeignCommunities")
  void noRootField_letsARoleReachAnotherCommunity(String user, String victim) {
    attacks.forEach(
        (field, attack) -> {
          try {
            attack.attempt(user, victim);
          } catch (AssertionError e) {
            throw new AssertionError(field + ": " + e.getMessage(), e);
          }
        });
  }

  @ParameterizedTest(name = "{0} cannot name {1} in X-Community")
  @MethodSource("rolesAndForeignCommunities")
  void xCommunity_namingAForeignCommunity_refusesEveryRootField(String user, String victim) {
    MINIMAL_DOCUMENTS.forEach(
        (field, document) -> {
          GraphQlResult result =
              new GraphQlHttp(port)
                  .query(document)
                  .as(user)
                  .header("X-Community", victim)
                  .execute();
          assertThat(result.errorCodes())
              .as("%s %s", field, result)
              .containsExactly("COMMUNITY_FORBIDDEN");
          assertThat(
                  result.body().path("data").isMissingNode() || result.body().path("data").isNull())
              .as("%s %s", field, result)
              .isTrue();
        });
  }
}
