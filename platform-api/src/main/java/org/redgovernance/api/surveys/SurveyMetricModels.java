package org.redgovernance.api.surveys;

import static org.redgovernance.database.jooq.Tables.SURVEY;

import java.time.LocalDate;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.redgovernance.api.readmodel.ReadRequest;
import org.redgovernance.database.jooq.tables.Survey;

/**
 * The SQL of the satisfaction metrics: the score of the community's latest survey closed by the end
 * of {@code today} (Asia/Shanghai), as its results compute it (an open survey's score would change
 * with each answer, and a daily snapshot would give each day's answers away); and how many answered
 * the latest survey opened by then.
 */
final class SurveyMetricModels {

  private SurveyMetricModels() {}

  static Field<Double> latestScore(Field<UUID> community, LocalDate today) {
    Survey latest = SURVEY.as("latest_closed_survey");
    return DSL.field(
        DSL.select(SurveyModels.score(latest.COMMUNITY_ID, latest.ID))
            .from(latest)
            .where(closed(latest, community, today))
            .orderBy(latest.CLOSES_AT.desc(), latest.ID.desc())
            .limit(1));
  }

  /** How many answered the latest survey closed by the end of {@code today}: the score's sample. */
  static Field<Integer> latestClosedRespondents(Field<UUID> community, LocalDate today) {
    Survey latest = SURVEY.as("latest_closed_survey");
    return DSL.coalesce(
        DSL.field(
            DSL.select(SurveyModels.respondents(latest.COMMUNITY_ID, latest.ID))
                .from(latest)
                .where(closed(latest, community, today))
                .orderBy(latest.CLOSES_AT.desc(), latest.ID.desc())
                .limit(1)),
        DSL.inline(0));
  }

  private static org.jooq.Condition closed(Survey survey, Field<UUID> community, LocalDate today) {
    return survey
        .COMMUNITY_ID
        .eq(community)
        .and(survey.CLOSES_AT.le(DSL.currentOffsetDateTime()))
        .and(
            survey.CLOSES_AT.lt(
                DSL.val(today.plusDays(1).atStartOfDay(ReadRequest.ZONE).toOffsetDateTime())));
  }

  static Field<Integer> latestRespondents(Field<UUID> community, LocalDate today) {
    Survey latest = SURVEY.as("latest_survey");
    return DSL.coalesce(
        DSL.field(
            DSL.select(SurveyModels.respondents(latest.COMMUNITY_ID, latest.ID))
                .from(latest)
                .where(opened(latest, community, today))
                .orderBy(latest.OPENS_AT.desc(), latest.ID.desc())
                .limit(1)),
        DSL.inline(0));
  }

  private static org.jooq.Condition opened(Survey survey, Field<UUID> community, LocalDate today) {
    return survey
        .COMMUNITY_ID
        .eq(community)
        .and(
            survey.OPENS_AT.lt(
                DSL.val(today.plusDays(1).atStartOfDay(ReadRequest.ZONE).toOffsetDateTime())));
  }
}
