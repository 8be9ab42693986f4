package org.redgovernance.api.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.api.support.Rows;
import org.redgovernance.testing.GraphQlResult;
import tools.jackson.databind.JsonNode;

/**
 * Residents' satisfaction surveys as the community and the street rely on them: set up by the
 * community's admin, answered once by each resident who lives there, read back by the staff only as
 * aggregates, and withheld under five respondents.
 */
class SurveysIntegrationTests extends IntegrationTest {

  private SurveyDesk desk;

  @BeforeEach
  void desk() {
    desk = new SurveyDesk(graphql);
  }

  @Test
  void aResidentAnswersAnOpenSurvey_once() {
    String title = "环境满意度 " + UUID.randomUUID();
    String survey = desk.open("baiguoshu.admin", "baiguoshu", title);

    JsonNode before =
        desk.read("baiguoshu.resident", survey, SurveyDesk.SURVEY_FIELDS).data("node");
    assertThat(before.path("status").asString()).isEqualTo("OPEN");
    assertThat(before.path("answeredByMe").asBoolean()).isFalse();
    assertThat(before.path("questions").get(1).path("options").size()).isEqualTo(3);
    assertThat(before.path("questions").get(2).path("required").asBoolean()).isFalse();

    GraphQlResult answered =
        desk.answer("baiguoshu.resident", survey, SurveyDesk.answers(4, 2, "多种树"));
    assertThat(answered.data("answerSurvey.errors").isEmpty()).as("%s", answered).isTrue();
    assertThat(answered.data("answerSurvey.survey.answeredByMe").asBoolean()).isTrue();
    assertThat(answered.data("answerSurvey.survey.respondents").asInt()).isEqualTo(1);
    assertThat(SurveyDesk.storedAnswers(title)).isEqualTo(3);

    GraphQlResult again = desk.answer("baiguoshu.resident", survey, SurveyDesk.answers(1, 1, null));
    assertThat(again.data("answerSurvey.errors").get(0).path("code").asString())
        .isEqualTo("CONFLICT");
    assertThat(again.data("answerSurvey.survey").isNull()).isTrue();
    assertThat(SurveyDesk.storedAnswers(title)).isEqualTo(3);
  }

  @Test
  void theSurveysOfACommunity_areListedForItsResidents_theLatestFirst() {
    String title = "列表 " + UUID.randomUUID();
    String survey = desk.open("baiguoshu.admin", "baiguoshu", title);
    GraphQlResult listed =
        graphql
            .query(
                "query { surveys(first: 100, filter: {statuses: [OPEN]}) { totalCount edges {"
                    + " node { id title status community { key } } } } }")
            .as("baiguoshu.resident")
            .execute();
    assertThat(listed.hasErrors()).as("%s", listed).isFalse();
    assertThat(listed.edgeValues("surveys", "id")).contains(survey);
    assertThat(listed.edgeValues("surveys", "status")).containsOnly("OPEN");
    GraphQlResult xinhua =
        graphql
            .query("query { surveys(first: 100) { edges { node { id } } } }")
            .as("xinhua.resident")
            .execute();
    assertThat(xinhua.edgeValues("surveys", "id")).doesNotContain(survey);
  }

