package org.redgovernance.api.surveys;

import static org.redgovernance.database.jooq.Tables.RESIDENT_CARD;
import static org.redgovernance.database.jooq.Tables.SURVEY;
import static org.redgovernance.database.jooq.Tables.SURVEY_ANSWER;
import static org.redgovernance.database.jooq.Tables.SURVEY_PARTICIPATION;
import static org.redgovernance.database.jooq.Tables.SURVEY_QUESTION;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.commands.Write;
import org.redgovernance.api.roster.RosterModels;
import org.springframework.stereotype.Repository;

/**
 * Writing surveys, questions, participations and answers, and what the survey rules read; surveys
 * are read for answers through the read model ({@link SurveyModels}). Every method runs inside a
 * tenant transaction.
 */
@Repository
class SurveyRepository {

  Optional<SurveyState> find(DSLContext dsl, UUID communityId, UUID id) {
    return dsl.select(
            SURVEY.STREET_SURVEY_ID, SurveyModels.status(SURVEY).as("status"), SURVEY.VERSION)
        .from(SURVEY)
        .where(SURVEY.COMMUNITY_ID.eq(communityId), SURVEY.ID.eq(id))
        .fetchOptional()
        .map(
            row ->
                new SurveyState(
                    communityId,
                    id,
                    row.get(SURVEY.STREET_SURVEY_ID),
                    SurveyStatus.valueOf(row.get("status", String.class)),
                    row.get(SURVEY.VERSION),
                    questions(dsl, communityId, id)));
  }

  private static List<SurveyDraft.Question> questions(DSLContext dsl, UUID communityId, UUID id) {
    return dsl.select(
            SURVEY_QUESTION.KIND,
            SURVEY_QUESTION.TEXT,
            SURVEY_QUESTION.OPTIONS,
            SURVEY_QUESTION.REQUIRED)
        .from(SURVEY_QUESTION)
        .where(SURVEY_QUESTION.COMMUNITY_ID.eq(communityId), SURVEY_QUESTION.SURVEY_ID.eq(id))
        .orderBy(SURVEY_QUESTION.POSITION)
        .fetch(
            row ->
                new SurveyDraft.Question(
                    SurveyQuestionKind.valueOf(row.value1()),
                    row.value2(),
                    Arrays.asList(row.value3()),
                    row.value4()));
  }

  /**
   * The resident the login {@code userId} is linked to in the community, if they live there now:
   * who may answer its surveys.
   */
  Optional<UUID> livingResidentOf(DSLContext dsl, UUID communityId, String userId) {
    return dsl.select(RESIDENT_CARD.ID)
        .from(RESIDENT_CARD)
        .where(
            RESIDENT_CARD.COMMUNITY_ID.eq(communityId),
            RESIDENT_CARD.USER_ID.eq(userId),
            RosterModels.livesThere(RESIDENT_CARD.COMMUNITY_ID, RESIDENT_CARD.ID))
        .fetchOptional(RESIDENT_CARD.ID);
  }

  /** The insert of a new survey, for a {@code Write}. */
  static ResultQuery<? extends Record> insert(
      UUID communityId,
      UUID id,
      @Nullable UUID streetSurveyId,
      SurveyDraft draft,
      String authorId,
      String authorName) {
    return DSL.insertInto(SURVEY)
        .set(SURVEY.COMMUNITY_ID, communityId)
        .set(SURVEY.ID, id)
        .set(SURVEY.STREET_SURVEY_ID, streetSurveyId)
        .set(SURVEY.TITLE, draft.title())
        .set(SURVEY.DESCRIPTION, draft.description())
        .set(SURVEY.OPENS_AT, draft.opensAt())
        .set(SURVEY.CLOSES_AT, draft.closesAt())
        .set(SURVEY.AUTHOR_ID, authorId)
        .set(SURVEY.AUTHOR_NAME, authorName)
        .returningResult(SURVEY.COMMUNITY_ID, SURVEY.ID);
  }

