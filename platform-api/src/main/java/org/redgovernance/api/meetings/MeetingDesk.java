package org.redgovernance.api.meetings;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.audit.AuditLog;
import org.redgovernance.api.events.ChangeEvent;
import org.redgovernance.api.events.ChangeEvents;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.graphql.Refusal;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.meetings.MeetingMutations.MeetingPayload;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.MutationTargets;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.api.tenancy.TenantTransactions;
import org.springframework.stereotype.Component;

/**
 * How every change to an existing meeting runs: the meeting must be in the caller's scope and the
 * caller a convener; then, in one transaction, the change, its audit entry and its live event, and
 * the meeting read back whole. A {@link Refusal} anywhere rolls all of it back.
 */
@Component
class MeetingDesk {

  static final String TOPIC = "meeting";

  /** One change to a meeting, inside the transaction. */
  @FunctionalInterface
  interface Change {
    void apply(
        DSLContext dsl, AccessScope scope, ReachableCommunity community, MeetingState meeting);
  }

  private final TenantTransactions transactions;
  private final MeetingRepository meetings;
  private final AuditLog audit;
  private final ChangeEvents changes;

  MeetingDesk(
      TenantTransactions transactions,
      MeetingRepository meetings,
      AuditLog audit,
      ChangeEvents changes) {
    this.transactions = transactions;
    this.meetings = meetings;
    this.audit = audit;
    this.changes = changes;
  }

  MeetingPayload change(
      @Nullable String meetingId, String field, AccessScope scope, String action, Change change) {
    MutationTargets.Target target =
        MutationTargets.object(
            meetingId, MeetingTypes.MEETING, field, scope, MeetingRules.CONVENERS);
    if (target.refusal() != null) {
      return MeetingPayload.failed(target.refusal());
    }
    return changeIn(target.target(), target.localId(), field, scope, action, change);
  }

  /** As {@link #change}, for a meeting found through one of its parts (an agenda item …). */
  MeetingPayload changeIn(
      ReachableCommunity community,
      UUID meetingId,
      String field,
      AccessScope scope,
      String action,
      Change change) {
    AccessScope one = scope.narrowedTo(community);
    try {
      return transactions.write(
          one,
          dsl -> {
            MeetingState meeting =
                meetings
                    .state(dsl, community.id(), meetingId)
                    .orElseThrow(
                        () -> Refusal.because(UserError.Code.NOT_FOUND, "No such meeting", field));
            change.apply(dsl, one, community, meeting);
            audit.record(
                dsl,
                one,
                community.id(),
                "meeting." + action,
                MeetingTypes.MEETING,
                meetingId,
                Map.of("title", meeting.title()));
            announce(dsl, community.id(), meetingId, action.toUpperCase().replace('-', '_'));
            return MeetingPayload.of(community.id(), meetingId);
          });
    } catch (Refusal refusal) {
      return MeetingPayload.failed(refusal.error());
    }
  }

  void announce(DSLContext dsl, UUID communityId, UUID meetingId, String kind) {
    changes.publish(dsl, new ChangeEvent(TOPIC, communityId, meetingId, kind));
  }

  /**
   * The community-local id of a global ID of one of {@code types}, if it is one of this community.
   */
  static Optional<GlobalId> local(
      @Nullable String globalId, ReachableCommunity community, String... types) {
    return GlobalId.decode(globalId)
        .filter(id -> id.communityId().equals(community.id()))
        .filter(id -> java.util.Arrays.asList(types).contains(id.type()));
  }

  static void expectVersion(@Nullable Integer expected, int actual, String what) {
    if (expected != null && expected != actual) {
      throw Refusal.because(
          UserError.Code.CONFLICT,
          "The " + what + " was changed by someone else; reload it and try again",
          "expectedVersion");
    }
  }
}
