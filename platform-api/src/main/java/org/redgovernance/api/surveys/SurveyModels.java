package org.redgovernance.api.surveys;

import static org.redgovernance.database.jooq.Tables.RESIDENT_CARD;
import static org.redgovernance.database.jooq.Tables.SURVEY;
import static org.redgovernance.database.jooq.Tables.SURVEY_ANSWER;
import static org.redgovernance.database.jooq.Tables.SURVEY_PARTICIPATION;
import static org.redgovernance.database.jooq.Tables.SURVEY_QUESTION;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record6;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.communities.CommunityModels;
import org.redgovernance.api.readmodel.InCommunities;
import org.redgovernance.api.readmodel.Keyset;
import org.redgovernance.api.readmodel.ModelRef;
import org.redgovernance.api.readmodel.ObjectModel;
import org.redgovernance.api.roster.RosterModels;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.database.jooq.tables.Survey;
import org.redgovernance.database.jooq.tables.SurveyAnswer;
import org.redgovernance.database.jooq.tables.SurveyParticipation;
import org.redgovernance.database.jooq.tables.SurveyQuestion;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code Survey} and its results as the read model declares them. Every survey of a community is
 * readable to every role in it (residents answer them); its results only to the staff and the
 * street office, and only as aggregates: counts, means and shares, shown once the survey has closed
 * and each withheld when fewer than {@value #FEWEST_SHOWN} residents answered (the survey, or the
 * question), and free text in alphabetical order, never the order it came in. Nothing here joins an
 * answer to a person: the answers hold none.
 */
@Configuration(proxyBeanMethods = false)
class SurveyModels {

  /** The fewest answers whose figures are shown: fewer could be recognised. */
  static final int FEWEST_SHOWN = 5;

  static final ModelRef<Survey> SURVEYS = new ModelRef<>(SurveyTypes.SURVEY, SURVEY::as);
  static final ModelRef<SurveyQuestion> QUESTIONS =
      new ModelRef<>("SurveyQuestion", SURVEY_QUESTION::as);
  static final ModelRef<Survey> RESULTS = new ModelRef<>("SurveyResults", SURVEY::as);
  static final ModelRef<SurveyQuestion> QUESTION_RESULTS =
      new ModelRef<>("SurveyQuestionResult", SURVEY_QUESTION::as);
  static final ModelRef<Table<Record6<UUID, UUID, Integer, Long, String, Integer>>> OPTION_COUNTS =
      new ModelRef<>("SurveyOptionCount", SurveyModels::optionCounts);

  /** The latest to open first: the order of the survey list. */
  static final Keyset<Survey> LATEST_FIRST =
      Keyset.newestFirst(survey -> survey.OPENS_AT, survey -> survey.ID);

  private static final String RESULTS_ARE_STAFFS =
      "Only the community's staff and the street office read a survey's results";

  @Bean
  ObjectModel<Survey> surveyModel() {
    return ObjectModel.of(SURVEYS)
        .rows((survey, request) -> InCommunities.inScope(survey.COMMUNITY_ID, request.scope()))
        .id(survey -> survey.COMMUNITY_ID, survey -> survey.ID)
        .reference(
            "community",
            CommunityModels.COMMUNITIES,
            community -> List.of(community.ID),
            survey -> List.of(survey.COMMUNITY_ID))
        .value("title", survey -> survey.TITLE)
        .value("description", survey -> survey.DESCRIPTION)
        .dateTime("opensAt", survey -> survey.OPENS_AT)
        .dateTime("closesAt", survey -> survey.CLOSES_AT)
        .value("status", SurveyModels::status)
        .value("streetWide", survey -> DSL.field(survey.STREET_SURVEY_ID.isNotNull()))
        .value("streetSurveyId", survey -> survey.STREET_SURVEY_ID.cast(SQLDataType.VARCHAR))
        .list(
            "questions",
            QUESTIONS,
            (survey, question) -> ofSurvey(question, survey),
            question -> List.of(question.POSITION))
        .value(
            "answeredByMe",
            (survey, request) -> DSL.field(answeredBy(survey, request.scope().caller().userId())))
        .value("respondents", survey -> respondents(survey.COMMUNITY_ID, survey.ID))
        .part("results", RESULTS, (survey, request) -> DSL.trueCondition())
        .readableIf("results", ReachableCommunity::staffOrOverseen, RESULTS_ARE_STAFFS)
        .value("authorName", survey -> survey.AUTHOR_NAME)
        .value("version", survey -> survey.VERSION)
        .dateTime("createdAt", survey -> survey.CREATED_AT)
        .build();
  }

  @Bean
  ObjectModel<SurveyQuestion> surveyQuestionModel() {
    return ObjectModel.of(QUESTIONS)
        .value("position", question -> question.POSITION)
        .value("kind", question -> question.KIND)
        .value("text", question -> question.TEXT)
        .value("options", question -> question.OPTIONS)
        .value("required", question -> question.REQUIRED)
        .build();
  }

