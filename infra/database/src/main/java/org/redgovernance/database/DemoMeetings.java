package org.redgovernance.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A community's weekly briefing (通报会), Baiguoshu's as the seed report describes it: the series
 * (Thursdays 19:00 at the Pioneer Post, all five bodies invited), six weeks of held meetings with
 * attendance taken by body, the matters of each week on the agenda with their decisions (the garage
 * leak among them, handed to the owners' committee), action items (one of them overdue), and the
 * next two meetings planned.
 */
final class DemoMeetings {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final String[] STATUSES = {
    "PRESENT", "PRESENT", "PRESENT", "PRESENT", "EXCUSED", "ABSENT"
  };

  private final Connection owner;
  private final UUID community;
  private final Random random;

  DemoMeetings(Connection owner, UUID community, String key) {
    this.owner = owner;
    this.community = community;
    this.random = new Random(key.hashCode() * 17L);
  }

  boolean alreadyLoaded() throws SQLException {
    try (PreparedStatement query =
        owner.prepareStatement("SELECT count(*) FROM rg.meeting_series WHERE community_id = ?")) {
      query.setObject(1, community);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1) > 0;
      }
    }
  }

  void load() throws SQLException {
    List<UUID> bodies =
        ids("SELECT id FROM rg.governance_body WHERE community_id = ? ORDER BY kind");
    UUID post =
        ids("SELECT id FROM rg.service_post WHERE community_id = ? AND kind = 'PIONEER_POST'")
            .get(0);
    UUID owners =
        ids("SELECT id FROM rg.governance_body WHERE community_id = ? AND kind = 'OWNERS_COMMITTEE'")
            .get(0);
    UUID series = Ids.newId();
    update(
        "INSERT INTO rg.meeting_series (community_id, id, kind, title, weekday, starts_at_time,"
            + " duration_minutes, service_post_id, convener_name, invited_body_ids, starts_on)"
            + " VALUES (?, ?, 'WEEKLY_BRIEFING', '每周通报会', 4, '19:00', 90, ?, '社区党总支',"
            + " ?::uuid[], ?)",
        community,
        series,
        post,
        "{" + String.join(",", bodies.stream().map(UUID::toString).toList()) + "}",
        java.sql.Date.valueOf(LocalDate.now(ZONE).minusWeeks(8)));

    LocalDate thisThursday =
        LocalDate.now(ZONE).with(TemporalAdjusters.previousOrSame(DayOfWeek.THURSDAY));
    for (int week = 6; week >= -2; week--) {
      LocalDate day = thisThursday.minusWeeks(week);
      ZonedDateTime starts = day.atTime(19, 0).atZone(ZONE);
      boolean held = starts.toInstant().isBefore(java.time.Instant.now());
      UUID meeting = Ids.newId();
      update(
          "INSERT INTO rg.meeting (community_id, id, series_id, kind, title, starts_at, ends_at,"
              + " service_post_id, convener_name, status, minutes)"
              + " VALUES (?, ?, ?, 'WEEKLY_BRIEFING', '每周通报会', ?, ?, ?, '社区党总支', ?, ?)",
          community,
          meeting,
          series,
          Timestamp.from(starts.toInstant()),
          Timestamp.from(starts.plusMinutes(90).toInstant()),
          post,
          held ? "HELD" : "PLANNED",
          held ? "党总支通报近期工作，五家代表逐项听取居民反映事项并形成处理意见。" : null);
      for (UUID body : bodies) {
        update(
            "INSERT INTO rg.meeting_invitation (community_id, meeting_id, body_id) VALUES (?, ?, ?)",
            community,
            meeting,
            body);
      }
      if (!held) {
        continue;
      }
      attendance(meeting);
      agenda(meeting, starts, owners);
      if (week == 6) {
        UUID branch =
            ids("SELECT id FROM rg.governance_body WHERE community_id = ? AND kind = 'PARTY_BRANCH'")
                .get(0);
        update(
            "INSERT INTO rg.action_item (community_id, id, meeting_id, description, owner_body_id,"
                + " due_on) VALUES (?, ?, ?, '整理居民说事台账，按月向街道报送', ?, ?)",
            community,
            Ids.newId(),
            meeting,
            branch,
            java.sql.Date.valueOf(day.plusWeeks(2)));
      }
    }
  }

  /** Every seated member of every body marked; most come, a few send apologies. */
  private void attendance(UUID meeting) throws SQLException {
    try (PreparedStatement seats =
            owner.prepareStatement(
                "SELECT s.body_id, s.resident_id, s.party_member_id, s.position = 'CHAIR'"
                    + " FROM rg.body_seat_card s JOIN rg.governance_body g"
                    + " ON g.community_id = s.community_id AND g.id = s.body_id"
                    + " WHERE s.community_id = ? ORDER BY g.kind, s.name");
        PreparedStatement mark =
            owner.prepareStatement(
                "INSERT INTO rg.attendance (community_id, id, meeting_id, body_id, resident_id,"
                    + " party_member_id, status) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      seats.setObject(1, community);
      try (ResultSet seat = seats.executeQuery()) {
        while (seat.next()) {
          mark.setObject(1, community);
          mark.setObject(2, Ids.newId());
          mark.setObject(3, meeting);
          mark.setObject(4, seat.getObject(1));
          mark.setObject(5, seat.getObject(2));
          mark.setObject(6, seat.getObject(3));
          String status = STATUSES[random.nextInt(STATUSES.length)];
          // the chairs never miss the briefing, so every body is always represented
          mark.setString(7, seat.getBoolean(4) ? "PRESENT" : status);
          mark.addBatch();
        }
      }
      mark.executeBatch();
    }
  }

  /**
   * The matters raised in the week before the meeting that got as far as being scheduled, with a
   * decision each; the garage leak's meeting also records the owners' committee's action item.
   */
  private void agenda(UUID meeting, ZonedDateTime starts, UUID owners) throws SQLException {
    List<UUID> matters = new ArrayList<>();
    List<String> titles = new ArrayList<>();
    try (PreparedStatement query =
        owner.prepareStatement(
            "SELECT id, title FROM rg.matter WHERE community_id = ?"
                + " AND reported_at >= ? AND reported_at < ?"
                + " AND status NOT IN ('REPORTED', 'ACCEPTED', 'REJECTED') ORDER BY reported_at")) {
      query.setObject(1, community);
      query.setTimestamp(2, Timestamp.from(starts.minusWeeks(1).toInstant()));
      query.setTimestamp(3, Timestamp.from(starts.toInstant()));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          matters.add(rows.getObject(1, UUID.class));
          titles.add(rows.getString(2));
        }
      }
    }
    int position = 1;
    update(
        "INSERT INTO rg.agenda_item (community_id, id, meeting_id, position, topic, decision,"
            + " decided_at) VALUES (?, ?, ?, ?, '上周事项办理情况通报', '已通报，居监会跟踪督办。', ?)",
        community,
        Ids.newId(),
        meeting,
        position++,
        Timestamp.from(starts.plusMinutes(20).toInstant()));
    for (int i = 0; i < matters.size(); i++) {
      UUID item = Ids.newId();
      boolean leak = titles.get(i).equals("地下车库渗水");
      update(
          "INSERT INTO rg.agenda_item (community_id, id, meeting_id, position, matter_id, decision,"
              + " decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
          community,
          item,
          meeting,
          position++,
          matters.get(i),
          leak ? "交业委会牵头，联系物业排查被香樟树根系破坏的排水管，三周内修复，居监会全程监督。" : "交由责任方办理，下周通报进展。",
          Timestamp.from(starts.plusMinutes(30L + 10L * i).toInstant()));
      if (leak) {
        update(
            "INSERT INTO rg.action_item (community_id, id, meeting_id, agenda_item_id, description,"
                + " owner_body_id, due_on, status, done_at)"
                + " VALUES (?, ?, ?, ?, '联系物业排查排水管并制定修复方案', ?, ?, 'DONE', ?)",
            community,
            Ids.newId(),
            meeting,
            item,
            owners,
            java.sql.Date.valueOf(starts.toLocalDate().plusWeeks(1)),
            Timestamp.from(starts.plusDays(5).toInstant()));
      }
    }
  }

  private List<UUID> ids(String sql) throws SQLException {
    List<UUID> ids = new ArrayList<>();
    try (PreparedStatement query = owner.prepareStatement(sql)) {
      query.setObject(1, community);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getObject(1, UUID.class));
        }
      }
    }
    return ids;
  }

  private void update(String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = owner.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    }
  }
}
