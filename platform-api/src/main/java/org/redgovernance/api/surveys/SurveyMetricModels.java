package org.redgovernance.api.surveys;

import static org.redgovernance.database.jooq.Tables.SURVEY;

import java.time.LocalDate;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.redgovernance.api.metrics.MetricSource;
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
    return ofLatestClosed(community, today, SurveyModels::score);
  }

  /** How many answered the latest survey closed by the end of {@code today}: the score's sample. */
  static Field<Integer> latestClosedRespondents(Field<UUID> community, LocalDate today) {
    return DSL.coalesce(ofLatestClosed(community, today, SurveyModels::respondents), DSL.inline(0));
  }

  /** How many answered the latest survey opened by the end of {@code today}. */
  static Field<Integer> latestRespondents(Field<UUID> community, LocalDate today) {
    Survey latest = SURVEY.as("latest_survey");
    return DSL.coalesce(
        DSL.field(
            DSL.select(SurveyModels.respondents(latest.COMMUNITY_ID, latest.ID))
                .from(latest)
                .where(
                    latest.COMMUNITY_ID.eq(community),
                    latest.OPENS_AT.lt(MetricSource.endOf(today)))
                .orderBy(latest.OPENS_AT.desc(), latest.ID.desc())
                .limit(1)),
        DSL.inline(0));
  }

  /** {@code figure} of the community's latest survey closed by the end of {@code today}. */
  private static <T> Field<T> ofLatestClosed(
      Field<UUID> community,
      LocalDate today,
      java.util.function.BiFunction<Field<UUID>, Field<UUID>, Field<T>> figure) {
    Survey latest = SURVEY.as("latest_closed_survey");
    return DSL.field(
        DSL.select(figure.apply(latest.COMMUNITY_ID, latest.ID))
            .from(latest)
            .where(
                latest.COMMUNITY_ID.eq(community),
                latest.CLOSES_AT.le(DSL.currentOffsetDateTime()),
                latest.CLOSES_AT.lt(MetricSource.endOf(today)))
            .orderBy(latest.CLOSES_AT.desc(), latest.ID.desc())
            .limit(1));
  }
}
