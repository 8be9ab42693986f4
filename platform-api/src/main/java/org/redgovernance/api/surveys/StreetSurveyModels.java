package org.redgovernance.api.surveys;

import static org.redgovernance.database.jooq.Tables.SURVEY;
import static org.redgovernance.database.jooq.Tables.SURVEY_ANSWER;
import static org.redgovernance.database.jooq.Tables.SURVEY_QUESTION;

import java.util.List;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.redgovernance.api.readmodel.ModelRef;
import org.redgovernance.api.readmodel.ObjectModel;
import org.redgovernance.api.roster.RosterModels;
import org.redgovernance.database.jooq.tables.Survey;
import org.redgovernance.database.jooq.tables.SurveyAnswer;
import org.redgovernance.database.jooq.tables.SurveyQuestion;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A street-wide survey's results across its communities ({@code streetSurveyResults}), for the
 * street office: sums and means over the copies whose own results are shown, and per question over
 * the copies where that question's are. A withheld copy counts nowhere, so that the street's
 * figures minus the shown copies' never give away what a community's withheld figures hide.
 */
@Configuration(proxyBeanMethods = false)
class StreetSurveyModels {

  static final ModelRef<Survey> STREET_RESULTS = new ModelRef<>("StreetSurveyResults", SURVEY::as);
  static final ModelRef<SurveyQuestion> STREET_QUESTION_RESULTS =
      new ModelRef<>("StreetSurveyQuestionResult", SURVEY_QUESTION::as);
  static final ModelRef<Table<Record>> STREET_OPTION_COUNTS =
      new ModelRef<>("StreetSurveyOptionCount", StreetSurveyModels::optionCounts);

  @Bean
  ObjectModel<Survey> streetSurveyResultsModel() {
    return ObjectModel.of(STREET_RESULTS)
        .value("communities", survey -> DSL.field(DSL.selectCount().from(copies(survey, false))))
        .value("counted", survey -> DSL.field(DSL.selectCount().from(copies(survey, true))))
        .value("respondents", survey -> sumOverShown(survey, SurveyModels::respondents))
        .value("residents", StreetSurveyModels::residents)
        .value(
            "responseRate",
            survey ->
                DSL.inline(100.0)
                    .mul(sumOverShown(survey, SurveyModels::respondents))
                    .div(DSL.nullif(residents(survey), DSL.inline(0))))
        .value("score", StreetSurveyModels::score)
        .list(
            "questions",
            STREET_QUESTION_RESULTS,
            (survey, question) ->
                question.COMMUNITY_ID.eq(survey.COMMUNITY_ID).and(question.SURVEY_ID.eq(survey.ID)),
            question -> List.of(question.POSITION))
        .build();
  }

  @Bean
  ObjectModel<SurveyQuestion> streetSurveyQuestionResultModel() {
    return ObjectModel.of(STREET_QUESTION_RESULTS)
        .part("question", SurveyModels.QUESTIONS, (question, request) -> DSL.trueCondition())
        .value(
            "answers",
            question -> {
              SurveyAnswer answer = SURVEY_ANSWER.as("street_answer");
              SurveyQuestion shown = SURVEY_QUESTION.as("shown_question");
              return DSL.field(
                  DSL.selectCount()
                      .from(answer)
                      .join(shownQuestions(question, shown))
                      .on(SurveyModels.answering(answer, shown)));
            })
        .value(
            "mean",
            question -> {
              SurveyAnswer answer = SURVEY_ANSWER.as("street_mean_answer");
              SurveyQuestion shown = SURVEY_QUESTION.as("shown_mean_question");
              return DSL.field(
                  DSL.select(DSL.avg(answer.SCORE).cast(SQLDataType.DOUBLE))
                      .from(answer)
                      .join(shownQuestions(question, shown))
                      .on(SurveyModels.answering(answer, shown))
                      .where(question.KIND.eq(SurveyQuestionKind.SCALE.name())));
            })
        .list(
            "options",
            STREET_OPTION_COUNTS,
            (question, count) ->
                column(count, "community_id", UUID.class)
                    .eq(question.COMMUNITY_ID)
                    .and(column(count, "survey_id", UUID.class).eq(question.SURVEY_ID))
                    .and(column(count, "position", Integer.class).eq(question.POSITION)),
            count -> List.of(column(count, "ordinal", Long.class)))
        .build();
  }

  @Bean
  ObjectModel<Table<Record>> streetSurveyOptionCountModel() {
    return ObjectModel.of(STREET_OPTION_COUNTS)
        .value("option", count -> column(count, "option", String.class))
        .value("count", count -> column(count, "count", Integer.class))
        .build();
  }

  /**
   * A copy, in one of {@code scope}'s communities, of the street-wide survey {@code
   * streetSurveyId}: the row {@code streetSurveyResults} reads the street's figures from.
   */
  static java.util.function.Function<Survey, org.jooq.Condition> copyOf(
      UUID streetSurveyId, org.redgovernance.api.tenancy.AccessScope scope) {
    return survey ->
        survey
            .STREET_SURVEY_ID
            .eq(streetSurveyId)
            .and(org.redgovernance.api.readmodel.InCommunities.inScope(survey.COMMUNITY_ID, scope));
  }

