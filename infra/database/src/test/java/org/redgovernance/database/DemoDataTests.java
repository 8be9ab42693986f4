package org.redgovernance.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Baiguoshu's demo roster reproduces the figures of the seed report. */
class DemoDataTests {

  private static Connection owner;

  @BeforeAll
  static void loadTwice() throws SQLException {
    owner = SharedTestDatabase.get().connectAsOwner();
    PersonalDataCipher cipher = PersonalDataCipher.fromBase64(PersonalDataCipher.generateKey());
    long started = System.nanoTime();
    DemoData.load(owner, cipher);
    System.out.printf("Demo data loaded in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    DemoData.load(owner, cipher);
    // Test-only: the owner is bound by row-level security too, so this connection sees every
    // community for the rest of the class. Application code only ever sets it per transaction.
    owner
        .createStatement()
        .executeQuery(
            "SELECT set_config('rg.community_ids', (SELECT array_agg(id)::text FROM rg.community), false)")
        .close();
  }

  @Test
  void baiguoshu_hasAbout700HouseholdsAnd2500Residents() throws SQLException {
    assertThat(
            count(
                "SELECT count(*) FROM rg.household h JOIN rg.community c ON c.id = h.community_id WHERE c.key = 'baiguoshu'"))
        .isBetween(700L, 720L);
    assertThat(
            count(
                "SELECT count(*) FROM rg.resident r JOIN rg.community c ON c.id = r.community_id WHERE c.key = 'baiguoshu'"))
        .isBetween(2300L, 2700L);
  }

  @Test
  void baiguoshu_has338PartyMembersOfAllThreeKinds() throws SQLException {
    assertThat(
            count(
                "SELECT count(*) FROM rg.party_member p JOIN rg.community c ON c.id = p.community_id WHERE c.key = 'baiguoshu'"))
        .isEqualTo(338);
    assertThat(
            count(
                "SELECT count(DISTINCT kind) FROM rg.party_member p JOIN rg.community c ON c.id = p.community_id WHERE c.key = 'baiguoshu'"))
        .isEqualTo(3);
  }

  @Test
  void baiguoshu_ownersCommitteeHas6PartyMembersOf7_andTheSupervisoryCommittee3Of3()
      throws SQLException {
    assertThat(bodyFigures("OWNERS_COMMITTEE")).isEqualTo("7/6");
    assertThat(bodyFigures("SUPERVISORY_COMMITTEE")).isEqualTo("3/3");
  }

  @Test
  void baishalu_hasAStreetWideSurvey_answeredInBaiguoshuAndXinhua_once() throws SQLException {
    assertThat(
            count(
                "SELECT count(*) FROM rg.survey WHERE street_survey_id = '"
                    + DemoSurveys.STREET_SURVEY
                    + "'"))
        .isEqualTo(2);
    assertThat(
            count(
                "SELECT count(*) FROM rg.survey_participation p JOIN rg.community c"
                    + " ON c.id = p.community_id WHERE c.key = 'baiguoshu'"))
        .isEqualTo(64);
    assertThat(
            count(
                "SELECT count(*) FROM rg.survey_participation p JOIN rg.community c"
                    + " ON c.id = p.community_id WHERE c.key = 'xinhua'"))
        .isEqualTo(23);
    // every respondent answered the three required questions; the demo logins did not answer
    assertThat(
            count(
                "SELECT count(*) FROM rg.survey_answer a JOIN rg.community c"
                    + " ON c.id = a.community_id WHERE c.key = 'baiguoshu' AND a.position <= 3"))
        .isEqualTo(64 * 3);
    assertThat(
            count(
                "SELECT count(*) FROM rg.survey_participation p JOIN rg.resident_account a"
                    + " ON a.community_id = p.community_id AND a.resident_id = p.resident_id"))
        .isZero();
    assertThat(
            count(
                "SELECT round(avg(a.score) * 10) FROM rg.survey_answer a JOIN rg.community c"
                    + " ON c.id = a.community_id WHERE c.key = 'baiguoshu' AND a.position = 1"))
        .isGreaterThan(
            count(
                "SELECT round(avg(a.score) * 10) FROM rg.survey_answer a JOIN rg.community c"
                    + " ON c.id = a.community_id WHERE c.key = 'xinhua' AND a.position = 1"));
  }

  @Test
  void baishalu_rollsTheModelOut_baiguoshuAsRoutine_xinhuaPiloting_withAnOverdueAction()
      throws SQLException {
    assertThat(
            count(
                "SELECT count(*) FROM rg.rollout_project WHERE id = '" + DemoRollout.PROJECT + "'"))
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT count(*) FROM rg.rollout_participant p JOIN rg.community c"
                    + " ON c.id = p.community_id WHERE c.key = 'baiguoshu' AND p.stage = 'ROUTINE'"))
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT count(*) FROM rg.rollout_participant p JOIN rg.community c"
                    + " ON c.id = p.community_id WHERE c.key = 'xinhua' AND p.stage = 'PILOTING'"))
        .isEqualTo(1);
    assertThat(count("SELECT count(*) FROM rg.rollout_stage_change")).isEqualTo(7);
    assertThat(count("SELECT count(*) FROM rg.rollout_review_value")).isEqualTo(8);
    assertThat(
            count(
                "SELECT count(*) FROM rg.rollout_action WHERE done_on IS NULL"
                    + " AND due_on < current_date"))
        .isEqualTo(1);
  }

  @Test
  void loadingTwice_createsNoDuplicates() throws SQLException {
    assertThat(
            count(
                "SELECT count(*) FROM rg.governance_body b JOIN rg.community c ON c.id = b.community_id WHERE c.key = 'baiguoshu'"))
        .isEqualTo(5);
  }

  @Test
  void baiguoshu_garageLeak_wentTheWholeWayAndWasRatedFive() throws SQLException {
    String leak =
        "(SELECT m.id FROM rg.matter m JOIN rg.community c ON c.id = m.community_id"
            + " WHERE c.key = 'baiguoshu' AND m.title = '地下车库渗水')";
    assertThat(count("SELECT rating FROM rg.matter WHERE id = " + leak)).isEqualTo(5);
    assertThat(
            count(
                "SELECT count(*) FROM rg.matter_event WHERE matter_id = "
                    + leak
                    + " AND to_status IN ('REPORTED', 'ACCEPTED', 'SCHEDULED', 'IN_PROGRESS',"
                    + " 'RESOLVED', 'VERIFIED', 'CLOSED')"))
        .isEqualTo(7);
  }

  @Test
  void demoResidents_areLinkedToTheirLogins_andMattersSpanSeveralWeeks() throws SQLException {
    assertThat(count("SELECT count(*) FROM rg.resident_account")).isEqualTo(3);
    assertThat(
            count(
                "SELECT extract(day FROM max(reported_at) - min(reported_at))::bigint"
                    + " FROM rg.matter m JOIN rg.community c ON c.id = m.community_id"
                    + " WHERE c.key = 'baiguoshu'"))
        .isGreaterThanOrEqualTo(28);
  }

  @Test
  void baiguoshu_garageLeak_wasHeardAtAWeeklyBriefingAttendedByAllFiveBodies() throws SQLException {
    String meeting =
        "(SELECT a.meeting_id FROM rg.agenda_item a JOIN rg.matter m"
            + " ON m.community_id = a.community_id AND m.id = a.matter_id"
            + " WHERE m.title = '地下车库渗水')";
    assertThat(
            count(
                "SELECT count(DISTINCT body_id) FROM rg.attendance"
                    + " WHERE status = 'PRESENT' AND meeting_id = "
                    + meeting))
        .isEqualTo(5);
    assertThat(
            count(
                "SELECT count(*) FROM rg.meeting WHERE kind = 'WEEKLY_BRIEFING' AND status = 'HELD'"
                    + " AND id = "
                    + meeting))
        .isEqualTo(1);
  }

  private static String bodyFigures(String kind) throws SQLException {
    String sql =
        """
        SELECT count(*) || '/' || count(*) FILTER (WHERE m.party_member_id IS NOT NULL
                OR EXISTS (SELECT 1 FROM rg.party_member p
                            WHERE p.community_id = m.community_id AND p.resident_id = m.resident_id))
          FROM rg.body_membership m
          JOIN rg.body_term t ON t.community_id = m.community_id AND t.id = m.term_id
          JOIN rg.governance_body b ON b.community_id = t.community_id AND b.id = t.body_id
          JOIN rg.community c ON c.id = b.community_id
         WHERE c.key = 'baiguoshu' AND b.kind = ?
        """;
    try (PreparedStatement query = owner.prepareStatement(sql)) {
      query.setString(1, kind);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getString(1);
      }
    }
  }

  private static long count(String sql) throws SQLException {
    try (PreparedStatement query = owner.prepareStatement(sql);
        ResultSet row = query.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }
}