  @Test
  void underFiveRespondents_theResultsAreWithheld_fromFiveTheyAreShownAsAggregates_onceClosed() {
    String title = "阈值 " + UUID.randomUUID();
    String survey = desk.open("baiguoshu.admin", "baiguoshu", title);
    desk.answer("baiguoshu.resident", survey, SurveyDesk.answers(5, 1, "加装电梯"));

    JsonNode few = desk.read("baiguoshu.admin", survey, SurveyDesk.RESULTS).data("node.results");
    assertThat(few.path("respondents").asInt()).isEqualTo(1);
    assertThat(few.path("suppressed").asBoolean()).isTrue();
    assertThat(few.path("score").isNull()).isTrue();
    for (JsonNode question : few.path("questions")) {
      assertThat(question.path("suppressed").asBoolean()).isTrue();
      assertThat(question.path("mean").isNull()).isTrue();
      assertThat(question.path("options").isEmpty()).isTrue();
      assertThat(question.path("texts").isEmpty()).isTrue();
    }

    SurveyDesk.othersAnswer(title, 4, 3, 2, "修路");
    JsonNode open = desk.read("baiguoshu.admin", survey, SurveyDesk.RESULTS).data("node.results");
    assertThat(open.path("respondents").asInt()).isEqualTo(5);
    assertThat(open.path("suppressed").asBoolean())
        .as("while open: the next answer's change would give it away")
        .isTrue();
    assertThat(open.path("score").isNull()).isTrue();
    assertThat(open.path("questions").findValues("options")).allMatch(JsonNode::isEmpty);

    desk.close("baiguoshu.admin", survey);
    JsonNode five = desk.read("baiguoshu.admin", survey, SurveyDesk.RESULTS).data("node.results");
    assertThat(five.path("respondents").asInt()).isEqualTo(5);
    assertThat(five.path("suppressed").asBoolean()).isFalse();
    assertThat(five.path("score").asDouble()).isCloseTo((5 + 4 * 3) / 5.0, within(1e-9));
    assertThat(five.path("residents").asInt()).isPositive();
    assertThat(five.path("responseRate").asDouble())
        .isCloseTo(100.0 * 5 / five.path("residents").asInt(), within(1e-9));
    JsonNode scale = five.path("questions").get(0);
    assertThat(scale.path("answers").asInt()).isEqualTo(5);
    assertThat(scale.path("options").findValuesAsString("option"))
        .containsExactly("1", "2", "3", "4", "5");
    assertThat(scale.path("options").findValues("count").stream().map(JsonNode::asInt).toList())
        .containsExactly(0, 0, 4, 0, 1);
    JsonNode choice = five.path("questions").get(1);
    assertThat(choice.path("mean").isNull()).isTrue();
    assertThat(choice.path("options").findValuesAsString("option"))
        .containsExactly("停车", "绿化", "垃圾分类");
    assertThat(choice.path("options").findValues("count").stream().map(JsonNode::asInt).toList())
        .containsExactly(1, 4, 0);
    JsonNode text = five.path("questions").get(2);
    List<String> texts = text.path("texts").valueStream().map(JsonNode::asString).toList();
    assertThat(texts).hasSize(5).contains("加装电梯").isSorted();
  }

  @Test
  void aQuestionAnsweredByFewerThanFive_isWithheld_evenWhenTheSurveyIsNot() {
    String title = "可选题 " + UUID.randomUUID();
    String survey = desk.open("baiguoshu.admin", "baiguoshu", title);
    desk.answer("baiguoshu.resident", survey, SurveyDesk.answers(4, 3, "只有我写了"));
    SurveyDesk.othersAnswer(title, 4, 4, 3, null);
    desk.close("baiguoshu.admin", survey);

    JsonNode results =
        desk.read("baiguoshu.admin", survey, SurveyDesk.RESULTS).data("node.results");
    assertThat(results.path("suppressed").asBoolean()).isFalse();
    JsonNode text = results.path("questions").get(2);
    assertThat(text.path("answers").asInt()).isEqualTo(1);
    assertThat(text.path("suppressed").asBoolean()).isTrue();
    assertThat(text.path("texts").isEmpty()).as("%s", text).isTrue();
    assertThat(results.toString()).doesNotContain("只有我写了");
  }

  @Test
  void theResults_areForTheStaffAndTheStreet_notForResidents() {
    String survey = desk.open("baiguoshu.admin", "baiguoshu", "谁能看 " + UUID.randomUUID());
    GraphQlResult resident = desk.read("baiguoshu.resident", survey, "title " + SurveyDesk.RESULTS);
    assertThat(resident.errorCodes()).containsExactly("FORBIDDEN");
    assertThat(resident.data("node.results").isNull()).isTrue();
    assertThat(resident.data("node.title").asString()).startsWith("谁能看");
    for (String reader : List.of("baiguoshu.owners", "baishalu.viewer", "baiguoshu.secretary")) {
      GraphQlResult read = desk.read(reader, survey, SurveyDesk.RESULTS);
      assertThat(read.hasErrors()).as("%s: %s", reader, read).isFalse();
    }
    assertThat(desk.read("xinhua.admin", survey, "title").data("node").isNull()).isTrue();
  }

