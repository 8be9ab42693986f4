package org.redgovernance.api.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.api.support.Rows;
import org.redgovernance.testing.GraphQlResult;
import tools.jackson.databind.JsonNode;

/**
 * A street-wide survey as the street office relies on it: launched by the street's admin in every
 * community of the street at once, answered by each community's residents in their own copy, closed
 * only by the street.
 */
class StreetSurveysIntegrationTests extends IntegrationTest {

  private GraphQlResult launch(String user, String street, String title, Object closesAt) {
    return graphql
        .query(
            "mutation($input: LaunchStreetSurveyInput!) { launchStreetSurvey(input: $input) {"
                + " surveys { "
                + SurveyDesk.SURVEY_FIELDS
                + " } errors { code message field } } }")
        .as(user)
        .variable(
            "input",
            Map.of(
                "streetKey",
                street,
                "title",
                title,
                "closesAt",
                closesAt,
                "questions",
                SurveyDesk.QUESTIONS))
        .execute();
  }

  private static long surveysTitled(String title) {
    return Rows.count("SELECT count(*) FROM rg.survey WHERE title = ?", title);
  }

  @Test
  void theStreetAdmin_launchesOneSurvey_inEveryCommunityOfTheStreet() {
    String title = "街道满意度 " + UUID.randomUUID();
    GraphQlResult launched =
        launch("baishalu.admin", "baishalu", title, OffsetDateTime.now().plusDays(14).toString());
    assertThat(launched.data("launchStreetSurvey.errors").isEmpty()).as("%s", launched).isTrue();
    JsonNode surveys = launched.data("launchStreetSurvey.surveys");
    assertThat(surveys.findValuesAsString("key")).containsExactly("baiguoshu", "xinhua");
    assertThat(surveys.get(0).path("streetWide").asBoolean()).isTrue();
    assertThat(surveys.get(0).path("streetSurveyId").asString())
        .isNotBlank()
        .isEqualTo(surveys.get(1).path("streetSurveyId").asString());
    assertThat(Rows.count("SELECT count(*) FROM rg.audit_event WHERE action = 'survey.launched'"))
        .isGreaterThanOrEqualTo(2);

    String baiguoshu = surveys.get(0).path("id").asString();
    String xinhua = surveys.get(1).path("id").asString();
    SurveyDesk desk = new SurveyDesk(graphql);
    assertThat(
            desk.answer("baiguoshu.resident", baiguoshu, SurveyDesk.answers(4, 1, null))
                .data("answerSurvey.errors")
                .isEmpty())
        .isTrue();
    assertThat(
            desk.answer("xinhua.resident", xinhua, SurveyDesk.answers(2, 3, null))
                .data("answerSurvey.errors")
                .isEmpty())
        .isTrue();
    assertThat(desk.read("xinhua.admin", baiguoshu, "id").data("node").isNull()).isTrue();
    assertThat(
            desk.read("baishalu.viewer", baiguoshu, SurveyDesk.RESULTS)
                .data("node.results.respondents")
                .asInt())
        .isEqualTo(1);
  }

  @Test
  void onlyTheStreetsAdmin_launches_andARefusalMakesNothingAnywhere() {
    String title = "不该有 " + UUID.randomUUID();
    String closes = OffsetDateTime.now().plusDays(14).toString();
    Map<String, String> refusals =
        Map.of(
            "baishalu.viewer", "FORBIDDEN",
            "baiguoshu.admin", "FORBIDDEN",
            "gutang.admin", "NOT_FOUND",
            "baiguoshu.resident", "FORBIDDEN");
    refusals.forEach(
        (user, code) -> {
          GraphQlResult refused = launch(user, "baishalu", title, closes);
          assertThat(refused.data("launchStreetSurvey.errors").get(0).path("code").asString())
              .as(user)
              .isEqualTo(code);
          assertThat(refused.data("launchStreetSurvey.surveys").isEmpty()).isTrue();
        });
    GraphQlResult invalid =
        launch("baishalu.admin", "baishalu", title, OffsetDateTime.now().minusDays(1).toString());
    assertThat(invalid.data("launchStreetSurvey.errors").get(0).path("field").toString())
        .contains("closesAt");
    assertThat(invalid.data("launchStreetSurvey.surveys").isEmpty()).isTrue();
    assertThat(surveysTitled(title)).isZero();
  }

