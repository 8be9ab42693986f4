package org.redgovernance.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The demo streets, communities, notices, rosters, matters, meetings, surveys and rollout of the
 * dev stack (with the demo residents' logins linked to their roster entries), which the integration
 * tests use too. Their keys match the role groups of the dev realm (infra/keycloak). Loading is
 * idempotent: rows that exist are left alone, so a restarted dev stack keeps what developers
 * changed.
 */
public final class DemoData {

  /** A community of the demo, with the street it belongs to. */
  public record DemoCommunity(String key, String name, String streetKey) {}

  public static final List<DemoCommunity> COMMUNITIES =
      List.of(
          new DemoCommunity("baiguoshu", "白果树社区", "baishalu"),
          new DemoCommunity("xinhua", "新华社区", "baishalu"),
          new DemoCommunity("qingyuan", "青园社区", "gutang"));

  private static final List<String[]> STREETS =
      List.of(new String[] {"baishalu", "白沙路街道"}, new String[] {"gutang", "古塘街道"});

  private DemoData() {}

  /**
   * Loads the demo as the owner role, through row-level security like any writer; personal data is
   * encrypted with {@code cipher}, which the services must be configured with too.
   */
  public static void load(Connection owner, PersonalDataCipher cipher) throws SQLException {
    boolean autoCommit = owner.getAutoCommit();
    owner.setAutoCommit(false);
    try {
      for (String[] street : STREETS) {
        update(
            owner,
            "INSERT INTO rg.street (id, key, name) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING",
            Ids.newId(),
            street[0],
            street[1]);
      }
      List<UUID> ids = new ArrayList<>();
      for (DemoCommunity community : COMMUNITIES) {
        update(
            owner,
            "INSERT INTO rg.community (id, key, name, street_id, status)"
                + " SELECT ?, ?, ?, s.id, 'ACTIVE' FROM rg.street s WHERE s.key = ?"
                + " ON CONFLICT (key) DO NOTHING",
            Ids.newId(),
            community.key(),
            community.name(),
            community.streetKey());
        ids.add(communityId(owner, community.key()));
      }
      TenantContext.apply(owner, ids, "demo-data");
      for (int i = 0; i < COMMUNITIES.size(); i++) {
        notices(owner, ids.get(i), COMMUNITIES.get(i));
        String key = COMMUNITIES.get(i).key();
        DemoRoster roster = new DemoRoster(owner, cipher, ids.get(i), key);
        if (!roster.alreadyLoaded()) {
          roster.load(DemoRoster.scaleOf(key));
        }
        // Fresh rows have no statistics; without them the planner's nested loops make the reads
        // below (the seats of the bodies, the residents) take minutes instead of milliseconds.
        try (var analyze = owner.createStatement()) {
          analyze.execute(
              "ANALYZE rg.resident, rg.household, rg.building, rg.party_member,"
                  + " rg.body_membership, rg.body_term, rg.governance_body, rg.matter");
        }
        DemoMatters matters = new DemoMatters(owner, ids.get(i), key);
        if (!matters.alreadyLoaded()) {
          matters.load();
        }
        DemoMeetings meetings = new DemoMeetings(owner, ids.get(i), key);
        if (!meetings.alreadyLoaded()) {
          meetings.load();
        }
      }
      new DemoSurveys(owner).load();
      new DemoRollout(owner).load();
      owner.commit();
    } catch (SQLException | RuntimeException e) {
      owner.rollback();
      throw e;
    } finally {
      owner.setAutoCommit(autoCommit);
    }
    // Fresh bulk rows have no statistics yet; without them the planner guesses one row per table.
    try (var analyze = owner.createStatement()) {
      analyze.execute("ANALYZE");
    }
  }

  /**
   * Puts demo users in the role mirror (rg.community_role_holder) as {@code members} name them
   * (user id, community key, role), for stacks without tenant-admin, which keeps it otherwise.
   * Idempotent.
   */
  public static void holdRoles(Connection owner, List<String[]> members) throws SQLException {
    inTransaction(
        owner,
        () -> {
          for (String[] member : members) {
            update(
                owner,
                "INSERT INTO rg.community_role_holder (community_id, user_id, role)"
                    + " SELECT id, ?, ? FROM rg.community WHERE key = ? ON CONFLICT DO NOTHING",
                member[0],
                member[2],
                member[1]);
          }
        });
  }

  /** What a loader does in its transaction. */
  @FunctionalInterface
  interface Work {
    void run() throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction of {@code owner}, with every demo community as the tenant
   * context: all of it or, on any failure, nothing.
   */
  static void inTransaction(Connection owner, Work work) throws SQLException {
    boolean autoCommit = owner.getAutoCommit();
    owner.setAutoCommit(false);
    try {
      List<UUID> ids = new ArrayList<>();
      for (DemoCommunity community : COMMUNITIES) {
        ids.add(communityId(owner, community.key()));
      }
      TenantContext.apply(owner, ids, "demo-data");
      work.run();
      owner.commit();
    } catch (SQLException | RuntimeException e) {
      owner.rollback();
      throw e;
    } finally {
      owner.setAutoCommit(autoCommit);
    }
  }

  /** The id of the demo street of this key. */
  static UUID streetIdOf(Connection owner, String key) throws SQLException {
    try (PreparedStatement query =
        owner.prepareStatement("SELECT id FROM rg.street WHERE key = ?")) {
      query.setString(1, key);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("No street " + key);
        }
        return row.getObject(1, UUID.class);
      }
    }
  }

  public static UUID communityId(Connection owner, String key) throws SQLException {
    try (PreparedStatement query =
        owner.prepareStatement("SELECT id FROM rg.community WHERE key = ?")) {
      query.setString(1, key);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("No community " + key);
        }
        return row.getObject(1, UUID.class);
      }
    }
  }

  private static void notices(Connection owner, UUID communityId, DemoCommunity community)
      throws SQLException {
    try (PreparedStatement count =
        owner.prepareStatement("SELECT count(*) FROM rg.notice WHERE community_id = ?")) {
      count.setObject(1, communityId);
      try (ResultSet row = count.executeQuery()) {
        row.next();
        if (row.getLong(1) > 0) {
          return;
        }
      }
    }
    String name = community.name();
    String author = community.key() + ".admin";
    notice(
        owner,
        communityId,
        "EVERYONE",
        name + "每周通报会",
        "本周四晚7点在先锋驿站召开通报会，党总支、业委会、居监会、业主代表和党员代表参加，欢迎居民旁听。",
        author,
        3);
    notice(owner, communityId, "EVERYONE", "垃圾分类宣传周", "党员志愿者将上门宣传垃圾分类，请各户配合。", author, 2);
    notice(
        owner, communityId, "PARTY_MEMBERS", "主题党日活动报名", "本月主题党日活动开始报名，在职党员、银辉党员均可参加。", author, 1);
    notice(owner, communityId, "STAFF", "地下车库渗水处理进展", "业委会已联系物业排查香樟树根系破坏排水管问题，居监会跟进监督。", author, 0);
  }

  private static void notice(
      Connection owner,
      UUID communityId,
      String audience,
      String title,
      String body,
      String author,
      int daysAgo)
      throws SQLException {
    update(
        owner,
        "INSERT INTO rg.notice (community_id, id, title, body, audience, author_id, author_name,"
            + " published_at) VALUES (?, ?, ?, ?, ?, ?, ?, now() - make_interval(days => ?))",
        communityId,
        Ids.newId(),
        title,
        body,
        audience,
        author,
        author,
        daysAgo);
  }

  private static void update(Connection connection, String sql, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    }
  }
}
