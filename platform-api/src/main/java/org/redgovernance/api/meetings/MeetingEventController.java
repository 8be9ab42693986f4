package org.redgovernance.api.meetings;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.events.ChangeEvent;
import org.redgovernance.api.events.ChangeFeed;
import org.redgovernance.api.graphql.ApiException;
import org.redgovernance.api.graphql.ErrorCode;
import org.redgovernance.api.graphql.GlobalId;
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
 * {@code meetingEvents}: a meeting in progress, live — agenda, decisions, attendance and minutes as
 * they are recorded — read again through the subscriber's own tenant transaction.
 */
@Controller
class MeetingEventController {

  record MeetingEvent(String kind, String meetingId, Meeting meeting) {}

  private final ChangeFeed feed;
  private final TenantTransactions transactions;
  private final MeetingRepository meetings;

  MeetingEventController(
      ChangeFeed feed, TenantTransactions transactions, MeetingRepository meetings) {
    this.feed = feed;
    this.transactions = transactions;
    this.meetings = meetings;
  }

  @SubscriptionMapping
  Flux<MeetingEvent> meetingEvents(
      @Argument @Nullable String meetingId,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    Optional<GlobalId> found =
        GlobalId.decode(meetingId, Meeting.TYPE)
            .filter(g -> scope.byId(g.communityId()).isPresent())
            .filter(
                g ->
                    transactions
                        .read(
                            scope.narrowedTo(scope.byId(g.communityId()).orElseThrow()),
                            dsl -> meetings.find(dsl, g.communityId(), g.id()))
                        .isPresent());
    if (found.isEmpty()) {
      // an error in the stream, not a throw, so that the client gets the code like any error
      return Flux.error(new ApiException(ErrorCode.NOT_FOUND, "No such meeting"));
    }
    GlobalId id = found.get();
    ReachableCommunity community = scope.byId(id.communityId()).orElseThrow();
    AccessScope one = scope.narrowedTo(community);
    return feed.events(MeetingDesk.TOPIC)
        .filter(
            event ->
                event.communityId().equals(id.communityId()) && event.subjectId().equals(id.id()))
        .onBackpressureBuffer(256)
        .concatMap(
            event ->
                Mono.fromCallable(() -> toMeetingEvent(event, one, community))
                    .subscribeOn(Schedulers.boundedElastic()))
        .filter(Optional::isPresent)
        .map(Optional::get);
  }

  private Optional<MeetingEvent> toMeetingEvent(
      ChangeEvent event, AccessScope scope, ReachableCommunity community) {
    return transactions
        .read(scope, dsl -> meetings.find(dsl, event.communityId(), event.subjectId()))
        .map(
            meeting ->
                new MeetingEvent(
                    event.kind(),
                    GlobalId.of(Meeting.TYPE, event.communityId(), event.subjectId()),
                    MeetingRules.seesDetail(community) ? meeting : meeting.forResidents()));
  }
}
