package org.redgovernance.api.matters;

import static org.redgovernance.api.matters.MatterStatus.ACCEPTED;
import static org.redgovernance.api.matters.MatterStatus.CLOSED;
import static org.redgovernance.api.matters.MatterStatus.IN_PROGRESS;
import static org.redgovernance.api.matters.MatterStatus.REJECTED;
import static org.redgovernance.api.matters.MatterStatus.REOPENED;
import static org.redgovernance.api.matters.MatterStatus.REPORTED;
import static org.redgovernance.api.matters.MatterStatus.RESOLVED;
import static org.redgovernance.api.matters.MatterStatus.SCHEDULED;
import static org.redgovernance.api.matters.MatterStatus.VERIFIED;

import java.util.EnumSet;
import java.util.Set;
import org.redgovernance.api.security.CommunityRole;
import org.redgovernance.api.tenancy.ReachableCommunity;

/**
 * The workflow of a matter, one row per step: from which statuses, to which, and who may take it.
 * This table is the whole rule set; the mutations only look it up.
 *
 * <p>The party branch (admin, secretary) "manages the home": it accepts, rejects, schedules and
 * assigns. Whoever handles the matter (also the owners' committee) resolves it. Only the
 * supervisory committee verifies or reopens (督家), and never a resolution it made itself. Only the
 * reporter closes with a rating; {@link #AUTO_CLOSE} is the system's.
 */
enum MatterStep {
  ACCEPT(EnumSet.of(REPORTED), ACCEPTED, Actor.MANAGERS, NoteRule.OPTIONAL),
  REJECT(EnumSet.of(REPORTED), REJECTED, Actor.MANAGERS, NoteRule.REQUIRED),
  SCHEDULE(EnumSet.of(ACCEPTED, REOPENED), SCHEDULED, Actor.MANAGERS, NoteRule.OPTIONAL),
  /** Also reassigns a matter in progress; urgent matters need not wait for a meeting. */
  ASSIGN(
      EnumSet.of(ACCEPTED, SCHEDULED, REOPENED, IN_PROGRESS),
      IN_PROGRESS,
      Actor.MANAGERS,
      NoteRule.OPTIONAL),
  RESOLVE(EnumSet.of(IN_PROGRESS), RESOLVED, Actor.HANDLERS, NoteRule.REQUIRED),
  VERIFY(EnumSet.of(RESOLVED), VERIFIED, Actor.SUPERVISORS, NoteRule.OPTIONAL),
  REOPEN(EnumSet.of(RESOLVED), REOPENED, Actor.SUPERVISORS, NoteRule.REQUIRED),
  CLOSE(EnumSet.of(VERIFIED), CLOSED, Actor.REPORTER, NoteRule.OPTIONAL),
  AUTO_CLOSE(EnumSet.of(VERIFIED), CLOSED, Actor.SYSTEM, NoteRule.OPTIONAL);

  /** Who may take a step. */
  enum Actor {
    MANAGERS("the community's admin or party secretary"),
    HANDLERS("the community's admin, party secretary or owners' committee"),
    SUPERVISORS("a member of the residents' supervisory committee"),
    REPORTER("the resident who raised the matter"),
    SYSTEM("the platform");

    private final String description;

    Actor(String description) {
      this.description = description;
    }

    String description() {
      return description;
    }

    /** Whether the caller's roles in the community allow the step; REPORTER is checked per row. */
    boolean allows(ReachableCommunity community) {
      return switch (this) {
        case MANAGERS -> community.holdsAny(CommunityRole.ADMIN, CommunityRole.SECRETARY);
        case HANDLERS ->
            community.holdsAny(
                CommunityRole.ADMIN, CommunityRole.SECRETARY, CommunityRole.OWNERS_COMMITTEE);
        case SUPERVISORS -> community.holdsAny(CommunityRole.SUPERVISOR);
        case REPORTER -> !community.roles().isEmpty();
        case SYSTEM -> false;
      };
    }
  }

  /** Whether the step needs a note (a reason, a resolution). */
  enum NoteRule {
    OPTIONAL,
    REQUIRED
  }

  private final Set<MatterStatus> from;
  private final MatterStatus to;
  private final Actor actor;
  private final NoteRule note;

  MatterStep(Set<MatterStatus> from, MatterStatus to, Actor actor, NoteRule note) {
    this.from = from;
    this.to = to;
    this.actor = actor;
    this.note = note;
  }

  Set<MatterStatus> from() {
    return from;
  }

  MatterStatus to() {
    return to;
  }

  Actor actor() {
    return actor;
  }

  boolean needsNote() {
    return note == NoteRule.REQUIRED;
  }

  boolean startsFrom(MatterStatus status) {
    return from.contains(status);
  }
}
