package org.redgovernance.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The demo's matters: the demo residents' logins linked to their roster entries, and weeks of
 * plausible history. Baiguoshu's garage leak (camphor-tree roots broke a drain pipe; walls crack
 * and seep) goes the whole way: raised by a resident, heard at the weekly briefing, assigned to the
 * owners' committee, resolved, verified by the supervisory committee and rated. Around it: parking,
 * unleashed pets, vegetables on the green, garbage sorting, each somewhere along the way. Generated
 * from the community key, so every load looks the same (times are relative to now).
 */
final class DemoMatters {

  /** A demo login linked to a resident of its community (ids fixed in the dev realm). */
  record Account(String username, String userId, String communityKey, String role) {}

  static final List<Account> ACCOUNTS =
      List.of(
          new Account(
              "baiguoshu.resident",
              "d3e00000-0000-4000-8000-000000000008",
              "baiguoshu",
              "resident"),
          new Account(
              "baiguoshu.supervisor",
              "d3e00000-0000-4000-8000-000000000007",
              "baiguoshu",
              "supervisor"),
          new Account(
              "xinhua.resident", "d3e00000-0000-4000-8000-000000000010", "xinhua", "resident"));

  private static final String SECRETARY_ID = "d3e00000-0000-4000-8000-000000000006";
  private static final String SECRETARY = "白果树社区 书记";
  private static final String SUPERVISOR_ID = "d3e00000-0000-4000-8000-000000000007";
  private static final String SUPERVISOR = "白果树社区 居监会委员";
  private static final String[] STEPS = {
    "REPORTED", "ACCEPTED", "SCHEDULED", "IN_PROGRESS", "RESOLVED", "VERIFIED", "CLOSED"
  };