  @Test
  void nothingLinksAnAnswerToItsResident_notTheTables_notTheAuditLog_notTheSchema() {
    assertThat(
            Rows.texts(
                "SELECT column_name::text FROM information_schema.columns"
                    + " WHERE table_schema = 'rg' AND table_name = 'survey_answer'"
                    + " ORDER BY column_name"))
        .containsExactly("choice", "community_id", "id", "position", "score", "survey_id", "text");
    assertThat(
            Rows.texts(
                "SELECT column_name::text FROM information_schema.columns"
                    + " WHERE table_schema = 'rg' AND table_name = 'survey_participation'"
                    + " ORDER BY column_name"))
        .containsExactly("community_id", "resident_id", "survey_id");
    String survey = desk.open("baiguoshu.admin", "baiguoshu", "匿名 " + UUID.randomUUID());
    long audits = Rows.count("SELECT count(*) FROM rg.audit_event");
    desk.answer("baiguoshu.resident", survey, SurveyDesk.answers(2, 1, "匿名意见"));
    assertThat(Rows.count("SELECT count(*) FROM rg.audit_event")).isEqualTo(audits);

    JsonNode types =
        graphql
            .query(
                "query { results: __type(name: \"SurveyResults\") { fields { name type { name"
                    + " ofType { name ofType { name ofType { name } } } } } }"
                    + " question: __type(name: \"SurveyQuestionResult\") { fields { name type {"
                    + " name ofType { name ofType { name ofType { name } } } } } } }")
            .as("baiguoshu.admin")
            .execute()
            .body()
            .path("data");
    assertThat(types.toString())
        .doesNotContain("Resident")
        .doesNotContain("\"ID\"")
        .doesNotContain("Person");
  }

  @Test
  void badAnswers_areRefused_andNothingIsStored() {
    String title = "校验 " + UUID.randomUUID();
    String survey = desk.open("baiguoshu.admin", "baiguoshu", title);
    List<List<Map<String, Object>>> bad =
        List.of(
            List.of(Map.of("position", 1, "score", 6), Map.of("position", 2, "choice", 1)),
            List.of(Map.of("position", 1, "score", 3), Map.of("position", 2, "choice", 4)),
            List.of(Map.of("position", 1, "score", 3)),
            List.of(
                Map.of("position", 1, "score", 3),
                Map.of("position", 1, "score", 4),
                Map.of("position", 2, "choice", 1)),
            List.of(
                Map.of("position", 1, "score", 3, "choice", 1), Map.of("position", 2, "choice", 1)),
            List.of(
                Map.of("position", 1, "score", 3),
                Map.of("position", 2, "choice", 1),
                Map.of("position", 9, "text", "x")),
            List.of(
                Map.of("position", 1, "score", 3),
                Map.of("position", 2, "choice", 1),
                Map.of("position", 3, "text", "字".repeat(2001))),
            List.of(Map.of("position", 1, "score", 3), Map.of("position", 2, "text", "停车")));
    for (List<Map<String, Object>> answers : bad) {
      GraphQlResult refused = desk.answer("baiguoshu.resident", survey, answers);
      assertThat(refused.data("answerSurvey.errors").get(0).path("code").asString())
          .as("%s", answers)
          .isEqualTo("INVALID_INPUT");
    }
    assertThat(SurveyDesk.storedAnswers(title)).isZero();
    assertThat(
            desk.read("baiguoshu.resident", survey, "answeredByMe")
                .data("node.answeredByMe")
                .asBoolean())
        .isFalse();
  }

  @Test
  void aNulByteOrTenThousandCharacters_areRefused_andNothingIsStored() {
    String title = "攻击 " + UUID.randomUUID();
    String survey = desk.open("baiguoshu.admin", "baiguoshu", title);
    GraphQlResult huge =
        desk.answer("baiguoshu.resident", survey, SurveyDesk.answers(3, 1, "长".repeat(10_000)));
    assertThat(huge.data("answerSurvey.errors").get(0).path("code").asString())
        .isEqualTo("INVALID_INPUT");
    GraphQlResult nul =
        desk.answer("baiguoshu.resident", survey, SurveyDesk.answers(3, 1, "有\u0000空字符"));
    assertThat(nul.hasErrors()).as("%s", nul).isTrue();
    assertThat(nul.data("answerSurvey").isNull() || nul.data("answerSurvey").isMissingNode())
        .isTrue();
    assertThat(SurveyDesk.storedAnswers(title)).isZero();
    assertThat(
            desk.read("baiguoshu.resident", survey, "answeredByMe")
                .data("node.answeredByMe")
                .asBoolean())
        .isFalse();
  }

