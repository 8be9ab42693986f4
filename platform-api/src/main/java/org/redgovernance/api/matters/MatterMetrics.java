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
        "matters_raised", (community, today) -> MatterFiguresModels.total(community));
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
    return MetricSource.of(
        "median_hours_to_resolution",
        (community, today) -> MatterFiguresModels.medianHoursToResolution(community),
        (community, today) -> MatterFiguresModels.resolved(community));
  }

  @Bean
  MetricSource averageRating() {
    return MetricSource.of(
        "average_rating",
        (community, today) -> MatterFiguresModels.averageRating(community),
        (community, today) -> MatterFiguresModels.rated(community));
  }
}
