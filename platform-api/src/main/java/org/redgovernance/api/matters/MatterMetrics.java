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
  MetricSource mattersAccepted() {
    return MetricSource.fromHistory(
        MetricSource.count(
            "matters_accepted",
            (community, today) ->
                MatterFiguresModels.acceptedBefore(community, MetricSource.endOf(today))));
  }

  @Bean
  MetricSource mattersResolved() {
    return MetricSource.fromHistory(
        MetricSource.count(
            "matters_resolved",
            (community, today) ->
                MatterFiguresModels.resolvedBefore(community, MetricSource.endOf(today))));
  }

  @Bean
  MetricSource mattersVerified() {
    return MetricSource.fromHistory(
        MetricSource.count(
            "matters_verified",
            (community, today) ->
                MatterFiguresModels.verifiedBefore(community, MetricSource.endOf(today))));
  }

  @Bean
  MetricSource mattersReopenedShare() {
    return MetricSource.fromHistory(
        MetricSource.share(
            "matters_reopened_share",
            (community, today) ->
                MatterFiguresModels.reopenedBefore(community, MetricSource.endOf(today)),
            (community, today) ->
                MatterFiguresModels.everResolvedBefore(community, MetricSource.endOf(today))));
  }

  @Bean
  MetricSource p90HoursToResolution() {
    return MetricSource.fromHistory(
        MetricSource.of(
            "p90_hours_to_resolution",
            (community, today) ->
                MatterFiguresModels.p90HoursToResolutionBefore(
                    community, MetricSource.endOf(today)),
            (community, today) ->
                MatterFiguresModels.resolvedBefore(community, MetricSource.endOf(today))));
  }

  @Bean
  MetricSource medianHoursToVerification() {
    return MetricSource.fromHistory(
        MetricSource.of(
            "median_hours_to_verification",
            (community, today) ->
                MatterFiguresModels.medianHoursToVerificationBefore(
                    community, MetricSource.endOf(today)),
            (community, today) ->
                MatterFiguresModels.verifiedBefore(community, MetricSource.endOf(today))));
  }

  @Bean
  MetricSource ratingResponseRate() {
    return MetricSource.fromHistory(
        MetricSource.share(
            "rating_response_rate",
            (community, today) ->
                MatterFiguresModels.ratedBefore(community, MetricSource.endOf(today)),
            (community, today) ->
                MatterFiguresModels.closedBefore(community, MetricSource.endOf(today))));
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
