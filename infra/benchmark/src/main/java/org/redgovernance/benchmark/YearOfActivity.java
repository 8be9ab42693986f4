package org.redgovernance.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A year of a community's life, generated inside PostgreSQL from its roster and its key, so that
 * the same key always gives the same rows (ids are md5 of the key and the row's number): 104
 * notices, 312 matters (six a week, the older ones closed and rated, the recent ones open) with
 * their timelines and supporters, and 52 weekly briefings with all five bodies invited, three
 * matters on each agenda, attendance of every seated member and an action item.
 */
final class YearOfActivity {

  private static final String NOTICES =
      """
      INSERT INTO rg.notice (community_id, id, title, body, audience, author_id, author_name,
                             published_at)
      SELECT ?::uuid, md5(?::text || ':notice:' || g)::uuid,
             (ARRAY['停水通知', '垃圾分类提示', '消防演练', '志愿服务招募', '文明养犬倡议',
                    '议事会召开', '物业费公示', '健康讲座'])[1 + g % 8] || '（第' || g || '期）',
             '各位居民：本周社区事项如下，请相互转告。第' || g || '期。',
             CASE WHEN g % 10 = 0 THEN 'PARTY_MEMBERS' ELSE 'EVERYONE' END,
             'benchmark', '社区居委会',
             now() - make_interval(hours => (104 - g) * 84)
        FROM generate_series(1, 104) g
      """;

  /** Six a week for a year, oldest first; how far each got depends on its age. */
  private static final String MATTERS =
      """
      WITH r AS (SELECT id, household_id, row_number() OVER (ORDER BY id) - 1 AS i
                   FROM rg.resident WHERE community_id = ?::uuid),
           n AS (SELECT count(*) AS n FROM r),
           b AS (SELECT id, row_number() OVER (ORDER BY kind) - 1 AS i
                   FROM rg.governance_body WHERE community_id = ?::uuid),
           m AS (SELECT g,
                        CASE WHEN g <= 250 THEN CASE WHEN g % 10 = 0 THEN 'REJECTED' ELSE 'CLOSED' END
                             WHEN g <= 280 THEN CASE WHEN g % 3 = 0 THEN 'VERIFIED' ELSE 'RESOLVED' END
                             WHEN g <= 295 THEN 'IN_PROGRESS'
                             WHEN g <= 305 THEN CASE WHEN g % 2 = 0 THEN 'SCHEDULED' ELSE 'ACCEPTED' END
                             ELSE 'REPORTED' END AS status,
                        now() - make_interval(days => 365 - g * 365 / 312, hours => g % 12) AS reported_at
                   FROM generate_series(1, 312) g)
      INSERT INTO rg.matter (community_id, id, title, description, category, source,
                             reporter_resident_id, raised_by_user_id, raised_by_name, household_id,
                             public, status, assignee_body_id, due_on, resolution, rating,
                             reported_at, resolved_at, verified_at, closed_at, created_at, updated_at)
      SELECT ?::uuid, md5(?::text || ':matter:' || m.g)::uuid,
             (ARRAY['车辆乱停', '楼道灯不亮', '绿地种菜', '垃圾未分类', '犬只未拴绳', '消防通道堵塞',
                    '邻里噪音', '车库漏水'])[1 + m.g % 8] || ' #' || m.g,
             '居民反映的问题，第' || m.g || '件，请尽快处理。',
             (ARRAY['PARKING', 'FACILITY', 'GREENING', 'SANITATION', 'PETS', 'SAFETY', 'NEIGHBOURS',
                    'FACILITY'])[1 + m.g % 8],
             CASE WHEN m.g % 5 = 0 THEN 'GRID_PATROL' ELSE 'RESIDENT_TALK' END,
             CASE WHEN m.g % 5 = 0 THEN NULL ELSE r.id END,
             'benchmark', CASE WHEN m.g % 5 = 0 THEN '网格员' ELSE '居民' END,
             CASE WHEN m.g % 5 = 0 THEN NULL ELSE r.household_id END,
             m.g % 3 = 0, m.status,
             CASE WHEN m.status IN ('IN_PROGRESS', 'RESOLVED', 'VERIFIED', 'CLOSED') THEN b.id END,
             CASE WHEN m.status IN ('IN_PROGRESS', 'RESOLVED', 'VERIFIED', 'CLOSED')
                  THEN (m.reported_at + interval '14 days')::date END,
             CASE WHEN m.status IN ('RESOLVED', 'VERIFIED', 'CLOSED') THEN '已处理完毕' END,
             CASE WHEN m.status = 'CLOSED' THEN 3 + m.g % 3 END,
             m.reported_at,
             CASE WHEN m.status IN ('RESOLVED', 'VERIFIED', 'CLOSED')
                  THEN m.reported_at + interval '6 days' END,
             CASE WHEN m.status IN ('VERIFIED', 'CLOSED') THEN m.reported_at + interval '8 days' END,
             CASE WHEN m.status IN ('CLOSED', 'REJECTED') THEN m.reported_at + interval '10 days' END,
             m.reported_at, m.reported_at
        FROM m CROSS JOIN n
        JOIN r ON r.i = (m.g * 37) % n.n
        JOIN b ON b.i = m.g % 5
      """;

  /** Each matter's timeline up to its status, two days a step. */
  private static final String MATTER_EVENTS =
      """
      WITH path AS (
        SELECT id, reported_at,
               CASE status
                 WHEN 'REJECTED' THEN ARRAY['REPORTED', 'REJECTED']
                 WHEN 'SCHEDULED' THEN ARRAY['REPORTED', 'ACCEPTED', 'SCHEDULED']
                 ELSE (ARRAY['REPORTED', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED', 'VERIFIED', 'CLOSED'])
                      [1:array_position(ARRAY['REPORTED', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED',
                                              'VERIFIED', 'CLOSED'], status)]
               END AS steps
          FROM rg.matter WHERE community_id = ?::uuid)
      INSERT INTO rg.matter_event (community_id, id, matter_id, occurred_at, actor_id, actor_name,
                                   from_status, to_status, note)
      SELECT ?::uuid, md5(path.id::text || ':event:' || s.n)::uuid, path.id,
             path.reported_at + make_interval(days => (s.n::int - 1) * 2),
             'benchmark', CASE WHEN s.n = 1 THEN '居民' ELSE '社区书记' END,
             CASE WHEN s.n > 1 THEN path.steps[s.n - 1] END, s.step,
             CASE WHEN s.n > 1 THEN '第' || s.n || '步' END
        FROM path, unnest(path.steps) WITH ORDINALITY AS s(step, n)
      """;

  /** Up to six neighbours back each matter. */
  private static final String SUPPORTS =
      """
      WITH r AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i
                   FROM rg.resident WHERE community_id = ?::uuid),
           n AS (SELECT count(*) AS n FROM r),
           m AS (SELECT id, reported_at, row_number() OVER (ORDER BY reported_at, id) AS g
                   FROM rg.matter WHERE community_id = ?::uuid)
      INSERT INTO rg.matter_support (community_id, matter_id, resident_id, created_at)
      SELECT ?::uuid, m.id, r.id, m.reported_at + interval '1 day'
        FROM m CROSS JOIN n CROSS JOIN generate_series(0, 5) k
        JOIN r ON r.i = (m.g * 31 + k * 97) % n.n
       WHERE k < m.g % 7
      ON CONFLICT DO NOTHING
      """;

  private static final String SERIES =
      """
      INSERT INTO rg.meeting_series (community_id, id, kind, title, weekday, starts_at_time,
                                     duration_minutes, place_text, convener_name, invited_body_ids,
                                     starts_on)
      SELECT ?::uuid, md5(?::text || ':series')::uuid, 'WEEKLY_BRIEFING', '每周通报会', 4,
             time '19:00', 90, '先锋驿站', '社区书记',
             (SELECT array_agg(id ORDER BY kind) FROM rg.governance_body WHERE community_id = ?::uuid),
             (now() - interval '1 year')::date
      """;

  /** A briefing every Thursday evening of the past year, all held. */
  private static final String MEETINGS =
      """
      INSERT INTO rg.meeting (community_id, id, series_id, kind, title, starts_at, ends_at,
                              place_text, convener_name, status, minutes)
      SELECT ?::uuid, md5(?::text || ':meeting:' || w)::uuid, md5(?::text || ':series')::uuid,
             'WEEKLY_BRIEFING', '每周通报会（第' || w || '周）',
             date_trunc('week', now()) - make_interval(weeks => 53 - w) + interval '3 days 11 hours',
             date_trunc('week', now()) - make_interval(weeks => 53 - w) + interval '3 days 12 hours 30 minutes',
             '先锋驿站', '社区书记', 'HELD', '会议通报了本周居民反映的问题并形成决定。'
        FROM generate_series(1, 52) w
      """;

  private static final String INVITATIONS =
      """
      INSERT INTO rg.meeting_invitation (community_id, meeting_id, body_id)
      SELECT ?::uuid, m.id, b.id
        FROM rg.meeting m JOIN rg.governance_body b ON b.community_id = m.community_id
       WHERE m.community_id = ?::uuid
      """;

  /** The first three matters of each week go on that week's agenda, decided. */
  private static final String AGENDA =
      """
      WITH m AS (SELECT id, row_number() OVER (ORDER BY reported_at, id) AS g
                   FROM rg.matter WHERE community_id = ?::uuid)
      INSERT INTO rg.agenda_item (community_id, id, meeting_id, position, matter_id, decision,
                                  decided_at)
      SELECT ?::uuid, md5(?::text || ':agenda:' || w || ':' || p)::uuid,
             md5(?::text || ':meeting:' || w)::uuid, p, m.id, '交由相关责任方限期办理',
             date_trunc('week', now()) - make_interval(weeks => 53 - w) + interval '3 days 12 hours'
        FROM generate_series(1, 52) w CROSS JOIN generate_series(1, 3) p
        JOIN m ON m.g = (w - 1) * 6 + p
      """;

  /** Every seated member of every body, at every briefing; a few absent or excused. */
  private static final String ATTENDANCE =
      """
      WITH seat AS (
        SELECT t.body_id, s.resident_id, s.party_member_id, s.id AS seat_id
          FROM rg.body_membership s
          JOIN rg.body_term t ON t.community_id = s.community_id AND t.id = s.term_id
         WHERE s.community_id = ?::uuid AND s.to_on IS NULL)
      INSERT INTO rg.attendance (community_id, id, meeting_id, body_id, resident_id, party_member_id,
                                 status, recorded_at)
      SELECT ?::uuid, md5(m.id::text || ':' || seat.seat_id)::uuid, m.id, seat.body_id,
             seat.resident_id, seat.party_member_id,
             CASE abs(hashtext(m.id::text || seat.seat_id::text)) % 12
               WHEN 0 THEN 'ABSENT' WHEN 1 THEN 'EXCUSED' ELSE 'PRESENT' END,
             m.ends_at
        FROM rg.meeting m CROSS JOIN seat
       WHERE m.community_id = ?::uuid
      """;

  private static final String ACTION_ITEMS =
      """
      WITH b AS (SELECT id, row_number() OVER (ORDER BY kind) - 1 AS i
                   FROM rg.governance_body WHERE community_id = ?::uuid)
      INSERT INTO rg.action_item (community_id, id, meeting_id, agenda_item_id, description,
                                  owner_body_id, due_on, status, done_at)
      SELECT ?::uuid, md5(?::text || ':action:' || w)::uuid, md5(?::text || ':meeting:' || w)::uuid,
             md5(?::text || ':agenda:' || w || ':1')::uuid, '落实会议决定（第' || w || '周）', b.id,
             (date_trunc('week', now()) - make_interval(weeks => 53 - w) + interval '17 days')::date,
             CASE WHEN w < 48 THEN 'DONE' ELSE 'OPEN' END,
             CASE WHEN w < 48
                  THEN date_trunc('week', now()) - make_interval(weeks => 53 - w) + interval '10 days'
             END
        FROM generate_series(1, 52) w JOIN b ON b.i = w % 5
      """;

  private final Connection owner;
  private final UUID community;
  private final String key;

  YearOfActivity(Connection owner, UUID community, String key) {
    this.owner = owner;
    this.community = community;
    this.key = key;
  }

  void load() throws SQLException {
    run(NOTICES, community, key);
    run(MATTERS, community, community, community, key);
    run(MATTER_EVENTS, community, community);
    run(SUPPORTS, community, community, community);
    run(SERIES, community, key, community);
    run(MEETINGS, community, key, key);
    run(INVITATIONS, community, community);
    run(AGENDA, community, community, key, key);
    run(ATTENDANCE, community, community, community);
    run(ACTION_ITEMS, community, community, key, key, key);
  }

  private void run(String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = owner.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i].toString());
      }
      statement.executeUpdate();
    }
  }
}
