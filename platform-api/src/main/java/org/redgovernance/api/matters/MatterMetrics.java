package org.redgovernance.api.matters;

import org.redgovernance.api.metrics.MetricSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The metrics of the catalogue that matters compute: from the same SQL as {@code matterFigures}
 * ({@link MatterFiguresModels}), so that both say the same.
 */
@Configuration(proxyBeanMethods = false)
class MatterMetrics {

  @Bean
  MetricSource mattersRaised() {
    return MetricSource.fromHistory(
        MetricSource.count(
            "matters_raised",
            (community, today) ->
                MatterFiguresModels.raisedBefore(community, MetricSource.endOf(today))));
  }

  @Bean
  MetricSource mattersOverdueShare() {
    return MetricSource.share(
        "matters_overdue_share",
        (community, today) -> MatterFiguresModels.overdue(community, today),
        (community, today) -> MatterFiguresModels.open(community));
  }

  @Bean
  MetricSource medianHoursToResolution() {
    return MetricSource.fromHistory(
        MetricSource.of(
            "median_hours_to_resolution",
            (community, today) ->
                MatterFiguresModels.medianHoursToResolutionBefore(
                    community, MetricSource.endOf(today)),
            (community, today) ->
                MatterFiguresModels.resolvedBefore(community, MetricSource.endOf(today))));
  }

  @Bean
  MetricSource averageRating() {
    return MetricSource.fromHistory(
        MetricSource.of(
            "average_rating",
            (community, today) ->
                MatterFiguresModels.averageRatingBefore(community, MetricSource.endOf(today)),
            (community, today) ->
                MatterFiguresModels.ratedBefore(community, MetricSource.endOf(today))));
  }
}
