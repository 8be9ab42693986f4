package org.redgovernance.benchmark;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The requests of issues 6 and 17 in both dialects: the communities list, the matter board, a
 * meeting with its agenda and attendance, a page of meetings with agenda, attendance and action
 * items, a page of households with residents and party membership, buildings with their grid,
 * residents with their household's building and grid and their party membership's branch, party
 * members with their resident's household and branch, one object by {@code node(id:)}, and
 * reporting a matter. Each read is asked of one community (the request names it in X-Community for
 * both servers), chosen from the middle of the street; PostGraphile is given the community as a
 * condition wherever a list is of one community, as its users would write it (its indexes lead with
 * the community).
 */
final class BenchmarkQueries {

  private BenchmarkQueries() {}

  /** The title of every matter the mutation reports, so that a run can remove them again. */
  static final String REPORTED_TITLE = "消防通道堵塞";

  /**
   * The community the mutation writes to: not the one the reads ask about, so that the matters it
   * adds never change what the reads measure.
   */
  static String mutationCommunity(int communities) {
    return BenchmarkData.communityKey(communities);
  }

  static List<BenchmarkQuery> all(Connection owner, int communities) throws SQLException {
    String key = BenchmarkData.communityKey(Math.max(1, communities / 2));
    String writeKey = mutationCommunity(communities);
    UUID writeCommunityId = single(owner, "SELECT id FROM rg.community WHERE key = ?", writeKey);
    UUID communityId = single(owner, "SELECT id FROM rg.community WHERE key = ?", key);
    UUID meetingId =
        single(
            owner,
            "SELECT m.id FROM rg.meeting m JOIN rg.community c ON c.id = m.community_id"
                + " WHERE c.key = ? ORDER BY m.starts_at DESC LIMIT 1",
            key);
    UUID noticeId =
        single(
            owner,
            "SELECT n.id FROM rg.notice n JOIN rg.community c ON c.id = n.community_id"
                + " WHERE c.key = ? ORDER BY n.published_at DESC LIMIT 1",
            key);
    return List.of(
        communitiesList(communities),
        matterBoard(key, communityId),
        meeting(key, communityId, meetingId),
        meetings(key, communityId),
        households(key, communityId),
        buildings(key, communityId),
        residents(key, communityId),
        partyMembers(key, communityId),
        node(key, communityId, noticeId),
        reportMatter(writeKey, writeCommunityId),
        dashboard(communities));
  }

  /** A dashboard screen's dozen metrics. */
  static final List<String> DASHBOARD_METRICS =
      List.of(
          "households",
          "party_household_share",
          "owners_committee_party_share",
          "matters_raised",
          "matters_overdue_share",
          "median_hours_to_resolution",
          "average_rating",
          "rating_response_rate",
          "meetings_per_week",
          "overdue_action_items",
          "notices_published",
          "satisfaction");

  /** The street's dashboard, one screen: a dozen metrics, every community, twelve weekly points. */
  private static BenchmarkQuery dashboard(int communities) {
    return new BenchmarkQuery(
        "dashboard",
        "the street's dashboard: a dozen metrics for all "
            + communities
            + " communities, with rank, median and quartiles, the week's change and 12 weekly"
            + " points each",
        null,
        new BenchmarkQuery.Request(
            "query($street: String!, $metrics: [String!]) { streetComparison(streetKey: $street,"
                + " metrics: $metrics) { metric { key label"
                + " unit better minSample definition } ranked median lowerQuartile upperQuartile"
                + " communities { communityKey communityName day value sample sufficient rank"
                + " previous change weekly { day value sufficient } } } }",
            Map.of("street", BenchmarkData.STREET, "metrics", DASHBOARD_METRICS),
            answer -> {
              JsonNode metrics = answer.path("data").path("streetComparison");
              int standings = 0;
              int points = 0;
              for (JsonNode metric : metrics) {
                standings += metric.path("communities").size();
                for (JsonNode standing : metric.path("communities")) {
                  points += standing.path("weekly").size();
                }
              }
              if (metrics.size() != DASHBOARD_METRICS.size()
                  || standings != metrics.size() * communities) {
                throw new IllegalStateException(
                    "dashboard: not every metric of every community: "
                        + metrics.size()
                        + " metrics, "
                        + standings
                        + " standings; "
                        + answer
                            .toString()
                            .substring(0, Math.min(2000, answer.toString().length())));
              }
              return row("metrics", metrics.size(), "standings", standings, "points", points);
            }),
        null,
        false);
  }