  /** The questions of the survey the write made, written beside it. */
  static Query questions(Write.Row survey, List<SurveyDraft.Question> questions) {
    List<Select<? extends Record>> rows = new java.util.ArrayList<>();
    for (int i = 0; i < questions.size(); i++) {
      SurveyDraft.Question question = questions.get(i);
      rows.add(
          DSL.select(
                  survey.communityId(),
                  survey.id(),
                  DSL.val(i + 1),
                  DSL.val(question.kind().name()),
                  DSL.val(question.text()),
                  DSL.val(question.options().toArray(String[]::new)),
                  DSL.val(question.required()))
              .from(survey.table()));
    }
    return DSL.insertInto(
            SURVEY_QUESTION,
            SURVEY_QUESTION.COMMUNITY_ID,
            SURVEY_QUESTION.SURVEY_ID,
            SURVEY_QUESTION.POSITION,
            SURVEY_QUESTION.KIND,
            SURVEY_QUESTION.TEXT,
            SURVEY_QUESTION.OPTIONS,
            SURVEY_QUESTION.REQUIRED)
        .select(Write.eachOf(rows));
  }

  /**
   * The record that the resident answered the survey, for a {@code Write}: nothing returned when
   * they already had (one response per resident).
   */
  static ResultQuery<? extends Record> participate(
      UUID communityId, UUID surveyId, UUID residentId) {
    return DSL.insertInto(SURVEY_PARTICIPATION)
        .set(SURVEY_PARTICIPATION.COMMUNITY_ID, communityId)
        .set(SURVEY_PARTICIPATION.SURVEY_ID, surveyId)
        .set(SURVEY_PARTICIPATION.RESIDENT_ID, residentId)
        .onConflictDoNothing()
        .returningResult(
            SURVEY_PARTICIPATION.COMMUNITY_ID, SURVEY_PARTICIPATION.SURVEY_ID.as("id"));
  }

  /**
   * The ballot's answers, written beside the participation and only when it was (a second response
   * writes nothing): each answer alone, with neither the resident nor the time.
   */
  static Query answers(Write.Row participation, UUID surveyId, SurveyBallot ballot) {
    List<Select<? extends Record>> rows = new java.util.ArrayList<>();
    for (SurveyBallot.Answer answer : ballot.answers()) {
      rows.add(
          DSL.select(
                  participation.communityId(),
                  DSL.val(surveyId),
                  DSL.val(answer.position()),
                  DSL.val(answer.score(), Integer.class),
                  DSL.val(answer.choice(), Integer.class),
                  DSL.val(answer.text(), String.class))
              .from(participation.table()));
    }
    return DSL.insertInto(
            SURVEY_ANSWER,
            SURVEY_ANSWER.COMMUNITY_ID,
            SURVEY_ANSWER.SURVEY_ID,
            SURVEY_ANSWER.POSITION,
            SURVEY_ANSWER.SCORE,
            SURVEY_ANSWER.CHOICE,
            SURVEY_ANSWER.TEXT)
        .select(Write.eachOf(rows));
  }

  /**
   * The update that closes an open survey now if it is still at {@code expectedVersion}, for a
   * {@code Write}: nothing returned when it is not, or no longer open.
   */
  static ResultQuery<? extends Record> close(UUID communityId, UUID id, int expectedVersion) {
    return DSL.update(SURVEY)
        .set(SURVEY.CLOSES_AT, DSL.currentOffsetDateTime())
        .set(SURVEY.VERSION, SURVEY.VERSION.plus(1))
        .set(SURVEY.UPDATED_AT, DSL.currentOffsetDateTime())
        .where(
            SURVEY.COMMUNITY_ID.eq(communityId),
            SURVEY.ID.eq(id),
            SURVEY.VERSION.eq(expectedVersion),
            SurveyModels.status(SURVEY).eq(SurveyStatus.OPEN.name()))
        .returningResult(SURVEY.COMMUNITY_ID, SURVEY.ID);
  }
}