  @Bean
  ObjectModel<Survey> surveyResultsModel() {
    return ObjectModel.of(RESULTS)
        .value("respondents", survey -> respondents(survey.COMMUNITY_ID, survey.ID))
        .value("residents", survey -> RosterModels.residentsLivingThere(survey.COMMUNITY_ID))
        .value(
            "responseRate",
            survey ->
                DSL.inline(100.0)
                    .mul(respondents(survey.COMMUNITY_ID, survey.ID))
                    .div(
                        DSL.nullif(
                            RosterModels.residentsLivingThere(survey.COMMUNITY_ID), DSL.inline(0))))
        .value("suppressed", survey -> DSL.field(DSL.not(shown(survey.COMMUNITY_ID, survey.ID))))
        .value(
            "score",
            survey ->
                DSL.when(
                    shown(survey.COMMUNITY_ID, survey.ID), score(survey.COMMUNITY_ID, survey.ID)))
        .list(
            "questions",
            QUESTION_RESULTS,
            (survey, question) -> ofSurvey(question, survey),
            question -> List.of(question.POSITION))
        .build();
  }

  @Bean
  ObjectModel<SurveyQuestion> surveyQuestionResultModel() {
    return ObjectModel.of(QUESTION_RESULTS)
        .part("question", QUESTIONS, (question, request) -> DSL.trueCondition())
        .value("answers", SurveyModels::answers)
        .value("suppressed", question -> DSL.field(suppressed(question)))
        .value(
            "mean",
            question ->
                DSL.when(
                    question.KIND.eq(SurveyQuestionKind.SCALE.name()).and(shown(question)),
                    DSL.field(
                        DSL.select(DSL.avg(answer().SCORE).cast(SQLDataType.DOUBLE))
                            .from(answer())
                            .where(answering(answer(), question)))))
        .list(
            "options",
            OPTION_COUNTS,
            (question, count) ->
                column(count, "community_id", UUID.class)
                    .eq(question.COMMUNITY_ID)
                    .and(column(count, "survey_id", UUID.class).eq(question.SURVEY_ID))
                    .and(column(count, "position", Integer.class).eq(question.POSITION))
                    .and(shown(question)),
            count -> List.of(column(count, "ordinal", Long.class)))
        .value(
            "texts",
            question ->
                DSL.when(
                        question.KIND.eq(SurveyQuestionKind.TEXT.name()).and(shown(question)),
                        DSL.field(
                            DSL.select(
                                    DSL.arrayAgg(answer().TEXT).orderBy(answer().TEXT.collate("C")))
                                .from(answer())
                                .where(answering(answer(), question))))
                    .otherwise(DSL.inline(new String[0])))
        .build();
  }

  @Bean
  ObjectModel<Table<Record6<UUID, UUID, Integer, Long, String, Integer>>> surveyOptionCountModel() {
    return ObjectModel.of(OPTION_COUNTS)
        .value("option", count -> column(count, "option", String.class))
        .value("count", count -> column(count, "count", Integer.class))
        .build();
  }

  /**
   * The surveys of the {@code surveys} filter: of one community or all the caller's, in some
   * statuses (null: any).
   */
  static Function<Survey, Condition> matching(
      AccessScope scope, @Nullable String communityKey, @Nullable List<SurveyStatus> statuses) {
    List<UUID> communities =
        (communityKey == null ? scope.communities() : scope.byKey(communityKey).stream().toList())
            .stream().map(ReachableCommunity::id).toList();
    return survey ->
        InCommunities.of(survey.COMMUNITY_ID, communities)
            .and(
                statuses == null || statuses.isEmpty()
                    ? DSL.noCondition()
                    : status(survey).in(statuses.stream().map(Enum::name).toList()));
  }

  /** Whether a survey takes answers now: its one definition, for answers and for the rules. */
  static Field<String> status(Survey survey) {
    Field<java.time.OffsetDateTime> now = DSL.currentOffsetDateTime();
    return DSL.when(now.lt(survey.OPENS_AT), DSL.inline(SurveyStatus.SCHEDULED.name()))
        .when(now.lt(survey.CLOSES_AT), DSL.inline(SurveyStatus.OPEN.name()))
        .otherwise(DSL.inline(SurveyStatus.CLOSED.name()));
  }

  /** How many residents answered the survey. */
  static Field<Integer> respondents(Field<UUID> community, Field<UUID> survey) {
    SurveyParticipation participation = SURVEY_PARTICIPATION.as("counted_participation");
    return DSL.field(
        DSL.selectCount()
            .from(participation)
            .where(participation.COMMUNITY_ID.eq(community), participation.SURVEY_ID.eq(survey)));
  }