  private static BenchmarkQuery communitiesList(int communities) {
    int first = Math.min(communities, 50);
    return new BenchmarkQuery(
        "communities",
        "the caller's communities (" + first + ", with street)",
        null,
        new BenchmarkQuery.Request(
            "query($first: Int) { communities(first: $first) { edges { node {"
                + " id key name status street { key } } } } }",
            Map.of("first", first),
            answer -> {
              List<Object> rows = new ArrayList<>();
              for (JsonNode edge : answer.path("data").path("communities").path("edges")) {
                JsonNode node = edge.path("node");
                rows.add(
                    row(
                        "id", platformId(node.path("id")),
                        "key", node.path("key").asString(),
                        "name", node.path("name").asString(),
                        "status", node.path("status").asString(),
                        "street", node.path("street").path("key").asString()));
              }
              return rows;
            }),
        new BenchmarkQuery.Request(
            "query($first: Int) { allCommunities(first: $first, orderBy: [KEY_ASC]) { nodes {"
                + " rowId key name status streetByStreetId { key } } } }",
            Map.of("first", first),
            answer -> {
              List<Object> rows = new ArrayList<>();
              for (JsonNode node : answer.path("data").path("allCommunities").path("nodes")) {
                rows.add(
                    row(
                        "id", node.path("rowId").asString(),
                        "key", node.path("key").asString(),
                        "name", node.path("name").asString(),
                        "status", node.path("status").asString(),
                        "street", node.path("streetByStreetId").path("key").asString()));
              }
              return rows;
            }),
        false);
  }

  private static BenchmarkQuery matterBoard(String key, UUID communityId) {
    return new BenchmarkQuery(
        "matter board",
        "50 matters, newest first, with reporter, assignee, latest timeline entry, support count",
        key,
        new BenchmarkQuery.Request(
            "query($key: String!) { community(key: $key) { matters(first: 50) { edges { node {"
                + " id title status category isPublic reportedAt raisedByName reporter { name }"
                + " assignee { kind name } latestEntry { at actorName from to note }"
                + " supportCount } } } } }",
            Map.of("key", key),
            answer -> {
              List<Object> rows = new ArrayList<>();
              for (JsonNode edge :
                  answer.path("data").path("community").path("matters").path("edges")) {
                JsonNode m = edge.path("node");
                JsonNode entry = m.path("latestEntry");
                rows.add(
                    row(
                        "id", platformId(m.path("id")),
                        "title", m.path("title").asString(),
                        "status", m.path("status").asString(),
                        "category", m.path("category").asString(),
                        "public", m.path("isPublic").asBoolean(),
                        "reportedAt", instant(m.path("reportedAt")),
                        "raisedByName", m.path("raisedByName").asString(),
                        "reporter", text(m.path("reporter").path("name")),
                        "assignee",
                            m.path("assignee").isNull() || m.path("assignee").isMissingNode()
                                ? null
                                : m.path("assignee").path("name").asString(),
                        "latest",
                            List.of(
                                instant(entry.path("at")),
                                entry.path("actorName").asString(),
                                String.valueOf(text(entry.path("from"))),
                                entry.path("to").asString(),
                                String.valueOf(text(entry.path("note")))),
                        "supporters", m.path("supportCount").asInt()));
              }
              return rows;
            }),
        new BenchmarkQuery.Request(
            "query($community: UUID!) { allMatters(first: 50, condition: {communityId:"
                + " $community}, orderBy: [REPORTED_AT_DESC, ROW_ID_DESC]) { nodes {"
                + " rowId title status category public reportedAt raisedByName"
                + " residentByCommunityIdAndReporterResidentId { name }"
                + " governanceBodyByCommunityIdAndAssigneeBodyId { name }"
                + " residentByCommunityIdAndAssigneeResidentId { name }"
                + " partyMemberByCommunityIdAndAssigneePartyMemberId { name }"
                + " matterEventsByCommunityIdAndMatterId(first: 1,"
                + " orderBy: [OCCURRED_AT_DESC, ROW_ID_DESC]) { nodes {"
                + " occurredAt actorName fromStatus toStatus note } }"
                + " matterSupportsByCommunityIdAndMatterId { totalCount } } } }",
            Map.of("community", communityId.toString()),
            answer -> {
              List<Object> rows = new ArrayList<>();
              for (JsonNode m : answer.path("data").path("allMatters").path("nodes")) {
                JsonNode entry =
                    m.path("matterEventsByCommunityIdAndMatterId").path("nodes").path(0);
                String assignee =
                    firstText(
                        m.path("governanceBodyByCommunityIdAndAssigneeBodyId").path("name"),
                        m.path("residentByCommunityIdAndAssigneeResidentId").path("name"),
                        m.path("partyMemberByCommunityIdAndAssigneePartyMemberId").path("name"));
                rows.add(
                    row(
                        "id", m.path("rowId").asString(),
                        "title", m.path("title").asString(),
                        "status", m.path("status").asString(),
                        "category", m.path("category").asString(),
                        "public", m.path("public").asBoolean(),
                        "reportedAt", instant(m.path("reportedAt")),
                        "raisedByName", m.path("raisedByName").asString(),
                        "reporter",
                            text(m.path("residentByCommunityIdAndReporterResidentId").path("name")),
                        "assignee", assignee,
                        "latest",
                            List.of(
                                instant(entry.path("occurredAt")),
                                entry.path("actorName").asString(),
                                String.valueOf(text(entry.path("fromStatus"))),
                                entry.path("toStatus").asString(),
                                String.valueOf(text(entry.path("note")))),
                        "supporters",
                            m.path("matterSupportsByCommunityIdAndMatterId")
                                .path("totalCount")
                                .asInt()));
              }
              return rows;
            }),
        false);
  }

