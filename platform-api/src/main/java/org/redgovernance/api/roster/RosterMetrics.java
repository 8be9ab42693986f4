package org.redgovernance.api.roster;

import org.redgovernance.api.metrics.MetricSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The metrics of the catalogue that the roster computes: from the same SQL the community's {@code
 * figures} use ({@link RosterModels}).
 */
@Configuration(proxyBeanMethods = false)
class RosterMetrics {

  @Bean
  MetricSource households() {
    return MetricSource.count(
        "households", (community, today) -> RosterModels.households(community));
  }

  @Bean
  MetricSource residents() {
    return MetricSource.count(
        "residents", (community, today) -> RosterModels.residentsLivingThere(community));
  }

  @Bean
  MetricSource partyMembers() {
    return MetricSource.count(
        "party_members", (community, today) -> RosterModels.activePartyMembers(community, null));
  }

  @Bean
  MetricSource registeredPartyMembers() {
    return byKind("party_members_registered", "REGISTERED");
  }

  @Bean
  MetricSource inServicePartyMembers() {
    return byKind("party_members_in_service", "IN_SERVICE");
  }

  @Bean
  MetricSource silverPartyMembers() {
    return byKind("party_members_silver", "SILVER");
  }

  private static MetricSource byKind(String key, String kind) {
    return MetricSource.count(
        key,
        (community, today) ->
            RosterModels.activePartyMembers(community, org.jooq.impl.DSL.inline(kind)));
  }

  @Bean
  MetricSource partyHouseholdShare() {
    return MetricSource.share(
        "party_household_share",
        (community, today) -> RosterModels.householdsWithPartyMember(community),
        (community, today) -> RosterModels.households(community));
  }
}
