package org.redgovernance.api.meetings;

import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.commands.Commands;
import org.redgovernance.api.commands.Write;
import org.redgovernance.api.events.ChangeEvent;
import org.redgovernance.api.events.ChangeEvents;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.graphql.Refusal;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.readmodel.Changed;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.MutationTargets;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.springframework.stereotype.Component;

/**
 * How every change to an existing meeting runs, as a command ({@link Commands}): the meeting must
 * be in the caller's scope and the caller a convener; then, in one transaction, the change, its
 * audit entry and its live event (one statement), and what changed read back. A {@link Refusal}
 * anywhere rolls all of it back.
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

  /** A change whose payload shows another object than the meeting (an action item it added). */
  @FunctionalInterface
  interface ChangeOf {
    Changed apply(
        DSLContext dsl, AccessScope scope, ReachableCommunity community, MeetingState meeting);
  }

  /** Which meeting a command's target belongs to (an agenda item's, an action item's). */
  @FunctionalInterface
  interface MeetingOf {
    Optional<UUID> find(Commands.Step command);
  }

  private final MeetingRepository meetings;
  private final Commands commands;
  private final ChangeEvents changes;

  MeetingDesk(MeetingRepository meetings, Commands commands, ChangeEvents changes) {
    this.meetings = meetings;
    this.commands = commands;
    this.changes = changes;
  }

  /** A change to the meeting {@code meetingId} names; the payload shows the meeting. */
  Map<String, Object> change(
      DataFetchingEnvironment environment,
      @Nullable String meetingId,
      String field,
      AccessScope scope,
      String action,
      Change change) {
    return run(
        environment,
        MutationTargets.object(
            meetingId, MeetingTypes.MEETING, field, scope, MeetingRules.CONVENERS),
        scope,
        field,
        "meeting",
        action,
        command -> Optional.of(command.targetId()),
        showingTheMeeting(change));
  }

  /**
   * A change to a meeting found through {@code target} (one of its parts), shown in the payload's
   * {@code payloadField} as the change says.
   */
  Map<String, Object> run(
      DataFetchingEnvironment environment,
      MutationTargets.Target target,
      AccessScope scope,
      String field,
      String payloadField,
      String action,
      MeetingOf meetingOf,
      ChangeOf change) {
    return commands.run(
        environment,
        scope,
        target,
        payloadField,
        command -> {
          DSLContext dsl = command.dsl();
          ReachableCommunity community = command.community();
          MeetingState meeting =
              meetingOf
                  .find(command)
                  .flatMap(id -> meetings.state(dsl, community.id(), id))
                  .orElseThrow(
                      () -> Refusal.because(UserError.Code.NOT_FOUND, "No such meeting", field));
          Changed shown = change.apply(dsl, command.scope(), community, meeting);
          Write write =
              commands.write(
                  dsl, command.scope(), MeetingRepository.row(community.id(), meeting.id()));
          MeetingNotifications.of(action, shown).forEach(write::alongside);
          write
              .audited("meeting." + action, MeetingTypes.MEETING, Map.of("title", meeting.title()))
              .announced(TOPIC, action.toUpperCase().replace('-', '_'))
              .execute();
          return shown;
        });
  }

  /** The change, its payload showing the meeting. */
  static ChangeOf showingTheMeeting(Change change) {
    return (dsl, scope, community, meeting) -> {
      change.apply(dsl, scope, community, meeting);
      return new Changed(MeetingTypes.MEETING, community.id(), meeting.id());
    };
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
