package org.redgovernance.database;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A plausible roster for a demo community, generated deterministically from its key: grids,
 * buildings, households, residents with encrypted phone and ID-card numbers, party members of the
 * three kinds, the five governance bodies with a current term and members, service posts and a
 * partner. Baiguoshu is generated at the scale of the seed report (about 700 households, 338 party
 * members, an owners' committee of 7 with 6 party members, a supervisory committee of 3 party
 * members).
 */
public final class DemoRoster {

  /** How big a demo community is. */
  public record Scale(int grids, int buildings, int households, int partyMembers) {}

  /** Baiguoshu's size in the seed report: 708 households, 338 party members. */
  public static final Scale BAIGUOSHU = new Scale(6, 30, 708, 338);

  private static final String[] SURNAMES =
      "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 罗 高 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 沈 叶 孙 蒋 傅".split(" ");
  private static final String[] GIVEN =
      "伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀英 霞 平 刚 桂英 建国 海燕 国强 志明 晓东 丽华 春梅 建华".split(" ");
  private static final String[] SPECIALTIES = "法律咨询 医疗护理 文艺 水电维修 心理疏导 书法 教育辅导 财务 摄影 园艺".split(" ");

  private final Connection owner;
  private final PersonalDataCipher cipher;
  private final UUID community;
  private final Random random;

  public DemoRoster(Connection owner, PersonalDataCipher cipher, UUID community, String key) {
    this.owner = owner;
    this.cipher = cipher;
    this.community = community;
    this.random = new Random(key.hashCode());
  }

  static Scale scaleOf(String key) {
    return "baiguoshu".equals(key) ? BAIGUOSHU : new Scale(2, 6, 96, 40);
  }