  @Test
  void onlyResidentsWhoLiveThere_answer_andOnlyTheAdminOrSecretary_setUpOrClose() {
    String title = "权限 " + UUID.randomUUID();
    String survey = desk.open("baiguoshu.admin", "baiguoshu", title);
    for (String notResident : List.of("baiguoshu.admin", "baishalu.admin", "baiguoshu.owners")) {
      GraphQlResult refused = desk.answer(notResident, survey, SurveyDesk.answers(3, 1, null));
      assertThat(refused.data("answerSurvey.errors").get(0).path("code").asString())
          .as(notResident)
          .isEqualTo("FORBIDDEN");
    }
    assertThat(
            desk.answer("xinhua.resident", survey, SurveyDesk.answers(3, 1, null))
                .data("answerSurvey.errors")
                .get(0)
                .path("code")
                .asString())
        .isEqualTo("NOT_FOUND");
    assertThat(SurveyDesk.storedAnswers(title)).isZero();

    GraphQlResult owners =
        graphql
            .query(
                "mutation($input: CreateSurveyInput!) { createSurvey(input: $input) { survey { id }"
                    + " errors { code } } }")
            .as("baiguoshu.owners")
            .variable(
                "input",
                Map.of(
                    "communityKey",
                    "baiguoshu",
                    "title",
                    "业委会的",
                    "closesAt",
                    OffsetDateTime.now().plusDays(3).toString(),
                    "questions",
                    SurveyDesk.QUESTIONS))
            .execute();
    assertThat(owners.data("createSurvey.errors").get(0).path("code").asString())
        .isEqualTo("FORBIDDEN");
    assertThat(close("baiguoshu.resident", survey).path("code").asString()).isEqualTo("FORBIDDEN");
  }

  @Test
  void aClosedSurvey_takesNoMoreAnswers() {
    String title = "关闭 " + UUID.randomUUID();
    String survey = desk.open("baiguoshu.secretary", "baiguoshu", title);
    assertThat(close("baiguoshu.admin", survey).isMissingNode()).isTrue();
    assertThat(desk.read("baiguoshu.resident", survey, "status").data("node.status").asString())
        .isEqualTo("CLOSED");
    GraphQlResult late = desk.answer("baiguoshu.resident", survey, SurveyDesk.answers(3, 1, null));
    assertThat(late.data("answerSurvey.errors").get(0).path("code").asString())
        .isEqualTo("CONFLICT");
    assertThat(close("baiguoshu.admin", survey).path("code").asString()).isEqualTo("CONFLICT");
    assertThat(SurveyDesk.storedAnswers(title)).isZero();
  }

