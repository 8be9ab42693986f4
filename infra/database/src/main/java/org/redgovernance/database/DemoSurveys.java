package org.redgovernance.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The demo's street-wide satisfaction survey (获得感、幸福感) of 白沙路街道: opened a month ago, open for
 * another month, in Baiguoshu and Xinhua, with the answers of residents who have no login (the demo
 * residents with logins may still answer it). Baiguoshu's residents are the more satisfied, as the
 * seed report tells. Loaded with the rest of the demo; idempotent (the street survey's id is
 * fixed).
 */
final class DemoSurveys {

  static final UUID STREET_SURVEY = UUID.fromString("d3e00000-0000-4000-8000-0000000000a1");

  /** How many residents of each community answered, and how satisfied they lean (1 to 5). */
  private record Turnout(String community, int respondents, double lean) {}

  private static final List<Turnout> TURNOUT =
      List.of(new Turnout("baiguoshu", 64, 4.3), new Turnout("xinhua", 23, 3.7));

  private static final String[] QUESTIONS = {
    "您对社区“红色治家”工作总体满意吗？", "您对“居民说事”反映问题的办理结果满意吗？", "您觉得社区最需要改进的是哪方面？", "您对社区治理还有什么意见和建议？"
  };

  private static final String[] OPTIONS = {"停车管理", "环境卫生", "邻里关系", "为老服务"};

  private static final String[] SUGGESTIONS = {
    "希望增加夜间巡逻，外来车辆管得再严一些。",
    "通报会能不能也在周末开一次，上班族参加不了。",
    "垃圾分类督导员辛苦了，希望继续坚持。",
    "建议在中心花园多装几盏路灯。",
    "党员志愿者上门服务很暖心。"
  };

  private final Connection owner;

  DemoSurveys(Connection owner) {
    this.owner = owner;
  }

  void load() throws SQLException {
    for (Turnout turnout : TURNOUT) {
      UUID community = DemoData.communityId(owner, turnout.community());
      UUID survey = Ids.newId();
      int made =
          update(
              "INSERT INTO rg.survey (community_id, id, street_survey_id, title, description,"
                  + " opens_at, closes_at, author_id, author_name)"
                  + " VALUES (?, ?, ?, ?, ?, now() - interval '60 days', now() - interval '30 days',"
                  + " 'baishalu.admin', '白沙路街道') ON CONFLICT (community_id, street_survey_id)"
                  + " DO NOTHING",
              community,
              survey,
              STREET_SURVEY,
              "2026年白沙路街道居民获得感幸福感调查",
              "街道把“红色治家”作为书记项目推广，想听听您的感受。问卷匿名，结果只以汇总形式公布。");
      if (made == 0) {
        continue;
      }
      questions(community, survey);
      answers(community, survey, turnout);
    }
  }

  private void questions(UUID community, UUID survey) throws SQLException {
    for (int i = 0; i < QUESTIONS.length; i++) {
      String kind = i < 2 ? "SCALE" : i == 2 ? "CHOICE" : "TEXT";
      update(
          "INSERT INTO rg.survey_question (community_id, survey_id, position, kind, text, options,"
              + " required) VALUES (?, ?, ?, ?, ?, ?, ?)",
          community,
          survey,
          i + 1,
          kind,
          QUESTIONS[i],
          owner.createArrayOf("text", "CHOICE".equals(kind) ? OPTIONS : new String[0]),
          !"TEXT".equals(kind));
    }
  }

  /** The turnout's residents (without a login) and their answers, each answer alone. */
  private void answers(UUID community, UUID survey, Turnout turnout) throws SQLException {
    List<UUID> residents = new ArrayList<>();
    try (PreparedStatement query =
        owner.prepareStatement(
            "SELECT r.id FROM rg.resident r WHERE r.community_id = ? AND r.status = 'ACTIVE'"
                + " AND NOT EXISTS (SELECT 1 FROM rg.resident_account a"
                + " WHERE a.community_id = r.community_id AND a.resident_id = r.id)"
                + " ORDER BY r.name, r.id LIMIT ?")) {
      query.setObject(1, community);
      query.setInt(2, turnout.respondents());
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          residents.add(rows.getObject(1, UUID.class));
        }
      }
    }
    Random random = new Random(turnout.community().hashCode());
    for (int i = 0; i < residents.size(); i++) {
      update(
          "INSERT INTO rg.survey_participation (community_id, survey_id, resident_id)"
              + " VALUES (?, ?, ?)",
          community,
          survey,
          residents.get(i));
      answer(community, survey, 1, "score", score(random, turnout.lean()));
      answer(community, survey, 2, "score", score(random, turnout.lean() - 0.2));
      answer(community, survey, 3, "choice", 1 + random.nextInt(OPTIONS.length));
      if (i % 4 == 0) {
        answer(community, survey, 4, "text", SUGGESTIONS[(i / 4) % SUGGESTIONS.length]);
      }
    }
  }

  private static int score(Random random, double lean) {
    return (int) Math.max(1, Math.min(5, Math.round(lean + random.nextGaussian() * 0.8)));
  }

  private void answer(UUID community, UUID survey, int position, String column, Object value)
      throws SQLException {
    update(
        "INSERT INTO rg.survey_answer (community_id, survey_id, position, "
            + column
            + ") VALUES (?, ?, ?, ?)",
        community,
        survey,
        position,
        value);
  }

  private int update(String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = owner.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    }
  }
}
