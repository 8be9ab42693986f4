package org.redgovernance.admin.registry;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.redgovernance.admin.graphql.AdminErrors;
import org.redgovernance.admin.security.ConnectionOperator;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * {@code registeredCommunityChanges}: the registry entries whose status changes while a console is
 * open — onboarded, suspended, reactivated, archived, erased, imported — each read as it is when
 * the change is announced (once for all subscribers, {@link RegistryFeed}), with the change's
 * position, and sent only if the connection's person oversees its street at that moment (the same
 * rule as {@code registeredCommunities}). Subscribed with {@code after} (the position of the last
 * change received), it first sends the changes committed since, then goes on live without a gap or
 * a repeat.
 */
@Controller
class RegistryChangesController {

  private static final Pattern POSITION = Pattern.compile("[0-9]{1,18}");

  private final RegistryFeed feed;

  RegistryChangesController(RegistryFeed feed) {
    this.feed = feed;
  }

  @SubscriptionMapping
  Flux<RegistryRepository.RegisteredCommunity> registeredCommunityChanges(
      @Argument @Nullable String streetKey,
      @Argument @Nullable String after,
      @ContextValue(ConnectionOperator.CONTEXT_KEY) ConnectionOperator operator) {
    Flux<RegistryRepository.RegisteredCommunity> changes =
        after == null ? feed.changedCommunities() : resumed(position(after));
    // (a position is checked here, before the stream starts: positions only grow, so one that
    // is known now stays so)
    return operator.untilTokenExpires(
        changes
            .onBackpressureBuffer(256)
            // sent from a worker: a slow socket never holds up the feed's listener
            .publishOn(Schedulers.boundedElastic())
            .filter(community -> streetKey == null || community.streetKey().equals(streetKey))
            .filter(community -> operator.now().oversees(community.streetKey())));
  }

  /**
   * The changes after {@code position}: the live ones are held from the start, the missed ones
   * read, and the held ones passed on after them unless already read.
   */
  private Flux<RegistryRepository.RegisteredCommunity> resumed(long position) {
    return Flux.defer(
        () -> {
          Sinks.Many<RegistryRepository.RegisteredCommunity> held =
              Sinks.many().unicast().onBackpressureBuffer();
          var holding = feed.changedCommunities().subscribe(held::tryEmitNext);
          List<RegistryRepository.RegisteredCommunity> missed;
          try {
            missed = feed.changesAfter(position);
          } catch (RuntimeException e) {
            holding.dispose();
            throw e;
          }
          long lastRead = missed.isEmpty() ? position : positionOf(missed.get(missed.size() - 1));
          return Flux.concat(
                  Flux.fromIterable(missed),
                  held.asFlux().filter(change -> positionOf(change) > lastRead))
              .doFinally(signal -> holding.dispose());
        });
  }

  private long position(String after) {
    long position = POSITION.matcher(after).matches() ? Long.parseLong(after) : -1;
    if (position < 0 || position > feed.lastPosition()) {
      throw AdminErrors.badUserInput(
          "after", "after must be the changePosition of a change received from this registry");
    }
    return position;
  }

  private static long positionOf(RegistryRepository.RegisteredCommunity change) {
    return Long.parseLong(Objects.requireNonNull(change.changePosition()));
  }
}
