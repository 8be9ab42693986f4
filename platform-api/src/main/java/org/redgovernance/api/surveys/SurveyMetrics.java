package org.redgovernance.api.surveys;

import org.redgovernance.api.metrics.MetricSource;
import org.redgovernance.api.roster.RosterModels;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The metrics of the catalogue that surveys compute ({@link SurveyMetricModels}): the score of the
 * community's latest closed survey, as its {@code results} show it, and the response rate of its
 * latest opened one.
 */
@Configuration(proxyBeanMethods = false)
class SurveyMetrics {

  @Bean
  MetricSource satisfaction() {
    return MetricSource.of(
        "satisfaction",
        SurveyMetricModels::latestScore,
        SurveyMetricModels::latestClosedRespondents);
  }

  @Bean
  MetricSource satisfactionResponseRate() {
    return MetricSource.share(
        "satisfaction_response_rate",
        SurveyMetricModels::latestRespondents,
        (community, today) -> RosterModels.residentsLivingThere(community));
  }
}