  private static BenchmarkQuery meeting(String key, UUID communityId, UUID meetingId) {
    return new BenchmarkQuery(
        "meeting",
        "a weekly briefing with its agenda → matters → reporter, and attendance by body",
        key,
        new BenchmarkQuery.Request(
            "query($id: ID!) { node(id: $id) { ... on Meeting { id title startsAt status"
                + " agenda { position decision matter { id title status reporterName } }"
                + " attendanceByBody { body { kind } present absent excused } } } }",
            Map.of("id", platformNodeId("Meeting", communityId, meetingId)),
            answer -> {
              JsonNode m = answer.path("data").path("node");
              List<Object> agenda = new ArrayList<>();
              for (JsonNode item : m.path("agenda")) {
                JsonNode matter = item.path("matter");
                agenda.add(
                    List.of(
                        item.path("position").asInt(),
                        item.path("decision").asString(),
                        platformId(matter.path("id")),
                        matter.path("title").asString(),
                        matter.path("status").asString(),
                        String.valueOf(text(matter.path("reporterName")))));
              }
              Map<String, List<Integer>> attendance = new TreeMap<>();
              for (JsonNode body : m.path("attendanceByBody")) {
                attendance.put(
                    body.path("body").path("kind").asString(),
                    List.of(
                        body.path("present").asInt(),
                        body.path("absent").asInt(),
                        body.path("excused").asInt()));
              }
              return row(
                  "id", platformId(m.path("id")),
                  "title", m.path("title").asString(),
                  "startsAt", instant(m.path("startsAt")),
                  "status", m.path("status").asString(),
                  "agenda", agenda,
                  "attendance", attendance);
            }),
        new BenchmarkQuery.Request(
            "query($community: UUID!, $id: UUID!) { meetingByCommunityIdAndRowId("
                + "communityId: $community, rowId: $id) { rowId title startsAt status"
                + " agendaItemsByCommunityIdAndMeetingId(orderBy: [POSITION_ASC]) { nodes {"
                + " position decision matterByCommunityIdAndMatterId { rowId title status"
                + " residentByCommunityIdAndReporterResidentId { name } } } }"
                + " attendancesByCommunityIdAndMeetingId { nodes { status"
                + " governanceBodyByCommunityIdAndBodyId { kind } } } } }",
            Map.of("community", communityId.toString(), "id", meetingId.toString()),
            answer -> {
              JsonNode m = answer.path("data").path("meetingByCommunityIdAndRowId");
              List<Object> agenda = new ArrayList<>();
              for (JsonNode item : m.path("agendaItemsByCommunityIdAndMeetingId").path("nodes")) {
                JsonNode matter = item.path("matterByCommunityIdAndMatterId");
                agenda.add(
                    List.of(
                        item.path("position").asInt(),
                        item.path("decision").asString(),
                        matter.path("rowId").asString(),
                        matter.path("title").asString(),
                        matter.path("status").asString(),
                        String.valueOf(
                            text(
                                matter
                                    .path("residentByCommunityIdAndReporterResidentId")
                                    .path("name")))));
              }
              Map<String, List<Integer>> attendance = new TreeMap<>();
              for (JsonNode mark : m.path("attendancesByCommunityIdAndMeetingId").path("nodes")) {
                String kind =
                    mark.path("governanceBodyByCommunityIdAndBodyId").path("kind").asString();
                List<Integer> counts =
                    attendance.computeIfAbsent(kind, k -> new ArrayList<>(List.of(0, 0, 0)));
                int index =
                    switch (mark.path("status").asString()) {
                      case "PRESENT" -> 0;
                      case "ABSENT" -> 1;
                      default -> 2;
                    };
                counts.set(index, counts.get(index) + 1);
              }
              return row(
                  "id", m.path("rowId").asString(),
                  "title", m.path("title").asString(),
                  "startsAt", instant(m.path("startsAt")),
                  "status", m.path("status").asString(),
                  "agenda", agenda,
                  "attendance", attendance);
            }),
        false);
  }