  @Test
  void aBadSurvey_isRefused_naming_itsField() {
    Map<String, Object> good =
        Map.of(
            "communityKey",
            "baiguoshu",
            "title",
            "好的",
            "closesAt",
            OffsetDateTime.now().plusDays(3).toString(),
            "questions",
            SurveyDesk.QUESTIONS);
    List<Map.Entry<Map<String, Object>, String>> cases =
        List.of(
            Map.entry(with(good, "title", " "), "title"),
            Map.entry(with(good, "title", "题".repeat(201)), "title"),
            Map.entry(with(good, "description", "述".repeat(5001)), "description"),
            Map.entry(
                with(
                    good,
                    "questions",
                    java.util.Collections.nCopies(51, Map.of("kind", "SCALE", "text", "满意吗"))),
                "questions"),
            Map.entry(
                with(
                    good,
                    "questions",
                    List.of(
                        Map.of(
                            "kind",
                            "CHOICE",
                            "text",
                            "太长",
                            "options",
                            List.of("甲", "乙".repeat(101))))),
                "questions.0.options"),
            Map.entry(
                with(good, "questions", List.of(Map.of("kind", "TEXT", "text", "问".repeat(501)))),
                "questions.0.text"),
            Map.entry(
                with(good, "closesAt", OffsetDateTime.now().minusDays(1).toString()), "closesAt"),
            Map.entry(
                with(good, "closesAt", OffsetDateTime.now().plusYears(2).toString()), "closesAt"),
            Map.entry(
                with(good, "opensAt", OffsetDateTime.now().minusDays(2).toString()), "opensAt"),
            Map.entry(with(good, "questions", List.of()), "questions"),
            Map.entry(
                with(
                    good,
                    "questions",
                    List.of(Map.of("kind", "CHOICE", "text", "一个选项", "options", List.of("甲")))),
                "questions.0.options"),
            Map.entry(
                with(
                    good,
                    "questions",
                    List.of(Map.of("kind", "CHOICE", "text", "重复", "options", List.of("甲", "甲")))),
                "questions.0.options"),
            Map.entry(
                with(
                    good,
                    "questions",
                    List.of(Map.of("kind", "SCALE", "text", "有选项", "options", List.of("甲", "乙")))),
                "questions.0.options"));
    long before = Rows.count("SELECT count(*) FROM rg.survey");
    for (Map.Entry<Map<String, Object>, String> bad : cases) {
      GraphQlResult refused =
          graphql
              .query(
                  "mutation($input: CreateSurveyInput!) { createSurvey(input: $input) { survey {"
                      + " id } errors { code field } } }")
              .as("baiguoshu.admin")
              .variable("input", bad.getKey())
              .execute();
      JsonNode error = refused.data("createSurvey.errors").get(0);
      assertThat(error.path("code").asString()).as("%s", bad).isEqualTo("INVALID_INPUT");
      assertThat(error.path("field").toString())
          .as("%s", bad)
          .contains(bad.getValue().split("\\.")[0]);
    }
    assertThat(Rows.count("SELECT count(*) FROM rg.survey")).isEqualTo(before);
  }

  @Test
  void theSatisfactionMetrics_sayWhatTheLatestClosedSurveysResultsSay() {
    String title = "满意度指标 " + UUID.randomUUID();
    String survey = desk.open("baiguoshu.admin", "baiguoshu", title);
    desk.answer("baiguoshu.resident", survey, SurveyDesk.answers(5, 1, null));
    SurveyDesk.othersAnswer(title, 5, 2, 1, null);
    desk.close("baiguoshu.admin", survey);
    JsonNode results =
        desk.read("baiguoshu.admin", survey, SurveyDesk.RESULTS).data("node.results");
    JsonNode metrics =
        graphql
            .query(
                "query { community(key: \"baiguoshu\") { metrics { metric { key } value sample"
                    + " sufficient } } }")
            .as("baiguoshu.admin")
            .execute()
            .data("community.metrics");
    JsonNode satisfaction = metric(metrics, "satisfaction");
    JsonNode rate = metric(metrics, "satisfaction_response_rate");
    assertThat(satisfaction.path("value").asDouble())
        .isCloseTo(results.path("score").asDouble(), within(1e-9));
    assertThat(satisfaction.path("sample").asInt()).isEqualTo(6);
    assertThat(satisfaction.path("sufficient").asBoolean()).isTrue();
    assertThat(rate.path("value").asDouble())
        .isCloseTo(results.path("responseRate").asDouble(), within(1e-9));
  }

  private JsonNode close(String user, String survey) {
    GraphQlResult closed =
        graphql
            .query(
                "mutation($input: CloseSurveyInput!) { closeSurvey(input: $input) { survey {"
                    + " status } errors { code message } } }")
            .as(user)
            .variable("input", Map.of("id", survey))
            .execute();
    return closed.data("closeSurvey.errors").path(0);
  }

  private static JsonNode metric(JsonNode metrics, String key) {
    for (JsonNode metric : metrics) {
      if (metric.path("metric").path("key").asString().equals(key)) {
        return metric;
      }
    }
    throw new AssertionError("no metric " + key);
  }

  private static Map<String, Object> with(Map<String, Object> input, String key, Object value) {
    Map<String, Object> changed = new java.util.HashMap<>(input);
    changed.put(key, value);
    return changed;
  }
}
