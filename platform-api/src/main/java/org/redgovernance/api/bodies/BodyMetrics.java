package org.redgovernance.api.bodies;

import org.redgovernance.api.metrics.MetricSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The metrics of the catalogue that the governance bodies compute: the party members' share of the
 * owners' committee and of the supervisory committee, from the same seats as the bodies' own
 * figures ({@link BodyModels}).
 */
@Configuration(proxyBeanMethods = false)
class BodyMetrics {

  @Bean
  MetricSource ownersCommitteePartyShare() {
    return partyShare("owners_committee_party_share", "OWNERS_COMMITTEE");
  }

  @Bean
  MetricSource supervisoryCommitteePartyShare() {
    return partyShare("supervisory_committee_party_share", "SUPERVISORY_COMMITTEE");
  }

  private static MetricSource partyShare(String key, String kind) {
    return MetricSource.share(
        key,
        (community, today) -> BodyModels.sittingOnKind(community, kind, today, true),
        (community, today) -> BodyModels.sittingOnKind(community, kind, today, false));
  }
}
