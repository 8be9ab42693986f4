package org.redgovernance.api.meetings;

import org.redgovernance.api.metrics.MetricSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The metrics of the catalogue that meetings compute: from the same SQL as {@code meetingFigures}
 * ({@link MeetingFiguresModels}), so that both say the same.
 */
@Configuration(proxyBeanMethods = false)
class MeetingMetrics {

  @Bean
  MetricSource meetingsPerWeek() {
    return MetricSource.fromHistory(
        MetricSource.of(
            "meetings_per_week",
            MeetingFiguresModels::meetingsPerWeek,
            MeetingFiguresModels::held));
  }

  @Bean
  MetricSource openActionItems() {
    return MetricSource.count(
        "open_action_items", (community, today) -> MeetingFiguresModels.openActionItems(community));
  }

  @Bean
  MetricSource overdueActionItems() {
    return MetricSource.count("overdue_action_items", MeetingFiguresModels::overdueActionItems);
  }
}
