package org.redgovernance.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.UUID;

/**
 * The demo's rollout project of 白沙路街道 (书记项目): begun half a year ago, judged by four indicators,
 * with Baiguoshu — where the model comes from — running it as routine, and Xinhua piloting it; each
 * reviewed last quarter, Xinhua with a follow-up action now overdue and one still open. The
 * reviews' figures are the seed report's (338 party members' households of 700). Loaded with the
 * rest of the demo; idempotent (the project's id is fixed).
 */
final class DemoRollout {

  static final UUID PROJECT = UUID.fromString("d3e00000-0000-4000-8000-0000000000b1");

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** An indicator: a metric and its target. */
  private record Indicator(String metric, double target) {}

  private static final List<Indicator> INDICATORS =
      List.of(
          new Indicator("party_household_share", 45),
          new Indicator("matters_overdue_share", 10),
          new Indicator("meetings_per_week", 1),
          new Indicator("satisfaction", 4));

  /** A stage a community reached, so many days ago, and why. */
  private record Step(String stage, int daysAgo, String note) {}

  /** A follow-up action, and whether it is past its due day. */
  private record Action(String description, String ownerName, boolean overdue) {}

  /** A community's part: its steps, and its last quarter's review with its figures. */
  private record Part(
      String community,
      List<Step> steps,
      String rating,
      String findings,
      double[] values,
      List<Action> actions) {}

  private static final List<Part> PARTS =
      List.of(
          new Part(
              "baiguoshu",
              List.of(
                  new Step("PLANNED", 180, "街道党工委确定为书记项目首批社区"),
                  new Step("ONBOARDED", 175, "平台开通，议事机构与网格支部录入完毕"),
                  new Step("PILOTING", 160, "“居民说事”与每周通报会试行"),
                  new Step("ROUTINE", 70, "试点评估通过，转入常态化运行")),
              "EXCELLENT",
              "党员户占比与议事协商机制均走在街道前列，可作为推广样板。",
              new double[] {48.3, 4.2, 1.0, 4.3},
              List.of(new Action("整理推广经验材料报街道", "白果树社区书记", false))),
          new Part(
              "xinhua",
              List.of(
                  new Step("PLANNED", 180, "街道党工委确定为第二批推广社区"),
                  new Step("ONBOARDED", 120, "平台开通，业委会与监委会录入完毕"),
                  new Step("PILOTING", 50, "学习白果树经验，开始每周通报会")),
              "PASS",
              "通报会已起步，但逾期事项偏多，网格党支部尚未全覆盖。",
              new double[] {31.5, 18.0, 0.5, 3.7},
              List.of(
                  new Action("补齐三个网格的党支部书记", "新华社区书记", true),
                  new Action("逾期事项逐件销号并在通报会上说明", "新华社区居委会", false))));

  private final Connection owner;

  DemoRollout(Connection owner) {
    this.owner = owner;
  }

  void load() throws SQLException {
    LocalDate today = LocalDate.now(ZONE);
    UUID street = DemoData.streetIdOf(owner, "baishalu");
    int made =
        update(
            "INSERT INTO rg.rollout_project (street_id, id, name, goal, owner_name, starts_on,"
                + " target_on) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            street,
            PROJECT,
            "红色治家书记项目",
            "把白果树社区“红色治家”经验推广到街道各社区：党建引领、居民说事、每周通报、居民满意。",
            "白沙路街道党工委书记",
            today.minusDays(180),
            today.plusDays(185));
    if (made == 0) {
      return;
    }
    for (int i = 0; i < INDICATORS.size(); i++) {
      update(
          "INSERT INTO rg.rollout_indicator (street_id, project_id, metric_key, position, target)"
              + " VALUES (?, ?, ?, ?, ?)",
          street,
          PROJECT,
          INDICATORS.get(i).metric(),
          i + 1,
          INDICATORS.get(i).target());
    }
    LocalDate lastQuarter = today.minusMonths(3).with(IsoFields.DAY_OF_QUARTER, 1);
    LocalDate reviewedOn = lastQuarter.plusMonths(3).minusDays(5);
    for (Part part : PARTS) {
      UUID community = DemoData.communityId(owner, part.community());
      UUID participant = Ids.newId();
      Step reached = part.steps().get(part.steps().size() - 1);
      update(
          "INSERT INTO rg.rollout_participant (community_id, id, street_id, project_id, stage,"
              + " stage_on) VALUES (?, ?, ?, ?, ?, ?)",
          community,
          participant,
          street,
          PROJECT,
          reached.stage(),
          today.minusDays(reached.daysAgo()));
      for (Step step : part.steps()) {
        update(
            "INSERT INTO rg.rollout_stage_change (community_id, id, participant_id, stage,"
                + " changed_on, note, changed_by_id, changed_by_name, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, 'baishalu.admin', '白沙路街道', now() - ? * interval"
                + " '1 day')",
            community,
            Ids.newId(),
            participant,
            step.stage(),
            today.minusDays(step.daysAgo()),
            step.note(),
            step.daysAgo());
      }
      review(community, participant, part, lastQuarter, reviewedOn);
    }
  }

  private void review(
      UUID community, UUID participant, Part part, LocalDate quarter, LocalDate reviewedOn)
      throws SQLException {
    UUID review = Ids.newId();
    update(
        "INSERT INTO rg.rollout_review (community_id, id, participant_id, quarter, reviewed_on,"
            + " rating, findings, reviewer_id, reviewer_name) VALUES (?, ?, ?, ?, ?, ?, ?,"
            + " 'baishalu.admin', '白沙路街道')",
        community,
        review,
        participant,
        quarter.getYear() + "-Q" + quarter.get(IsoFields.QUARTER_OF_YEAR),
        reviewedOn,
        part.rating(),
        part.findings());
    for (int i = 0; i < INDICATORS.size(); i++) {
      Indicator indicator = INDICATORS.get(i);
      double value = part.values()[i];
      boolean lower = "matters_overdue_share".equals(indicator.metric());
      update(
          "INSERT INTO rg.rollout_review_value (community_id, review_id, metric_key, position,"
              + " target, day, value, sample, sufficient, on_target)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, 700, true, ?)",
          community,
          review,
          indicator.metric(),
          i + 1,
          indicator.target(),
          reviewedOn,
          value,
          lower ? value <= indicator.target() : value >= indicator.target());
    }
    for (int i = 0; i < part.actions().size(); i++) {
      Action action = part.actions().get(i);
      update(
          "INSERT INTO rg.rollout_action (community_id, id, review_id, position, description,"
              + " owner_name, due_on) VALUES (?, ?, ?, ?, ?, ?, ?)",
          community,
          Ids.newId(),
          review,
          i + 1,
          action.description(),
          action.ownerName(),
          action.overdue() ? reviewedOn.plusDays(3) : LocalDate.now(ZONE).plusDays(60));
    }
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