  public boolean alreadyLoaded() throws SQLException {
    try (PreparedStatement query =
        owner.prepareStatement("SELECT count(*) FROM rg.household WHERE community_id = ?")) {
      query.setObject(1, community);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1) > 0;
      }
    }
  }

  public void load(Scale scale) throws SQLException {
    List<UUID> grids = new ArrayList<>();
    try (PreparedStatement insert =
        owner.prepareStatement(
            "INSERT INTO rg.grid (community_id, id, name, party_branch_name, worker_name)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      for (int g = 1; g <= scale.grids(); g++) {
        UUID id = Ids.newId();
        grids.add(id);
        batch(insert, community, id, "第" + g + "网格", "第" + g + "网格支部", name());
      }
      insert.executeBatch();
    }

    List<UUID> buildings = new ArrayList<>();
    List<UUID> buildingGrid = new ArrayList<>();
    try (PreparedStatement insert =
        owner.prepareStatement(
            "INSERT INTO rg.building (community_id, id, number, units, grid_id) VALUES (?, ?, ?, ?, ?)")) {
      for (int b = 1; b <= scale.buildings(); b++) {
        UUID id = Ids.newId();
        UUID grid = grids.get((b - 1) * grids.size() / scale.buildings());
        buildings.add(id);
        buildingGrid.add(grid);
        batch(insert, community, id, b + "幢", 2, grid);
      }
      insert.executeBatch();
    }

    List<UUID> households = new ArrayList<>();
    List<UUID> householdGrid = new ArrayList<>();
    int perBuilding = (scale.households() + scale.buildings() - 1) / scale.buildings();
    try (PreparedStatement insert =
        owner.prepareStatement(
            "INSERT INTO rg.household (community_id, id, building_id, unit, room, grid_id)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      for (int h = 0; h < scale.households(); h++) {
        int b = h / perBuilding;
        int n = h % perBuilding;
        UUID id = Ids.newId();
        households.add(id);
        householdGrid.add(buildingGrid.get(b));
        int unit = n % 2 + 1;
        int room = (n / 4 + 1) * 100 + n / 2 % 2 + 1;
        batch(
            insert,
            community,
            id,
            buildings.get(b),
            Integer.toString(unit),
            Integer.toString(room),
            buildingGrid.get(b));
      }
      insert.executeBatch();
    }

    // Residents: three or four a household, the first of each an owner; a few moved out.
    List<UUID> residents = new ArrayList<>();
    List<Integer> residentHousehold = new ArrayList<>();
    List<Integer> residentBirthYear = new ArrayList<>();
    try (PreparedStatement insert =
        owner.prepareStatement(
            "INSERT INTO rg.resident (community_id, id, household_id, name, gender, birth_year,"
                + " phone_cipher, phone_hash, phone_masked, id_card_cipher, id_card_hash, id_card_masked,"
                + " owner, moved_in_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int serial = 0;
      for (int h = 0; h < households.size(); h++) {
        int members = 3 + (random.nextInt(10) < 5 ? 1 : 0);
        for (int m = 0; m < members; m++) {
          UUID id = Ids.newId();
          boolean female = random.nextBoolean();
          int birthYear = m < 2 ? 1945 + random.nextInt(40) : 1990 + random.nextInt(30);
          String idCard = idCard(birthYear, female, serial++);
          String phone =
              "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
          residents.add(id);
          residentHousehold.add(h);
          residentBirthYear.add(birthYear);
          batch(
              insert,
              community,
              id,
              households.get(h),
              name(),
              female ? "FEMALE" : "MALE",
              birthYear,
              cipher.encrypt(phone),
              cipher.lookupHash(phone),
              PhoneNumbers.mask(phone),
              cipher.encrypt(idCard),
              cipher.lookupHash(idCard),
              IdCardNumbers.mask(idCard),
              m == 0,
              Date.valueOf(LocalDate.of(2005 + random.nextInt(18), 1 + random.nextInt(12), 1)));
        }
      }
      insert.executeBatch();
    }

    // Party members: one in the first households (the "almost every household has one" of the
    // report), of the three kinds, plus a few in-service members from outside.
    List<UUID> partyMembers = new ArrayList<>();
    List<UUID> partyResidents = new ArrayList<>();
    int outsiders = Math.max(2, scale.partyMembers() / 20);
    try (PreparedStatement insert =
        owner.prepareStatement(
            "INSERT INTO rg.party_member (community_id, id, resident_id, name, kind, workplace,"
                + " joined_on, grid_id, specialties) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int fromResidents = scale.partyMembers() - outsiders;
      int r = 0;
      for (int p = 0; p < fromResidents; p++) {
        while (residentHousehold.get(r) < p * households.size() / fromResidents) {
          r++;
        }
        UUID id = Ids.newId();
        boolean retired = residentBirthYear.get(r) < 1965;
        partyMembers.add(id);
        partyResidents.add(residents.get(r));
        batch(
            insert,
            community,
            id,
            residents.get(r),
            null,
            retired ? "SILVER" : (p % 7 == 0 ? "IN_SERVICE" : "REGISTERED"),
            retired || p % 7 != 0 ? null : "宁波市某单位",
            Date.valueOf(LocalDate.of(1970 + random.nextInt(50), 7, 1)),
            householdGrid.get(residentHousehold.get(r)),
            owner.createArrayOf("text", specialties()));
        r++;
      }
      for (int o = 0; o < outsiders; o++) {
        UUID id = Ids.newId();
        partyMembers.add(id);
        partyResidents.add(null);
        batch(
            insert,
            community,
            id,
            null,
            name(),
            "IN_SERVICE",
            "慈溪市机关事业单位",
            Date.valueOf(LocalDate.of(2000 + random.nextInt(20), 7, 1)),
            null,
            owner.createArrayOf("text", specialties()));
      }
      insert.executeBatch();
    }

    bodies(partyMembers, partyResidents, residents);
    postsAndPartner();
  }

  private void bodies(List<UUID> partyMembers, List<UUID> partyResidents, List<UUID> residents)
      throws SQLException {
    String[][] kinds = {
      {"PARTY_BRANCH", "社区党总支"},
      {"OWNERS_COMMITTEE", "业主委员会"},
      {"SUPERVISORY_COMMITTEE", "居民监督委员会"},
      {"OWNER_REPRESENTATIVES", "业主代表"},
      {"PARTY_MEMBERS", "党员"}
    };
    LocalDate starts = LocalDate.of(2024, 1, 1);
    LocalDate ends = LocalDate.of(2028, 12, 31);
    // members per body: how many, and how many of them party members (the party members' body
    // seats its representatives, 党员代表, who attend the weekly briefing)
    int[][] sizes = {{5, 5}, {7, 6}, {3, 3}, {21, 9}, {8, 8}};
    int nextParty = 0;
    int nextResident = residents.size() - 1;
    for (int k = 0; k < kinds.length; k++) {
      UUID body = Ids.newId();
      UUID term = Ids.newId();
      update(
          "INSERT INTO rg.governance_body (community_id, id, kind, name) VALUES (?, ?, ?, ?)",
          community,
          body,
          kinds[k][0],
          kinds[k][1]);
      update(
          "INSERT INTO rg.body_term (community_id, id, body_id, number, starts_on, ends_on) VALUES (?, ?, ?, ?, ?, ?)",
          community,
          term,
          body,
          3,
          Date.valueOf(starts),
          Date.valueOf(ends));
      try (PreparedStatement insert =
          owner.prepareStatement(
              "INSERT INTO rg.body_membership (community_id, id, term_id, resident_id, party_member_id,"
                  + " position, from_on) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        for (int m = 0; m < sizes[k][0]; m++) {
          String position = m == 0 ? "CHAIR" : m == 1 ? "VICE_CHAIR" : "MEMBER";
          if (m < sizes[k][1]) {
            int p = nextParty++ % partyMembers.size();
            UUID resident = partyResidents.get(p);
            batch(
                insert,
                community,
                Ids.newId(),
                term,
                resident,
                resident == null ? partyMembers.get(p) : null,
                position,
                Date.valueOf(starts));
          } else {
            batch(
                insert,
                community,
                Ids.newId(),
                term,
                residents.get(nextResident--),
                null,
                position,
                Date.valueOf(starts));
          }
        }
        insert.executeBatch();
      }
    }
  }

  private void postsAndPartner() throws SQLException {
    update(
        "INSERT INTO rg.service_post (community_id, id, kind, name, address, opening_hours, capacity) VALUES"
            + " (?, ?, 'PIONEER_POST', '先锋驿站', '社区服务中心一楼', '周一至周日 8:30-20:00', 40),"
            + " (?, ?, 'HEALTH_HALL', '健康生活馆', '社区服务中心二楼', '周一至周五 9:00-17:00', 30),"
            + " (?, ?, 'GRID_BRANCH', '第一网格支部活动室', '1幢架空层', '周四 19:00-21:00', 20)",
        community,
        Ids.newId(),
        community,
        Ids.newId(),
        community,
        Ids.newId());
    update(
        "INSERT INTO rg.partner_organization (community_id, id, name, kind, contact, agreement_from, agreement_to)"
            + " VALUES (?, ?, '宁波大学科学技术学院学生党支部', 'UNIVERSITY', '学生党支部书记', ?, ?)",
        community,
        Ids.newId(),
        Date.valueOf(LocalDate.of(2019, 3, 1)),
        Date.valueOf(LocalDate.of(2027, 2, 28)));
  }

  private String[] specialties() {
    int count = random.nextInt(3);
    List<String> chosen = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String s = SPECIALTIES[random.nextInt(SPECIALTIES.length)];
      if (!chosen.contains(s)) {
        chosen.add(s);
      }
    }
    return chosen.toArray(String[]::new);
  }

  private String name() {
    return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
  }

  /** A valid ID-card number of Cixi (330282) for this birth year; unique through the serial. */
  private String idCard(int birthYear, boolean female, int serial) {
    int sequence = (serial % 500) * 2 + (female ? 0 : 1);
    String first17 =
        String.format(
            "330282%04d%02d%02d%03d",
            birthYear, 1 + serial / 500 % 12, 1 + serial / 6000 % 28, sequence % 1000);
    return first17 + IdCardNumbers.checkCharacter(first17);
  }

  private void update(String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = owner.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    }
  }

  private static void batch(PreparedStatement statement, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
    statement.addBatch();
  }
}
