package org.redgovernance.api.matters;

import graphql.schema.DataFetchingEnvironment;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.events.ChangeEvent;
import org.redgovernance.api.events.ChangeFeed;
import org.redgovernance.api.events.FollowedChange;
import org.redgovernance.api.graphql.ApiException;
import org.redgovernance.api.graphql.ErrorCode;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.readmodel.Changed;
import org.redgovernance.api.readmodel.ReadBack;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.api.tenancy.TenantTransactions;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code matterEvents}: live changes for a staff board (every matter of the community) or a
 * resident's screen (their own matters and the public ones). Each changed matter is read again
 * through the subscriber's own tenant transaction and visibility, so an event never shows more than
 * a query would, and an event about a matter the subscriber may not see is not sent at all.
 */
@Controller
class MatterEventController {

  /** {@code matter} is read back through the read model, as the subscriber may see it now. */
  record MatterEvent(String kind, String matterId, Changed matter, String position) {}

  private final ChangeFeed feed;
  private final TenantTransactions transactions;
  private final MatterRepository matters;
  private final ReadBack readBack;

  MatterEventController(
      ChangeFeed feed,
      TenantTransactions transactions,
      MatterRepository matters,
      ReadBack readBack) {
    this.feed = feed;
    this.transactions = transactions;
    this.matters = matters;
    this.readBack = readBack;
  }

  @SubscriptionMapping
  Flux<MatterEvent> matterEvents(
      @Argument @Nullable String communityKey,
      @Argument @Nullable Boolean mine,
      @Argument @Nullable String after,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    AccessScope watched = scope;
    if (communityKey != null) {
      Optional<ReachableCommunity> community = scope.byKey(communityKey);
      if (community.isEmpty()) {
        return Flux.error(new ApiException(ErrorCode.NOT_FOUND, "No such community"));
      }
      watched = scope.narrowedTo(community.get());
    }
    AccessScope subscriber = watched;
    boolean mineOnly = Boolean.TRUE.equals(mine);
    return feed.follow(MatterWorkflow.TOPIC, subscriber, after)
        .concatMap(
            followed ->
                Mono.fromCallable(() -> toMatterEvent(followed, subscriber, mineOnly, environment))
                    .subscribeOn(Schedulers.boundedElastic()))
        .filter(Optional::isPresent)
        .map(Optional::get);
  }

  private Optional<MatterEvent> toMatterEvent(
      FollowedChange followed,
      AccessScope scope,
      boolean mineOnly,
      DataFetchingEnvironment environment) {
    ChangeEvent event = followed.change();
    ReachableCommunity community = scope.byId(event.communityId()).orElseThrow();
    AccessScope one = scope.narrowedTo(community);
    return transactions
        .read(one, dsl -> matters.state(dsl, event.communityId(), event.subjectId(), one))
        .filter(matter -> !mineOnly || matter.mine())
        // read now, in the order of events, not while two events may be executed at once
        .map(
            matter ->
                new MatterEvent(
                    event.kind(),
                    GlobalId.of(MatterTypes.MATTER, event.communityId(), event.subjectId()),
                    readBack.read(
                        one,
                        new Changed(MatterTypes.MATTER, event.communityId(), event.subjectId()),
                        environment,
                        "matter"),
                    followed.position()));
  }
}
