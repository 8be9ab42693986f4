package org.redgovernance.api.notices;

import graphql.schema.DataFetchingEnvironment;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.events.ChangeEvent;
import org.redgovernance.api.events.ChangeFeed;
import org.redgovernance.api.events.FollowedChange;
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
 * {@code noticeEvents}: a live feed for notice boards. Only events of the subscriber's communities
 * pass, and each notice is read through the subscriber's own tenant transaction and visibility, so
 * a subscription never shows more than a query would.
 */
@Controller
class NoticeEventController {

  static final String TOPIC = "notice";

  /** {@code notice} is read back through the read model, as the subscriber may see it now. */
  record NoticeEvent(String kind, String noticeId, Changed notice, String position) {}

  private final ChangeFeed feed;
  private final TenantTransactions transactions;
  private final NoticeRepository notices;
  private final ReadBack readBack;

  NoticeEventController(
      ChangeFeed feed,
      TenantTransactions transactions,
      NoticeRepository notices,
      ReadBack readBack) {
    this.feed = feed;
    this.transactions = transactions;
    this.notices = notices;
    this.readBack = readBack;
  }

  @SubscriptionMapping
  Flux<NoticeEvent> noticeEvents(
      @Argument @Nullable String after,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return feed.follow(TOPIC, scope, after)
        .concatMap(
            followed ->
                Mono.fromCallable(() -> toNoticeEvent(followed, scope, environment))
                    .subscribeOn(Schedulers.boundedElastic()))
        .filter(Optional::isPresent)
        .map(Optional::get);
  }

  private Optional<NoticeEvent> toNoticeEvent(
      FollowedChange followed, AccessScope scope, DataFetchingEnvironment environment) {
    ChangeEvent event = followed.change();
    ReachableCommunity community = scope.byId(event.communityId()).orElseThrow();
    NoticeVisibility visibility = NoticeVisibility.of(community);
    Optional<NoticeState> notice =
        transactions.read(
            scope.narrowedTo(community),
            dsl -> notices.find(dsl, event.communityId(), event.subjectId()));
    // Notices for an audience the subscriber is not in are not their events at all; a withdrawn
    // notice they could read is announced without its content (the read model does not show it).
    if (notice.isEmpty() || !visibility.audiences().contains(notice.get().audience())) {
      return Optional.empty();
    }
    // read now, in the order of events, not while two events may be executed at once
    return Optional.of(
        new NoticeEvent(
            event.kind(),
            GlobalId.of(NoticeTypes.NOTICE, event.communityId(), event.subjectId()),
            readBack.read(
                scope.narrowedTo(community),
                new Changed(NoticeTypes.NOTICE, event.communityId(), event.subjectId()),
                environment,
                "notice"),
            followed.position()));
  }
}
