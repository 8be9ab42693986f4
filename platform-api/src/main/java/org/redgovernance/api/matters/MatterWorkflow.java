package org.redgovernance.api.matters;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.commands.Commands;
import org.redgovernance.api.commands.Write;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.graphql.Refusal;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.matters.MatterRepository.Change;
import org.redgovernance.api.notifications.Notifications;
import org.redgovernance.api.readmodel.Changed;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.MutationTargets;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.springframework.stereotype.Component;

/**
 * Takes one step of a matter's workflow ({@link MatterStep}) for a caller, in one transaction: the
 * matter must be visible to them, the step theirs to take, the community writable, the version the
 * one they saw and the status one the step starts from. Then it moves the matter, appends the
 * timeline entry, audits and announces the change. Of two callers racing on one matter, the second
 * finds the version moved and gets CONFLICT; nothing it asked for is written.
 */
@Component
class MatterWorkflow {

  static final String TOPIC = "matter";
  static final int MAX_NOTE = 2000;

  /** Checks a step's own input against the matter and the community, and says what it changes. */
  @FunctionalInterface
  interface Details {
    Change check(DSLContext dsl, ReachableCommunity community, MatterState matter);

    Details NONE = (dsl, community, matter) -> Change.NONE;
  }

  private final MatterRepository matters;
  private final Commands commands;

  MatterWorkflow(MatterRepository matters, Commands commands) {
    this.matters = matters;
    this.commands = commands;
  }

  /** The matter a mutation's {@code id} names, located in the caller's scope. */
  static MutationTargets.Target target(AccessScope scope, @Nullable String matterId) {
    Optional<GlobalId> id = GlobalId.decode(matterId, MatterTypes.MATTER);
    Optional<ReachableCommunity> community = id.flatMap(g -> scope.byId(g.communityId()));
    if (id.isEmpty() || community.isEmpty()) {
      return new MutationTargets.Target(
          null,
          null,
          new MutationTargets.Denial(
              MutationTargets.Denial.Reason.NOT_FOUND, "No such matter", "id"));
    }
    return new MutationTargets.Target(community.get(), id.get().id(), null);
  }

  /**
   * Takes the step inside the caller's transaction (a matter mutation's, or another feature's, e.g.
   * a meeting deciding on a matter) and says which matter moved; throws {@link Refusal} so that the
   * whole transaction rolls back.
   */
  Changed takeIn(
      DSLContext dsl,
      AccessScope scope,
      ReachableCommunity community,
      UUID matterId,
      @Nullable Integer expectedVersion,
      MatterStep step,
      @Nullable String note,
      Details details) {
    String userId = scope.caller().userId();
    MatterState matter =
        matters
            .state(dsl, community.id(), matterId, scope)
            .orElseThrow(() -> MatterVisibility.notFound("id"));
    mayTake(step, community, matter, userId);
    int expected = expectedVersion == null ? matter.version() : expectedVersion;
    if (expected != matter.version()) {
      throw changedMeanwhile();
    }
    if (!step.startsFrom(matter.status())) {
      throw Refusal.because(
          UserError.Code.ILLEGAL_TRANSITION,
          "A matter that is "
              + matter.status()
              + " cannot move to "
              + step.to()
              + "; that step starts from "
              + step.from(),
          "id");
    }
    String checkedNote = checkedNote(step, note);
    Change change = details.check(dsl, community, matter);
    if (!moved(
        dsl,
        scope,
        matter,
        expected,
        step,
        change,
        userId,
        scope.caller().displayName(),
        checkedNote)) {
      throw changedMeanwhile();
    }
    return new Changed(MatterTypes.MATTER, community.id(), matter.id());
  }

  /**
   * Closes a verified matter that its reporter has not rated in time. Runs as the platform, not as
   * a person: no role check, and a matter rated meanwhile is simply left alone.
   */
  boolean autoClose(DSLContext dsl, AccessScope system, MatterState matter, String note) {
    return moved(
        dsl,
        system,
        matter,
        matter.version(),
        MatterStep.AUTO_CLOSE,
        Change.NONE,
        "system",
        "系统",
        note);
  }

  /**
   * The step written with its timeline entry, audit record and event in one statement; false when
   * another change came first (nothing is written then).
   */
  private boolean moved(
      DSLContext dsl,
      AccessScope scope,
      MatterState matter,
      int expected,
      MatterStep step,
      Change change,
      String actorId,
      String actorName,
      @Nullable String note) {
    Write write =
        commands
            .write(
                dsl, scope, matters.move(matter.communityId(), matter.id(), expected, step, change))
            .alongside(
                row ->
                    MatterRepository.timelineEntry(
                        row, actorId, actorName, matter.status(), step.to(), note));
    MatterNotifications.of(step).forEach(intent -> write.alongside(Notifications.recorded(intent)));
    return !write
        .audited(
            "matter." + step.name().toLowerCase(),
            MatterTypes.MATTER,
            Map.of("from", matter.status().name(), "to", step.to().name()))
        .announced(TOPIC, step.to().name())
        .execute()
        .isEmpty();
  }

  private static void mayTake(
      MatterStep step, ReachableCommunity community, MatterState matter, String userId) {
    if (!step.actor().allows(community)) {
      throw Refusal.because(
          UserError.Code.FORBIDDEN,
          "Only " + step.actor().description() + " may move a matter to " + step.to());
    }
    if (step.actor() == MatterStep.Actor.REPORTER && !userId.equals(matter.reporterUserId())) {
      throw Refusal.because(
          UserError.Code.FORBIDDEN, "Only the resident who raised the matter may rate it");
    }
    if (step == MatterStep.VERIFY && userId.equals(matter.resolvedBy())) {
      throw Refusal.because(
          UserError.Code.FORBIDDEN,
          "You resolved this matter yourself; another supervisory-committee member must verify it");
    }
    if (!community.status().acceptsWrites()) {
      throw Refusal.because(UserError.Code.COMMUNITY_READ_ONLY, "The community is read-only");
    }
  }

  private static @Nullable String checkedNote(MatterStep step, @Nullable String note) {
    String text = note == null ? "" : note.strip();
    if (text.isEmpty()) {
      if (step.needsNote()) {
        throw Refusal.because(
            UserError.Code.INVALID_INPUT,
            "Say why (or how it was resolved): 1 to " + MAX_NOTE + " characters",
            noteField(step));
      }
      return null;
    }
    if (text.length() > MAX_NOTE) {
      throw Refusal.because(
          UserError.Code.INVALID_INPUT, "At most " + MAX_NOTE + " characters", noteField(step));
    }
    return text;
  }

  static String noteField(MatterStep step) {
    return switch (step) {
      case REJECT, REOPEN -> "reason";
      case RESOLVE -> "resolution";
      case CLOSE -> "comment";
      default -> "note";
    };
  }

  private static Refusal changedMeanwhile() {
    return Refusal.because(
        UserError.Code.CONFLICT,
        "The matter was changed by someone else; reload it and try again",
        "expectedVersion");
  }
}