  private static BenchmarkQuery meetings(String key, UUID communityId) {
    return new BenchmarkQuery(
        "meetings",
        "10 meetings, newest first → agenda → matter, attendance → person, action items → owner",
        key,
        new BenchmarkQuery.Request(
            "query($key: String!) { community(key: $key) {"
                + " meetings(first: 10, filter: {newestFirst: true}) { edges { node {"
                + " id title startsAt status"
                + " agenda { position decision matter { title } }"
                + " attendance { name status }"
                + " actionItems { description dueOn status owner { name } } } } } } }",
            Map.of("key", key),
            answer -> {
              List<Object> rows = new ArrayList<>();
              for (JsonNode edge :
                  answer.path("data").path("community").path("meetings").path("edges")) {
                JsonNode m = edge.path("node");
                List<Object> agenda = new ArrayList<>();
                for (JsonNode item : m.path("agenda")) {
                  agenda.add(
                      List.of(
                          item.path("position").asInt(),
                          String.valueOf(text(item.path("decision"))),
                          String.valueOf(text(item.path("matter").path("title")))));
                }
                List<Object> attendance = new ArrayList<>();
                for (JsonNode mark : m.path("attendance")) {
                  attendance.add(
                      mark.path("name").asString() + " " + mark.path("status").asString());
                }
                List<Object> actions = new ArrayList<>();
                for (JsonNode item : m.path("actionItems")) {
                  actions.add(
                      List.of(
                          item.path("description").asString(),
                          item.path("dueOn").asString(),
                          item.path("status").asString(),
                          item.path("owner").path("name").asString()));
                }
                rows.add(
                    row(
                        "id", platformId(m.path("id")),
                        "title", m.path("title").asString(),
                        "startsAt", instant(m.path("startsAt")),
                        "status", m.path("status").asString(),
                        "agenda", agenda,
                        "attendance", sorted(attendance),
                        "actions", sorted(actions)));
              }
              return rows;
            }),
        new BenchmarkQuery.Request(
            "query($community: UUID!) { allMeetings(first: 10, condition: {communityId:"
                + " $community}, orderBy: [STARTS_AT_DESC, ROW_ID_DESC]) { nodes {"
                + " rowId title startsAt status"
                + " agendaItemsByCommunityIdAndMeetingId(orderBy: [POSITION_ASC]) { nodes {"
                + " position decision matterByCommunityIdAndMatterId { title } } }"
                + " attendancesByCommunityIdAndMeetingId { nodes { status"
                + " residentByCommunityIdAndResidentId { name }"
                + " partyMemberByCommunityIdAndPartyMemberId { name"
                + " residentByCommunityIdAndResidentId { name } } } }"
                + " actionItemsByCommunityIdAndMeetingId(orderBy: [PRIMARY_KEY_ASC]) {"
                + " nodes { description dueOn status"
                + " governanceBodyByCommunityIdAndOwnerBodyId { name }"
                + " residentByCommunityIdAndOwnerResidentId { name }"
                + " partyMemberByCommunityIdAndOwnerPartyMemberId { name"
                + " residentByCommunityIdAndResidentId { name } } } } } } }",
            Map.of("community", communityId.toString()),
            answer -> {
              List<Object> rows = new ArrayList<>();
              for (JsonNode m : answer.path("data").path("allMeetings").path("nodes")) {
                List<Object> agenda = new ArrayList<>();
                for (JsonNode item : m.path("agendaItemsByCommunityIdAndMeetingId").path("nodes")) {
                  agenda.add(
                      List.of(
                          item.path("position").asInt(),
                          String.valueOf(text(item.path("decision"))),
                          String.valueOf(
                              text(item.path("matterByCommunityIdAndMatterId").path("title")))));
                }
                List<Object> attendance = new ArrayList<>();
                for (JsonNode mark : m.path("attendancesByCommunityIdAndMeetingId").path("nodes")) {
                  attendance.add(
                      personName(
                              mark.path("residentByCommunityIdAndResidentId"),
                              mark.path("partyMemberByCommunityIdAndPartyMemberId"))
                          + " "
                          + mark.path("status").asString());
                }
                List<Object> actions = new ArrayList<>();
                for (JsonNode item : m.path("actionItemsByCommunityIdAndMeetingId").path("nodes")) {
                  JsonNode body = item.path("governanceBodyByCommunityIdAndOwnerBodyId");
                  actions.add(
                      List.of(
                          item.path("description").asString(),
                          item.path("dueOn").asString(),
                          item.path("status").asString(),
                          body.isObject()
                              ? body.path("name").asString()
                              : personName(
                                  item.path("residentByCommunityIdAndOwnerResidentId"),
                                  item.path("partyMemberByCommunityIdAndOwnerPartyMemberId"))));
                }
                rows.add(
                    row(
                        "id", m.path("rowId").asString(),
                        "title", m.path("title").asString(),
                        "startsAt", instant(m.path("startsAt")),
                        "status", m.path("status").asString(),
                        "agenda", agenda,
                        "attendance", sorted(attendance),
                        "actions", sorted(actions)));
              }
              return rows;
            }),
        false);
  }