  @Test
  void aCommunitysCopy_ofAStreetSurvey_isClosedByTheStreet_notByTheCommunity() {
    String title = "街道关闭 " + UUID.randomUUID();
    JsonNode surveys =
        launch("baishalu.admin", "baishalu", title, OffsetDateTime.now().plusDays(14).toString())
            .data("launchStreetSurvey.surveys");
    String baiguoshu = surveys.get(0).path("id").asString();
    String close =
        "mutation($input: CloseSurveyInput!) { closeSurvey(input: $input) { survey { status }"
            + " errors { code } } }";
    GraphQlResult byCommunity =
        graphql
            .query(close)
            .as("baiguoshu.admin")
            .variable("input", Map.of("id", baiguoshu))
            .execute();
    assertThat(byCommunity.data("closeSurvey.errors").get(0).path("code").asString())
        .isEqualTo("FORBIDDEN");
    GraphQlResult byStreet =
        graphql
            .query(close)
            .as("baishalu.admin")
            .variable("input", Map.of("id", baiguoshu))
            .execute();
    assertThat(byStreet.data("closeSurvey.survey.status").asString()).isEqualTo("CLOSED");
    assertThat(
            new SurveyDesk(graphql)
                .read("xinhua.resident", surveys.get(1).path("id").asString(), "status")
                .data("node.status")
                .asString())
        .isEqualTo("OPEN");
  }

  private GraphQlResult streetResults(String user, String streetSurveyId) {
    return graphql
        .query(
            "query($id: ID!) { streetSurveyResults(streetKey: \"baishalu\", streetSurveyId: $id)"
                + " { communities counted respondents residents responseRate score questions {"
                + " question { position } answers mean options { option count } } } }")
        .as(user)
        .variable("id", streetSurveyId)
        .execute();
  }

  @Test
  void theStreetOffice_readsAStreetSurveyAcrossItsCommunities_andNoCommunityDoes() {
    String demo = "d3e00000-0000-4000-8000-0000000000a1";
    JsonNode street = streetResults("baishalu.viewer", demo).data("streetSurveyResults");
    assertThat(street.path("communities").asInt()).isEqualTo(2);
    assertThat(street.path("counted").asInt()).isEqualTo(2);
    assertThat(street.path("respondents").asInt()).isEqualTo(64 + 23);
    double score = street.path("score").asDouble();
    assertThat(score).isBetween(1.0, 5.0);
    JsonNode first = street.path("questions").get(0);
    int chose = 0;
    for (JsonNode option : first.path("options")) {
      chose += option.path("count").asInt();
    }
    assertThat(chose).isEqualTo(first.path("answers").asInt()).isEqualTo(64 + 23);

    for (String nobody : List.of("baiguoshu.admin", "xinhua.admin", "gutang.admin")) {
      assertThat(streetResults(nobody, demo).data("streetSurveyResults").isNull())
          .as(nobody)
          .isTrue();
    }
    assertThat(streetResults("baishalu.admin", "not-an-id").data("streetSurveyResults").isNull())
        .isTrue();
  }

  @Test
  void aCommunityWhoseFiguresAreWithheld_countsNowhereInTheStreets() {
    String title = "差分攻击 " + UUID.randomUUID();
    JsonNode surveys =
        launch("baishalu.admin", "baishalu", title, OffsetDateTime.now().plusDays(14).toString())
            .data("launchStreetSurvey.surveys");
    String baiguoshu = surveys.get(0).path("id").asString();
    String xinhua = surveys.get(1).path("id").asString();
    answeredBy("baiguoshu", baiguoshu, 6, 5);
    answeredBy("xinhua", xinhua, 2, 1);
    Rows.update(
        "UPDATE rg.survey SET closes_at = now() - interval '1 minute', opens_at = now() -"
            + " interval '1 day' WHERE title = ?",
        title);
    JsonNode street =
        streetResults("baishalu.admin", surveys.get(0).path("streetSurveyId").asString())
            .data("streetSurveyResults");
    assertThat(street.path("communities").asInt()).isEqualTo(2);
    assertThat(street.path("counted").asInt()).isEqualTo(1);
    assertThat(street.path("respondents").asInt()).isEqualTo(6);
    assertThat(street.path("score").asDouble()).isEqualTo(5.0);
    assertThat(street.path("questions").get(0).path("answers").asInt()).isEqualTo(6);
    assertThat(street.path("questions").get(0).path("mean").asDouble()).isEqualTo(5.0);
  }

  /** {@code respondents} residents of the community answered the copy's first question so. */
  private static void answeredBy(String community, String copyId, int respondents, int score) {
    String copy = GlobalId.decode(copyId).orElseThrow().id().toString();
    Rows.update(
        "INSERT INTO rg.survey_participation (community_id, survey_id, resident_id)"
            + " SELECT r.community_id, ?::uuid, r.id FROM rg.resident r JOIN rg.community c"
            + " ON c.id = r.community_id WHERE c.key = ? ORDER BY r.id LIMIT ?",
        copy,
        community,
        respondents);
    Rows.update(
        "INSERT INTO rg.survey_answer (community_id, survey_id, position, score)"
            + " SELECT c.id, ?::uuid, 1, ? FROM rg.community c, generate_series(1, ?)"
            + " WHERE c.key = ?",
        copy,
        score,
        respondents,
        community);
  }
}
