package org.redgovernance.api.surveys;

import static org.redgovernance.database.jooq.Tables.SURVEY;

import java.time.LocalDate;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.redgovernance.api.readmodel.ReadRequest;
import org.redgovernance.database.jooq.tables.Survey;

/**
 * The SQL of the satisfaction metrics: the community's latest survey opened by the end of {@code
 * today} (Asia/Shanghai), and its score and respondents as its results compute them.
 */
final class SurveyMetricModels {

  private SurveyMetricModels() {}

  static Field<Double> latestScore(Field<UUID> community, LocalDate today) {
    Survey latest = SURVEY.as("latest_survey");
    return DSL.field(
        DSL.select(SurveyModels.score(latest.COMMUNITY_ID, latest.ID))
            .from(latest)
            .where(opened(latest, community, today))
            .orderBy(latest.OPENS_AT.desc(), latest.ID.desc())
            .limit(1));
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