  /** A resident's name, or a party member's: their resident's, else their own. */
  private static String personName(JsonNode resident, JsonNode partyMember) {
    if (resident.isObject()) {
      return resident.path("name").asString();
    }
    JsonNode theirResident = partyMember.path("residentByCommunityIdAndResidentId");
    return theirResident.isObject()
        ? theirResident.path("name").asString()
        : partyMember.path("name").asString();
  }

  /**
   * Attendance is compared as a set: the two servers list marks made at one instant in any order.
   */
  private static List<Object> sorted(List<Object> values) {
    return values.stream().map(String::valueOf).sorted().map(Object.class::cast).toList();
  }

  private static BenchmarkQuery households(String key, UUID communityId) {
    return new BenchmarkQuery(
        "households",
        "a page of 50 households → residents → party membership",
        key,
        new BenchmarkQuery.Request(
            "query($key: String!) { community(key: $key) { households(first: 50) { edges { node {"
                + " id residents { id name owner partyMembership { id kind specialties } } } } } } }",
            Map.of("key", key),
            answer -> {
              List<Object> rows = new ArrayList<>();
              for (JsonNode edge :
                  answer.path("data").path("community").path("households").path("edges")) {
                JsonNode h = edge.path("node");
                List<List<Object>> residents = new ArrayList<>();
                for (JsonNode r : h.path("residents")) {
                  JsonNode p = r.path("partyMembership");
                  residents.add(
                      List.of(
                          platformId(r.path("id")),
                          r.path("name").asString(),
                          r.path("owner").asBoolean(),
                          p.isNull() || p.isMissingNode()
                              ? "-"
                              : platformId(p.path("id"))
                                  + " "
                                  + p.path("kind").asString()
                                  + " "
                                  + p.path("specialties")));
                }
                residents.sort(Comparator.comparing(r -> (String) r.get(0)));
                rows.add(row("id", platformId(h.path("id")), "residents", residents));
              }
              return rows;
            }),
        new BenchmarkQuery.Request(
            "query($community: UUID!) { allHouseholds(first: 50, condition: {communityId:"
                + " $community}, orderBy: [PRIMARY_KEY_ASC]) { nodes { rowId"
                + " residentsByCommunityIdAndHouseholdId { nodes { rowId name owner"
                + " partyMembersByCommunityIdAndResidentId { nodes { rowId kind specialties } } } } } } }",
            Map.of("community", communityId.toString()),
            answer -> {
              List<Object> rows = new ArrayList<>();
              for (JsonNode h : answer.path("data").path("allHouseholds").path("nodes")) {
                List<List<Object>> residents = new ArrayList<>();
                for (JsonNode r : h.path("residentsByCommunityIdAndHouseholdId").path("nodes")) {
                  JsonNode p =
                      r.path("partyMembersByCommunityIdAndResidentId").path("nodes").path(0);
                  residents.add(
                      List.of(
                          r.path("rowId").asString(),
                          r.path("name").asString(),
                          r.path("owner").asBoolean(),
                          p.isMissingNode()
                              ? "-"
                              : p.path("rowId").asString()
                                  + " "
                                  + p.path("kind").asString()
                                  + " "
                                  + p.path("specialties")));
                }
                residents.sort(Comparator.comparing(r -> (String) r.get(0)));
                rows.add(row("id", h.path("rowId").asString(), "residents", residents));
              }
              return rows;
            }),
        false);
  }

