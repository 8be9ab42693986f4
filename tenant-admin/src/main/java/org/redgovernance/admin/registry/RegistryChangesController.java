package org.redgovernance.admin.registry;

import org.jspecify.annotations.Nullable;
import org.redgovernance.admin.security.ConnectionOperator;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * {@code registeredCommunityChanges}: the registry entries whose status changes while a console is
 * open — onboarded, suspended, reactivated, archived, erased, imported — each read as it is when
 * the change is announced (once for all subscribers, {@link RegistryFeed}), and sent only if the
 * connection's person oversees its street at that moment (the same rule as {@code
 * registeredCommunities}).
 */
@Controller
class RegistryChangesController {

  private final RegistryFeed feed;

  RegistryChangesController(RegistryFeed feed) {
    this.feed = feed;
  }

  @SubscriptionMapping
  Flux<RegistryRepository.RegisteredCommunity> registeredCommunityChanges(
      @Argument @Nullable String streetKey,
      @ContextValue(ConnectionOperator.CONTEXT_KEY) ConnectionOperator operator) {
    Flux<RegistryRepository.RegisteredCommunity> changes =
        feed.changedCommunities()
            .onBackpressureBuffer(256)
            // sent from a worker: a slow socket never holds up the feed's listener
            .publishOn(Schedulers.boundedElastic())
            .filter(community -> streetKey == null || community.streetKey().equals(streetKey))
            .filter(community -> operator.now().oversees(community.streetKey()));
    return operator.untilTokenExpires(changes);
  }
}
