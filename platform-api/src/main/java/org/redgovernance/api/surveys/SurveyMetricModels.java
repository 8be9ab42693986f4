package org.redgovernance.api.surveys;

import static org.redgovernance.database.jooq.Tables.SURVEY;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jooq.Condition;
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
    return ofLatest(community, closedBy(today), survey -> survey.CLOSES_AT, SurveyModels::score);
  }

  /** How many answered the latest survey closed by the end of {@code today}: the score's sample. */
  static Field<Integer> latestClosedRespondents(Field<UUID> community, LocalDate today) {
    return DSL.coalesce(
        ofLatest(community, closedBy(today), survey -> survey.CLOSES_AT, SurveyModels::respondents),
        DSL.inline(0));
  }

  /** How many answered the latest survey opened by the end of {@code today}. */
  static Field<Integer> latestRespondents(Field<UUID> community, LocalDate today) {
    return DSL.coalesce(
        ofLatest(
            community,
            survey -> survey.OPENS_AT.lt(MetricSource.endOf(today)),
            survey -> survey.OPENS_AT,
            SurveyModels::respondents),
        DSL.inline(0));
  }

  /** Closed now, and by the end of {@code today}. */
  private static Function<Survey, Condition> closedBy(LocalDate today) {
    return survey ->
        survey
            .CLOSES_AT
            .le(DSL.currentOffsetDateTime())
            .and(survey.CLOSES_AT.lt(MetricSource.endOf(today)));
  }

  /**
   * {@code figure} of the community's survey that {@code which} finds, the latest by {@code
   * latestBy}.
   */
  private static <T> Field<T> ofLatest(
      Field<UUID> community,
      Function<Survey, Condition> which,
      Function<Survey, Field<OffsetDateTime>> latestBy,
      BiFunction<Field<UUID>, Field<UUID>, Field<T>> figure) {
    Survey latest = SURVEY.as("latest_survey");
    return DSL.field(
        DSL.select(figure.apply(latest.COMMUNITY_ID, latest.ID))
            .from(latest)
            .where(latest.COMMUNITY_ID.eq(community), which.apply(latest))
            .orderBy(latestBy.apply(latest).desc(), latest.ID.desc())
            .limit(1));
  }
}