  private static BenchmarkQuery buildings(String key, UUID communityId) {
    return new BenchmarkQuery(
        "buildings",
        "100 buildings → grid",
        key,
        new BenchmarkQuery.Request(
            "query($key: String!) { community(key: $key) { buildings(first: 100) { edges { node {"
                + " id number units grid { id name } } } } } }",
            Map.of("key", key),
            answer -> {
              List<Object> rows = new ArrayList<>();
              for (JsonNode edge :
                  answer.path("data").path("community").path("buildings").path("edges")) {
                JsonNode b = edge.path("node");
                JsonNode g = b.path("grid");
                rows.add(
                    row(
                        "id", platformId(b.path("id")),
                        "number", b.path("number").asString(),
                        "units", b.path("units").asInt(),
                        "grid",
                            g.isNull() || g.isMissingNode()
                                ? "-"
                                : platformId(g.path("id")) + " " + g.path("name").asString()));
              }
              return rows;
            }),
        new BenchmarkQuery.Request(
            "query($community: UUID!) { allBuildings(first: 100, condition: {communityId:"
                + " $community}, orderBy: [PRIMARY_KEY_ASC]) { nodes { rowId number units"
                + " gridByCommunityIdAndGridId { rowId name } } } }",
            Map.of("community", communityId.toString()),
            answer -> {
              List<Object> rows = new ArrayList<>();
              for (JsonNode b : answer.path("data").path("allBuildings").path("nodes")) {
                JsonNode g = b.path("gridByCommunityIdAndGridId");
                rows.add(
                    row(
                        "id", b.path("rowId").asString(),
                        "number", b.path("number").asString(),
                        "units", b.path("units").asInt(),
                        "grid",
                            g.isNull() || g.isMissingNode()
                                ? "-"
                                : g.path("rowId").asString() + " " + g.path("name").asString()));
              }
              return rows;
            }),
        false);
  }

