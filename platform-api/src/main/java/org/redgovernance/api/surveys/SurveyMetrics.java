package org.redgovernance.api.surveys;

import org.redgovernance.api.metrics.MetricSource;
import org.redgovernance.api.roster.RosterModels;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The metrics of the catalogue that surveys compute, from the community's latest survey that has
 * opened ({@link SurveyMetricModels}): the same score and response rate as that survey's {@code
 * results}.
 */
@Configuration(proxyBeanMethods = false)
class SurveyMetrics {

  @Bean
  MetricSource satisfaction() {
    return MetricSource.of(
        "satisfaction",
        SurveyMetricModels::latestScore,
        (community, today) -> SurveyMetricModels.latestRespondents(community, today));
  }

  @Bean
  MetricSource satisfactionResponseRate() {
    return MetricSource.share(
        "satisfaction_response_rate",
        SurveyMetricModels::latestRespondents,
        (community, today) -> RosterModels.residentsLivingThere(community));
  }
}
