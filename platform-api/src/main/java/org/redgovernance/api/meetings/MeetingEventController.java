package org.redgovernance.api.meetings;

import graphql.schema.DataFetchingEnvironment;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.events.ChangeFeed;
import org.redgovernance.api.graphql.ApiException;
import org.redgovernance.api.graphql.ErrorCode;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.readmodel.Changed;
import org.redgovernance.api.readmodel.ReadBack;
import org.redgovernance.api.tenancy.AccessScope;
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

  record MeetingEvent(String kind, String meetingId, Changed meeting, String position) {}

  private final ChangeFeed feed;
  private final TenantTransactions transactions;
  private final MeetingRepository meetings;
  private final ReadBack readBack;

  MeetingEventController(
      ChangeFeed feed,
      TenantTransactions transactions,
      MeetingRepository meetings,
      ReadBack readBack) {
    this.feed = feed;
    this.transactions = transactions;
    this.meetings = meetings;
    this.readBack = readBack;
  }

  @SubscriptionMapping
  Flux<MeetingEvent> meetingEvents(
      @Argument @Nullable String meetingId,
      @Argument @Nullable String after,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    Optional<GlobalId> found =
        GlobalId.decode(meetingId, MeetingTypes.MEETING)
            .filter(g -> scope.byId(g.communityId()).isPresent())
            .filter(
                g ->
                    transactions
                        .read(
                            scope.narrowedTo(scope.byId(g.communityId()).orElseThrow()),
                            dsl -> meetings.state(dsl, g.communityId(), g.id()))
                        .isPresent());
    if (found.isEmpty()) {
      // an error in the stream, not a throw, so that the client gets the code like any error
      return Flux.error(new ApiException(ErrorCode.NOT_FOUND, "No such meeting"));
    }
    GlobalId id = found.get();
    AccessScope one = scope.narrowedTo(scope.byId(id.communityId()).orElseThrow());
    // each event's meeting read in turn, as the subscriber may see it when the event is taken
    return feed.follow(MeetingDesk.TOPIC, one, after)
        .filter(followed -> followed.change().subjectId().equals(id.id()))
        .concatMap(
            followed ->
                Mono.fromCallable(
                        () ->
                            new MeetingEvent(
                                followed.change().kind(),
                                id.encode(),
                                readBack.read(
                                    one,
                                    new Changed(MeetingTypes.MEETING, id.communityId(), id.id()),
                                    environment,
                                    "meeting"),
                                followed.position()))
                    .subscribeOn(Schedulers.boundedElastic()));
  }
}