  private static BenchmarkQuery residents(String key, UUID communityId) {
    return new BenchmarkQuery(
        "residents",
        "100 residents → household → building → grid, party membership → branch",
        key,
        new BenchmarkQuery.Request(
            "query($key: String!) { community(key: $key) { residents(first: 100) { edges { node {"
                + " id name household { id building { number grid { name } } }"
                + " partyMembership { id kind branch { name } } } } } } }",
            Map.of("key", key),
            answer -> {
              List<Object> rows = new ArrayList<>();
              for (JsonNode edge :
                  answer.path("data").path("community").path("residents").path("edges")) {
                JsonNode r = edge.path("node");
                JsonNode h = r.path("household");
                JsonNode p = r.path("partyMembership");
                rows.add(
                    row(
                        "id", platformId(r.path("id")),
                        "name", r.path("name").asString(),
                        "household", platformId(h.path("id")),
                        "building", h.path("building").path("number").asString(),
                        "grid", text(h.path("building").path("grid").path("name")),
                        "party",
                            p.isNull() || p.isMissingNode()
                                ? "-"
                                : platformId(p.path("id"))
                                    + " "
                                    + p.path("kind").asString()
                                    + " "
                                    + text(p.path("branch").path("name"))));
              }
              return rows;
            }),
        new BenchmarkQuery.Request(
            "query($community: UUID!) { allResidents(first: 100, condition: {communityId:"
                + " $community}, orderBy: [PRIMARY_KEY_ASC]) { nodes { rowId name"
                + " householdByCommunityIdAndHouseholdId { rowId buildingByCommunityIdAndBuildingId"
                + " { number gridByCommunityIdAndGridId { name } } }"
                + " partyMembersByCommunityIdAndResidentId { nodes { rowId kind"
                + " gridByCommunityIdAndGridId { name } } } } } }",
            Map.of("community", communityId.toString()),
            answer -> {
              List<Object> rows = new ArrayList<>();
              for (JsonNode r : answer.path("data").path("allResidents").path("nodes")) {
                JsonNode h = r.path("householdByCommunityIdAndHouseholdId");
                JsonNode b = h.path("buildingByCommunityIdAndBuildingId");
                JsonNode p = r.path("partyMembersByCommunityIdAndResidentId").path("nodes").path(0);
                rows.add(
                    row(
                        "id", r.path("rowId").asString(),
                        "name", r.path("name").asString(),
                        "household", h.path("rowId").asString(),
                        "building", b.path("number").asString(),
                        "grid", text(b.path("gridByCommunityIdAndGridId").path("name")),
                        "party",
                            p.isMissingNode()
                                ? "-"
                                : p.path("rowId").asString()
                                    + " "
                                    + p.path("kind").asString()
                                    + " "
                                    + text(p.path("gridByCommunityIdAndGridId").path("name"))));
              }
              return rows;
            }),
        false);
  }

  private static BenchmarkQuery partyMembers(String key, UUID communityId) {
    return new BenchmarkQuery(
        "party members",
        "100 party members → resident → household, branch",
        key,
        new BenchmarkQuery.Request(
            "query($key: String!) { community(key: $key) { partyMembers(first: 100) {"
                + " edges { node { id kind workplace"
                + " resident { name household { id } } branch { name } } } } } }",
            Map.of("key", key),
            answer -> {
              List<Object> rows = new ArrayList<>();
              for (JsonNode edge :
                  answer.path("data").path("community").path("partyMembers").path("edges")) {
                JsonNode m = edge.path("node");
                JsonNode r = m.path("resident");
                rows.add(
                    row(
                        "id", platformId(m.path("id")),
                        "kind", m.path("kind").asString(),
                        "workplace", text(m.path("workplace")),
                        "resident",
                            r.isNull() || r.isMissingNode()
                                ? "-"
                                : r.path("name").asString()
                                    + " "
                                    + platformId(r.path("household").path("id")),
                        "branch", text(m.path("branch").path("name"))));
              }
              return rows;
            }),
        new BenchmarkQuery.Request(
            "query($community: UUID!) { allPartyMembers(first: 100, condition: {communityId:"
                + " $community}, orderBy: [PRIMARY_KEY_ASC]) { nodes { rowId"
                + " kind workplace residentByCommunityIdAndResidentId { name"
                + " householdByCommunityIdAndHouseholdId { rowId } }"
                + " gridByCommunityIdAndGridId { name } } } }",
            Map.of("community", communityId.toString()),
            answer -> {
              List<Object> rows = new ArrayList<>();
              for (JsonNode m : answer.path("data").path("allPartyMembers").path("nodes")) {
                JsonNode r = m.path("residentByCommunityIdAndResidentId");
                rows.add(
                    row(
                        "id", m.path("rowId").asString(),
                        "kind", m.path("kind").asString(),
                        "workplace", text(m.path("workplace")),
                        "resident",
                            r.isNull() || r.isMissingNode()
                                ? "-"
                                : r.path("name").asString()
                                    + " "
                                    + r.path("householdByCommunityIdAndHouseholdId")
                                        .path("rowId")
                                        .asString(),
                        "branch", text(m.path("gridByCommunityIdAndGridId").path("name"))));
              }
              return rows;
            }),
        false);
  }