  private final Connection owner;
  private final UUID community;
  private final String key;
  private final Random random;
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);

  DemoMatters(Connection owner, UUID community, String key) {
    this.owner = owner;
    this.community = community;
    this.key = key;
    this.random = new Random(key.hashCode() * 31L);
  }

  boolean alreadyLoaded() throws SQLException {
    return count("SELECT count(*) FROM rg.matter WHERE community_id = ?") > 0;
  }

  void load() throws SQLException {
    List<UUID> residents = residents();
    UUID linked = null;
    for (Account account : ACCOUNTS) {
      if (!account.communityKey().equals(key)) {
        continue;
      }
      UUID resident = account.role().equals("supervisor") ? supervisoryChair() : residents.get(3);
      if (account.role().equals("resident")) {
        linked = resident;
      }
      update(
          "INSERT INTO rg.resident_account (community_id, user_id, resident_id) VALUES (?, ?, ?)"
              + " ON CONFLICT DO NOTHING",
          community,
          account.userId(),
          resident);
    }
    UUID owners = body("OWNERS_COMMITTEE");
    UUID branch = body("PARTY_BRANCH");
    if (key.equals("baiguoshu")) {
      baiguoshu(linked, residents, owners, branch);
    } else {
      matter(new Story("小区东门路灯不亮", "东门两盏路灯坏了一周，晚上回家很黑。", "FACILITY", 9, 4), linked, owners, 0);
      matter(
          new Story("楼道堆放杂物", "3幢楼道里堆了纸箱和旧家具，存在消防隐患。", "SAFETY", 3, 1),
          residents.get(10),
          branch,
          0);
    }
  }

  /** A matter's story: what, and how many days ago it was raised and how far it got. */
  private record Story(String title, String description, String category, int daysAgo, int steps) {}

  private void baiguoshu(UUID linked, List<UUID> residents, UUID owners, UUID branch)
      throws SQLException {
    UUID leak =
        matter(
            new Story(
                "地下车库渗水",
                "地下车库北侧墙体开裂渗水，雨天更严重。听说是小区里香樟树的根系把排水管顶破了，" + "希望尽快排查修复，车停在下面很担心。",
                "FACILITY",
                35,
                7),
            linked,
            owners,
            5);
    update(
        "UPDATE rg.matter SET location_text = '地下车库北侧', resolution = ?, rating = 5,"
            + " rating_comment = ?"
            + " WHERE community_id = ? AND id = ?",
        "业委会联系物业更换了被香樟树根系顶破的排水管，移除侵入管道的树根，墙体裂缝灌浆封堵，经两场大雨检验不再渗水。",
        "处理及时，居监会也来看过，很满意。",
        community,
        leak);
    matter(
        new Story("夜间车辆乱停堵塞消防通道", "晚上小区里车比车位多得多，5幢和6幢之间的消防通道经常被占。", "PARKING", 12, 4),
        residents.get(40),
        owners,
        5);
    matter(
        new Story("遛狗不牵绳", "早晚在中心花园遛狗不牵绳的比较多，小孩子害怕，草坪上还有狗粪。", "PETS", 16, 5),
        residents.get(80),
        branch,
        4);
    matter(
        new Story("公共绿地被开垦种菜", "9幢北面的公共绿地被个别居民开垦种菜，还浇粪水，气味很大。", "GREENING", 20, 6),
        residents.get(120),
        owners,
        3);
    matter(
        new Story("垃圾分类投放点满溢", "2号垃圾分类投放点每天傍晚就满了，有人把垃圾放在地上。", "SANITATION", 4, 2),
        residents.get(160),
        branch,
        1);
    matter(new Story("楼道灯不亮", "我家所在单元3楼到5楼的楼道灯坏了。", "FACILITY", 1, 1), linked, owners, 0);
    String[][] more = {
      {"电动车楼道充电", "SAFETY"},
      {"外来车辆占用车位", "PARKING"},
      {"健身器材损坏", "FACILITY"},
      {"树枝遮挡路灯", "GREENING"},
      {"宠物狗夜间吠叫", "PETS"},
      {"楼上漏水纠纷", "NEIGHBOURS"},
      {"厨余垃圾桶破损", "SANITATION"},
      {"临时停车收费疑问", "PARKING"}
    };
    for (int i = 0; i < more.length; i++) {
      matter(
          new Story(more[i][0], more[i][0] + "，希望社区协调处理。", more[i][1], 56 - i * 5, 7),
          residents.get(200 + i * 17),
          i % 2 == 0 ? owners : branch,
          3 + random.nextInt(4));
    }
  }

  /**
   * Inserts a matter raised {@code daysAgo} and walks it {@code steps} steps along the workflow, a
   * few days apart, with a timeline entry for each. Returns its id.
   */
  private UUID matter(Story story, UUID reporter, UUID assignee, int daysToResolve)
      throws SQLException {
    UUID id = Ids.newId();
    Instant reported =
        now.minus(story.daysAgo(), ChronoUnit.DAYS).minus(random.nextInt(600), ChronoUnit.MINUTES);
    Instant[] at = new Instant[STEPS.length];
    at[0] = reported;
    at[1] = reported.plus(1, ChronoUnit.DAYS);
    at[2] = reported.plus(2, ChronoUnit.DAYS);
    at[3] = reported.plus(3, ChronoUnit.DAYS);
    at[4] = reported.plus(3L + Math.max(daysToResolve, 1), ChronoUnit.DAYS);
    at[5] = at[4].plus(1, ChronoUnit.DAYS);
    at[6] = at[5].plus(1, ChronoUnit.DAYS);
    int steps = story.steps();
    String status = STEPS[steps - 1];
    LocalDate due =
        LocalDate.ofInstant(at[3], ZoneId.of("Asia/Shanghai")).plusDays(daysToResolve + 7L);
    update(
        "INSERT INTO rg.matter (community_id, id, title, description, category, source,"
            + " reporter_resident_id, raised_by_user_id, raised_by_name, household_id, building_id,"
            + " public, status, assignee_body_id, due_on, resolution, rating, reported_at,"
            + " resolved_at, verified_at, closed_at, created_at, updated_at, version)"
            + " SELECT ?::uuid, ?::uuid, ?, ?, ?, 'RESIDENT_TALK', r.id, 'demo-data', r.name,"
            + " r.household_id, h.building_id, true, ?, ?::uuid, ?::date, ?::text, ?::smallint,"
            + " ?::timestamptz, ?::timestamptz, ?::timestamptz, ?::timestamptz, ?::timestamptz,"
            + " ?::timestamptz, ?"
            + " FROM rg.resident r JOIN rg.household h"
            + " ON h.community_id = r.community_id AND h.id = r.household_id"
            + " WHERE r.community_id = ? AND r.id = ?",
        community,
        id,
        story.title(),
        story.description(),
        story.category(),
        status,
        steps >= 4 ? assignee : null,
        steps >= 4 ? java.sql.Date.valueOf(due) : null,
        steps >= 5 ? "已处理完毕：" + story.title() + "问题已解决。" : null,
        steps >= 7 ? (short) (3 + random.nextInt(3)) : null,
        ts(at[0]),
        steps >= 5 ? ts(at[4]) : null,
        steps >= 6 ? ts(at[5]) : null,
        steps >= 7 ? ts(at[6]) : null,
        ts(at[0]),
        ts(at[steps - 1]),
        steps - 1,
        community,
        reporter);
    String[] actors = {
      "demo-data",
      SECRETARY_ID,
      SECRETARY_ID,
      SECRETARY_ID,
      "demo-owners-committee",
      SUPERVISOR_ID,
      "demo-data"
    };
    String[] names = {null, SECRETARY, SECRETARY, SECRETARY, "业委会", SUPERVISOR, null};
    String[] notes = {null, null, "列入本周通报会议程", "交由责任方办理", "已处理完毕", "居监会现场核验通过", null};
    for (int s = 0; s < steps; s++) {
      update(
          "INSERT INTO rg.matter_event (community_id, id, matter_id, occurred_at, actor_id,"
              + " actor_name, from_status, to_status, note)"
              + " SELECT ?::uuid, ?::uuid, ?::uuid, ?::timestamptz, ?, coalesce(?::text, m.raised_by_name),"
              + " ?::text, ?, ?::text FROM rg.matter m"
              + " WHERE m.community_id = ? AND m.id = ?",
          community,
          Ids.newId(),
          id,
          ts(at[s]),
          actors[s],
          names[s],
          s == 0 ? null : STEPS[s - 1],
          STEPS[s],
          notes[s],
          community,
          id);
    }
    return id;
  }

  private List<UUID> residents() throws SQLException {
    List<UUID> ids = new ArrayList<>();
    try (PreparedStatement query =
        owner.prepareStatement(
            "SELECT r.id FROM rg.resident r"
                + " JOIN rg.household h ON h.community_id = r.community_id AND h.id = r.household_id"
                + " JOIN rg.building b ON b.community_id = h.community_id AND b.id = h.building_id"
                + " WHERE r.community_id = ? AND r.status = 'ACTIVE'"
                + " AND NOT EXISTS (SELECT 1 FROM rg.body_membership m"
                + "   WHERE m.community_id = r.community_id AND m.resident_id = r.id)"
                + " ORDER BY length(b.number), b.number, h.unit, h.room, r.name, r.id")) {
      query.setObject(1, community);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getObject(1, UUID.class));
        }
      }
    }
    return ids;
  }

  private UUID supervisoryChair() throws SQLException {
    return uuid(
        "SELECT coalesce(m.resident_id, p.resident_id) FROM rg.body_membership m"
            + " JOIN rg.body_term t ON t.community_id = m.community_id AND t.id = m.term_id"
            + " JOIN rg.governance_body g ON g.community_id = t.community_id AND g.id = t.body_id"
            + " LEFT JOIN rg.party_member p"
            + "   ON p.community_id = m.community_id AND p.id = m.party_member_id"
            + " WHERE m.community_id = ? AND g.kind = 'SUPERVISORY_COMMITTEE'"
            + " AND coalesce(m.resident_id, p.resident_id) IS NOT NULL"
            + " ORDER BY m.position = 'CHAIR' DESC, m.id LIMIT 1");
  }

  private UUID body(String kind) throws SQLException {
    return uuid(
        "SELECT id FROM rg.governance_body WHERE community_id = ? AND kind = '" + kind + "'");
  }

  private UUID uuid(String sql) throws SQLException {
    try (PreparedStatement query = owner.prepareStatement(sql)) {
      query.setObject(1, community);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("Demo data incomplete: " + sql);
        }
        return row.getObject(1, UUID.class);
      }
    }
  }

  private long count(String sql) throws SQLException {
    try (PreparedStatement query = owner.prepareStatement(sql)) {
      query.setObject(1, community);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private static Timestamp ts(Instant instant) {
    return Timestamp.from(instant);
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
