package org.redgovernance.api.notifications;

import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.events.ChangeEvent;
import org.redgovernance.api.events.ChangeFeed;
import org.redgovernance.api.events.FollowedChange;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.readmodel.Changed;
import org.redgovernance.api.readmodel.ReadBack;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code notificationEvents}: the caller's inbox, live. An event passes only when it is for the
 * subscriber in person and of a community they reach (the X-Community one, if named); the
 * notification is read through the read model as the subscriber, so an event never shows more than
 * {@code notifications} would.
 */
@Controller
class NotificationEventController {

  static final String TOPIC = "notification";

  /** {@code notification} is read back through the read model, as the subscriber may see it. */
  record NotificationEvent(
      String kind, String notificationId, Changed notification, String position) {}

  private final ChangeFeed feed;
  private final ReadBack readBack;

  NotificationEventController(ChangeFeed feed, ReadBack readBack) {
    this.feed = feed;
    this.readBack = readBack;
  }

  @SubscriptionMapping
  Flux<NotificationEvent> notificationEvents(
      @Argument @Nullable String after,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    String me = scope.caller().userId();
    return feed.follow(TOPIC, scope, after)
        .filter(followed -> me.equals(followed.change().recipient()))
        .concatMap(
            followed ->
                Mono.fromCallable(() -> toEvent(followed, scope, environment))
                    .subscribeOn(Schedulers.boundedElastic()));
  }

  private NotificationEvent toEvent(
      FollowedChange followed, AccessScope scope, DataFetchingEnvironment environment) {
    ChangeEvent event = followed.change();
    ReachableCommunity community = scope.byId(event.communityId()).orElseThrow();
    // read now, in the order of events
    return new NotificationEvent(
        event.kind(),
        GlobalId.of(NotificationTypes.NOTIFICATION, event.communityId(), event.subjectId()),
        readBack.read(
            scope.narrowedTo(community),
            new Changed(NotificationTypes.NOTIFICATION, event.communityId(), event.subjectId()),
            environment,
            "notification"),
        followed.position());
  }
}