  private static BenchmarkQuery node(String key, UUID communityId, UUID noticeId) {
    String postgraphileId =
        Base64.getEncoder()
            .encodeToString(
                ("[\"Notice\",\"" + communityId + "\",\"" + noticeId + "\"]")
                    .getBytes(StandardCharsets.UTF_8));
    return new BenchmarkQuery(
        "node",
        "one notice by node(id:)",
        key,
        new BenchmarkQuery.Request(
            "query($id: ID!) { node(id: $id) { id ... on Notice { title body status } } }",
            Map.of("id", platformNodeId("Notice", communityId, noticeId)),
            answer -> {
              JsonNode n = answer.path("data").path("node");
              return row(
                  "id", platformId(n.path("id")),
                  "title", n.path("title").asString(),
                  "body", n.path("body").asString(),
                  "status", n.path("status").asString());
            }),
        new BenchmarkQuery.Request(
            "query($id: ID!) { node(id: $id) { ... on Notice { rowId title body status } } }",
            Map.of("id", postgraphileId),
            answer -> {
              JsonNode n = answer.path("data").path("node");
              return row(
                  "id", n.path("rowId").asString(),
                  "title", n.path("title").asString(),
                  "body", n.path("body").asString(),
                  "status", n.path("status").asString());
            }),
        false);
  }

  /**
   * Reporting a matter found on patrol. The ids differ per request, so the check compares what each
   * server says it stored; the load script gives PostGraphile a fresh row id each time
   * (platform-api makes its own, and also writes the timeline entry and the audit record).
   */
  private static BenchmarkQuery reportMatter(String key, UUID communityId) {
    return new BenchmarkQuery(
        "report matter",
        "mutation: a matter found on patrol",
        key,
        new BenchmarkQuery.Request(
            "mutation($key: String!) { reportMatter(input: {communityKey: $key, title: \""
                + REPORTED_TITLE
                + "\","
                + " description: \"3号楼北侧消防通道被电动车堵塞\", category: SAFETY, source: GRID_PATROL})"
                + " { matter { title status category } errors { code } } }",
            Map.of("key", key),
            answer -> {
              JsonNode m = answer.path("data").path("reportMatter").path("matter");
              return row(
                  "title", m.path("title").asString(),
                  "status", m.path("status").asString(),
                  "category", m.path("category").asString());
            }),
        new BenchmarkQuery.Request(
            "mutation($id: UUID!, $community: UUID!) { createMatter(input: {matter: {"
                + " rowId: $id, communityId: $community, title: \""
                + REPORTED_TITLE
                + "\","
                + " description: \"3号楼北侧消防通道被电动车堵塞\", category: \"SAFETY\","
                + " source: \"GRID_PATROL\", raisedByUserId: \"benchmark\", raisedByName: \"网格员\""
                + " } }) { matter { title status category } } }",
            Map.of("id", "$UUID", "community", communityId.toString()),
            answer -> {
              JsonNode m = answer.path("data").path("createMatter").path("matter");
              return row(
                  "title", m.path("title").asString(),
                  "status", m.path("status").asString(),
                  "category", m.path("category").asString());
            }),
        true);
  }

  static String platformNodeId(String type, UUID communityId, UUID id) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((type + ":" + communityId + ":" + id).getBytes(StandardCharsets.UTF_8));
  }

  /** The row id inside platform-api's opaque id (type:community:id, base64url). */
  private static String platformId(JsonNode id) {
    String raw = new String(Base64.getUrlDecoder().decode(id.asString()), StandardCharsets.UTF_8);
    return raw.substring(raw.lastIndexOf(':') + 1);
  }

  private static String instant(JsonNode value) {
    return value.isNull() || value.isMissingNode()
        ? "null"
        : OffsetDateTime.parse(value.asString()).toInstant().toString();
  }

  private static String text(JsonNode value) {
    return value.isNull() || value.isMissingNode() ? null : value.asString();
  }

  private static String firstText(JsonNode... values) {
    for (JsonNode value : values) {
      if (!value.isNull() && !value.isMissingNode()) {
        return value.asString();
      }
    }
    return null;
  }

  private static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      row.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return row;
  }

  private static UUID single(Connection owner, String sql, String key) throws SQLException {
    try (PreparedStatement query = owner.prepareStatement(sql)) {
      query.setString(1, key);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("Nothing for " + key + ": " + sql);
        }
        return row.getObject(1, UUID.class);
      }
    }
  }
}