  /**
   * The copies of {@code survey}'s street-wide survey the caller reaches (row-level security keeps
   * to those), all of them or only those whose results are shown.
   */
  private static Table<?> copies(Survey survey, boolean onlyShown) {
    Survey copy = SURVEY.as(onlyShown ? "shown_copy" : "any_copy");
    return DSL.select(copy.COMMUNITY_ID, copy.ID)
        .from(copy)
        .where(
            copy.STREET_SURVEY_ID.eq(survey.STREET_SURVEY_ID),
            onlyShown ? SurveyModels.shown(copy.COMMUNITY_ID, copy.ID) : DSL.noCondition())
        .asTable(onlyShown ? "shown_copies" : "all_copies");
  }

  /** A figure of one copy, summed over the copies whose results are shown. */
  private static Field<Integer> sumOverShown(
      Survey survey, java.util.function.BiFunction<Field<UUID>, Field<UUID>, Field<Integer>> of) {
    Table<?> shown = copies(survey, true);
    return DSL.field(
        DSL.select(
                DSL.coalesce(
                        DSL.sum(
                            of.apply(
                                shown.field("community_id", UUID.class),
                                shown.field("id", UUID.class))),
                        DSL.inline(java.math.BigDecimal.ZERO))
                    .cast(SQLDataType.INTEGER))
            .from(shown));
  }

  private static Field<Integer> residents(Survey survey) {
    return sumOverShown(survey, (community, id) -> RosterModels.residentsLivingThere(community));
  }

  /** The mean of every 1–5 answer of the shown copies: the street's satisfaction. */
  private static Field<Double> score(Survey survey) {
    Table<?> shown = copies(survey, true);
    SurveyAnswer answer = SURVEY_ANSWER.as("street_scored_answer");
    return DSL.field(
        DSL.select(DSL.avg(answer.SCORE).cast(SQLDataType.DOUBLE))
            .from(answer)
            .join(shown)
            .on(
                answer.COMMUNITY_ID.eq(shown.field("community_id", UUID.class)),
                answer.SURVEY_ID.eq(shown.field("id", UUID.class)))
            .where(answer.SCORE.isNotNull()));
  }

  /**
   * The same question ({@code question}'s position) in every copy of its street-wide survey where
   * that question's own figures are shown, as {@code shown}.
   */
  private static Table<?> shownQuestions(SurveyQuestion question, SurveyQuestion shown) {
    Survey own = SURVEY.as("own_copy");
    Survey copy = SURVEY.as("question_copy");
    return DSL.select(shown.asterisk())
        .from(own)
        .join(copy)
        .on(copy.STREET_SURVEY_ID.eq(own.STREET_SURVEY_ID))
        .join(shown)
        .on(
            shown.COMMUNITY_ID.eq(copy.COMMUNITY_ID),
            shown.SURVEY_ID.eq(copy.ID),
            shown.POSITION.eq(question.POSITION))
        .where(
            own.COMMUNITY_ID.eq(question.COMMUNITY_ID),
            own.ID.eq(question.SURVEY_ID),
            DSL.not(SurveyModels.suppressed(shown)))
        .asTable(shown.getName());
  }

  /**
   * Each option of each question of a copy (scores 1 to 5 of a SCALE question), with how many chose
   * it in the copies where that question's figures are shown (columns community_id, survey_id,
   * position, ordinal, option, count).
   */
  private static Table<Record> optionCounts(String alias) {
    SurveyQuestion question = SURVEY_QUESTION.as("street_offered_question");
    Table<?> options =
        DSL.table(
            "unnest(CASE WHEN {0} = 'SCALE' THEN ARRAY['1', '2', '3', '4', '5'] ELSE {1} END)"
                + " WITH ORDINALITY AS street_offered (option, ordinal)",
            question.KIND, question.OPTIONS);
    Field<Long> ordinal = DSL.field(DSL.name("street_offered", "ordinal"), Long.class);
    SurveyAnswer chosen = SURVEY_ANSWER.as("street_chosen_answer");
    SurveyQuestion shown = SURVEY_QUESTION.as("shown_option_question");
    Field<Integer> count =
        DSL.field(
            DSL.selectCount()
                .from(chosen)
                .join(shownQuestions(question, shown))
                .on(SurveyModels.answering(chosen, shown))
                .where(DSL.coalesce(chosen.SCORE, chosen.CHOICE).eq(ordinal.cast(Integer.class))));
    @SuppressWarnings("unchecked")
    Table<Record> counts =
        (Table<Record>)
            (Table<?>)
                DSL.select(
                        question.COMMUNITY_ID.as("community_id"),
                        question.SURVEY_ID.as("survey_id"),
                        question.POSITION.as("position"),
                        ordinal.as("ordinal"),
                        DSL.field(DSL.name("street_offered", "option"), String.class).as("option"),
                        count.as("count"))
                    .from(question)
                    .crossJoin(options)
                    .where(question.KIND.ne(SurveyQuestionKind.TEXT.name()))
                    .asTable(alias);
    return counts;
  }

  private static <V> Field<V> column(Table<?> table, String name, Class<V> type) {
    return DSL.field(DSL.name(table.getName(), name), type);
  }
}