  /**
   * The mean of every answer to the survey's 1–5 questions, null under {@value #FEWEST_SHOWN}
   * respondents: the survey's score, and the catalogue's satisfaction.
   */
  static Field<Double> score(Field<UUID> community, Field<UUID> survey) {
    SurveyAnswer scored = SURVEY_ANSWER.as("scored_answer");
    return DSL.when(
        respondents(community, survey).ge(DSL.inline(FEWEST_SHOWN)),
        DSL.field(
            DSL.select(DSL.avg(scored.SCORE).cast(SQLDataType.DOUBLE))
                .from(scored)
                .where(
                    scored.COMMUNITY_ID.eq(community),
                    scored.SURVEY_ID.eq(survey),
                    scored.SCORE.isNotNull())));
  }

  private static Condition answeredBy(Survey survey, String userId) {
    SurveyParticipation participation = SURVEY_PARTICIPATION.as("own_participation");
    return DSL.exists(
        DSL.selectOne()
            .from(participation)
            .join(RESIDENT_CARD)
            .on(
                RESIDENT_CARD.COMMUNITY_ID.eq(participation.COMMUNITY_ID),
                RESIDENT_CARD.ID.eq(participation.RESIDENT_ID))
            .where(
                participation.COMMUNITY_ID.eq(survey.COMMUNITY_ID),
                participation.SURVEY_ID.eq(survey.ID),
                RESIDENT_CARD.USER_ID.eq(userId)));
  }

  private static Condition ofSurvey(SurveyQuestion question, Survey survey) {
    return question.COMMUNITY_ID.eq(survey.COMMUNITY_ID).and(question.SURVEY_ID.eq(survey.ID));
  }

  private static SurveyAnswer answer() {
    return SURVEY_ANSWER.as("question_answer");
  }

  static Condition answering(SurveyAnswer answer, SurveyQuestion question) {
    return answer
        .COMMUNITY_ID
        .eq(question.COMMUNITY_ID)
        .and(answer.SURVEY_ID.eq(question.SURVEY_ID))
        .and(answer.POSITION.eq(question.POSITION));
  }

  private static Field<Integer> answers(SurveyQuestion question) {
    SurveyAnswer counted = SURVEY_ANSWER.as("counted_answer");
    return DSL.field(DSL.selectCount().from(counted).where(answering(counted, question)));
  }

  /**
   * The question's figures are withheld: fewer than {@value #FEWEST_SHOWN} answered it, or the
   * survey's are.
   */
  static Condition suppressed(SurveyQuestion question) {
    return answers(question)
        .lt(DSL.inline(FEWEST_SHOWN))
        .or(DSL.not(shown(question.COMMUNITY_ID, question.SURVEY_ID)));
  }

  /**
   * Whether a survey's results may be shown: it has closed, and at least {@value #FEWEST_SHOWN}
   * residents answered. Not while it is open: whoever knows who answered last could read their
   * answers off the change in the figures.
   */
  static Condition shown(Field<UUID> community, Field<UUID> survey) {
    Survey closed = SURVEY.as("closed_survey");
    return DSL.exists(
            DSL.selectOne()
                .from(closed)
                .where(
                    closed.COMMUNITY_ID.eq(community),
                    closed.ID.eq(survey),
                    closed.CLOSES_AT.le(DSL.currentOffsetDateTime())))
        .and(respondents(community, survey).ge(DSL.inline(FEWEST_SHOWN)));
  }

  private static Condition shown(SurveyQuestion question) {
    return DSL.not(suppressed(question));
  }

  /**
   * Each option of each question (the scores 1 to 5 of a SCALE question), numbered from 1, with how
   * many chose it.
   */
  private static Table<Record6<UUID, UUID, Integer, Long, String, Integer>> optionCounts(
      String alias) {
    SurveyQuestion question = SURVEY_QUESTION.as("offered_question");
    Table<?> options =
        DSL.table(
            "unnest(CASE WHEN {0} = 'SCALE' THEN ARRAY['1', '2', '3', '4', '5'] ELSE {1} END)"
                + " WITH ORDINALITY AS offered (option, ordinal)",
            question.KIND, question.OPTIONS);
    Field<String> option = DSL.field(DSL.name("offered", "option"), String.class);
    Field<Long> ordinal = DSL.field(DSL.name("offered", "ordinal"), Long.class);
    SurveyAnswer chosen = SURVEY_ANSWER.as("chosen_answer");
    Field<Integer> count =
        DSL.field(
            DSL.selectCount()
                .from(chosen)
                .where(
                    answering(chosen, question),
                    DSL.coalesce(chosen.SCORE, chosen.CHOICE).eq(ordinal.cast(Integer.class))));
    return DSL.select(
            question.COMMUNITY_ID.as("community_id"),
            question.SURVEY_ID.as("survey_id"),
            question.POSITION.as("position"),
            ordinal.as("ordinal"),
            option.as("option"),
            count.as("count"))
        .from(question)
        .crossJoin(options)
        .where(question.KIND.ne(SurveyQuestionKind.TEXT.name()))
        .asTable(alias);
  }

  private static <V> Field<V> column(Table<?> table, String name, Class<V> type) {
    return DSL.field(DSL.name(table.getName(), name), type);
  }
}
