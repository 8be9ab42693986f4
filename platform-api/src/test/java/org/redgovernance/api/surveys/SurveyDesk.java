package org.redgovernance.api.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.redgovernance.api.support.Rows;
import org.redgovernance.testing.GraphQlHttp;
import org.redgovernance.testing.GraphQlResult;

/**
 * What the survey tests do over and over: set up a survey of three questions (a required 1–5 scale,
 * a required choice of three, an optional text), answer it as a resident, and add the answers of
 * other residents behind the API's back (the demo realm has one resident login per community, and
 * results need five).
 */
final class SurveyDesk {

  static final String SURVEY_FIELDS =
      "id title status streetWide streetSurveyId answeredByMe respondents version community { key }"
          + " questions { position kind text options required }";

  static final String RESULTS =
      "results { respondents residents responseRate suppressed score questions { question {"
          + " position kind } answers suppressed mean options { option count } texts } }";

  static final List<Map<String, Object>> QUESTIONS =
      List.of(
          Map.of("kind", "SCALE", "text", "您对社区环境满意吗？"),
          Map.of("kind", "CHOICE", "text", "您最关心哪件事？", "options", List.of("停车", "绿化", "垃圾分类")),
          Map.of("kind", "TEXT", "text", "您还有什么建议？", "required", false));

  private final GraphQlHttp graphql;

  SurveyDesk(GraphQlHttp graphql) {
    this.graphql = graphql;
  }

  /** A survey open now for a week, set up by {@code admin} in {@code community}; its global id. */
  String open(String admin, String community, String title) {
    GraphQlResult made =
        graphql
            .query(
                "mutation($input: CreateSurveyInput!) { createSurvey(input: $input) { survey { "
                    + SURVEY_FIELDS
                    + " } errors { code message field } } }")
            .as(admin)
            .variable(
                "input",
                Map.of(
                    "communityKey",
                    community,
                    "title",
                    title,
                    "closesAt",
                    OffsetDateTime.now().plusDays(7).toString(),
                    "questions",
                    QUESTIONS))
            .execute();
    assertThat(made.data("createSurvey.errors").isEmpty()).as("%s", made).isTrue();
    return made.data("createSurvey.survey.id").asString();
  }

  GraphQlResult answer(String resident, String survey, List<Map<String, Object>> answers) {
    return graphql
        .query(
            "mutation($input: AnswerSurveyInput!) { answerSurvey(input: $input) { survey { "
                + SURVEY_FIELDS
                + " } errors { code message field } } }")
        .as(resident)
        .variable("input", Map.of("id", survey, "answers", answers))
        .execute();
  }

  /** Closes the survey now, as its admin or secretary (or the street's admin) does. */
  void close(String user, String survey) {
    GraphQlResult closed =
        graphql
            .query(
                "mutation($input: CloseSurveyInput!) { closeSurvey(input: $input) { errors {"
                    + " code } } }")
            .as(user)
            .variable("input", Map.of("id", survey))
            .execute();
    assertThat(closed.data("closeSurvey.errors").isEmpty()).as("%s", closed).isTrue();
  }

  GraphQlResult read(String user, String survey, String selection) {
    return graphql
        .query("query($id: ID!) { node(id: $id) { ... on Survey { " + selection + " } } }")
        .as(user)
        .variable("id", survey)
        .execute();
  }

  static List<Map<String, Object>> answers(int score, int choice, String text) {
    return text == null
        ? List.of(Map.of("position", 1, "score", score), Map.of("position", 2, "choice", choice))
        : List.of(
            Map.of("position", 1, "score", score),
            Map.of("position", 2, "choice", choice),
            Map.of("position", 3, "text", text));
  }

  /**
   * The answers of {@code count} other residents of the survey's community who live there, written
   * as answerSurvey writes them: each scored {@code score}, chose {@code choice}, and (when given)
   * wrote {@code text}.
   */
  static void othersAnswer(String title, int count, int score, int choice, String text) {
    int added =
        Rows.update(
            "INSERT INTO rg.survey_participation (community_id, survey_id, resident_id)"
                + " SELECT s.community_id, s.id, r.id FROM rg.survey s JOIN rg.resident r"
                + " ON r.community_id = s.community_id AND r.status = 'ACTIVE'"
                + " WHERE s.title = ? AND NOT EXISTS (SELECT 1 FROM rg.resident_account a"
                + " WHERE a.community_id = r.community_id AND a.resident_id = r.id)"
                + " AND NOT EXISTS (SELECT 1 FROM rg.survey_participation p"
                + " WHERE p.community_id = s.community_id AND p.survey_id = s.id"
                + " AND p.resident_id = r.id) ORDER BY r.id LIMIT ?",
            title,
            count);
    assertThat(added).isEqualTo(count);
    for (int i = 0; i < count; i++) {
      Rows.update(
          "INSERT INTO rg.survey_answer (community_id, survey_id, position, score)"
              + " SELECT community_id, id, 1, ? FROM rg.survey WHERE title = ?",
          score,
          title);
      Rows.update(
          "INSERT INTO rg.survey_answer (community_id, survey_id, position, choice)"
              + " SELECT community_id, id, 2, ? FROM rg.survey WHERE title = ?",
          choice,
          title);
      if (text != null) {
        Rows.update(
            "INSERT INTO rg.survey_answer (community_id, survey_id, position, text)"
                + " SELECT community_id, id, 3, ? FROM rg.survey WHERE title = ?",
            text + " " + i,
            title);
      }
    }
  }

  static long storedAnswers(String title) {
    return Rows.count(
        "SELECT count(*) FROM rg.survey_answer a JOIN rg.survey s"
            + " ON s.community_id = a.community_id AND s.id = a.survey_id WHERE s.title = ?",
        title);
  }
}
