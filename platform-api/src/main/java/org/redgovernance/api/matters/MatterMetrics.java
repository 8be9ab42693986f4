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
    return MetricSource.count(
        "matters_raised", (community, request) -> MatterFiguresModels.total(community));
  }

  @Bean
  MetricSource mattersOverdueShare() {
    return MetricSource.share(
        "matters_overdue_share",
        (community, request) -> MatterFiguresModels.overdue(community, request.today()),
        (community, request) -> MatterFiguresModels.open(community));
  }

  @Bean
  MetricSource medianHoursToResolution() {
    return MetricSource.of(
        "median_hours_to_resolution",
        (community, request) -> MatterFiguresModels.medianHoursToResolution(community),
        (community, request) -> MatterFiguresModels.resolved(community));
  }

  @Bean
  MetricSource averageRating() {
    return MetricSource.of(
        "average_rating",
        (community, request) -> MatterFiguresModels.averageRating(community),
        (community, request) -> MatterFiguresModels.rated(community));
  }
}
