package org.redgovernance.api.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
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
}
