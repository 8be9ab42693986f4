package org.redgovernance.api.notices;

import org.redgovernance.api.metrics.MetricSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The metric of the catalogue that the notice board computes. */
@Configuration(proxyBeanMethods = false)
class NoticeMetrics {

  @Bean
  MetricSource noticesPublished() {
    return MetricSource.fromHistory(
        MetricSource.count(
            "notices_published",
            (community, today) -> NoticeModels.publishedAt(community, MetricSource.endOf(today))));
  }
}
