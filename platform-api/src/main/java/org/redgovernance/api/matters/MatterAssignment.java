package org.redgovernance.api.matters;

import java.time.LocalDate;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.graphql.Refusal;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.matters.MatterRepository.Change;
import org.redgovernance.api.tenancy.ReachableCommunity;

/**
 * Checks an assignment: a governance body, a resident or a party member of the matter's own
 * community, and a due date no earlier than today.
 */
final class MatterAssignment {

  private MatterAssignment() {}

  static Change check(
      MatterRepository matters,
      DSLContext dsl,
      ReachableCommunity community,
      @Nullable String assigneeId,
      @Nullable LocalDate dueOn) {
    Optional<GlobalId> assignee =
        GlobalId.decode(assigneeId).filter(id -> id.communityId().equals(community.id()));
    AssigneeKind kind = assignee.map(id -> kindOf(id.type())).orElse(null);
    boolean exists =
        kind != null
            && switch (kind) {
              case BODY -> matters.bodyExists(dsl, community.id(), assignee.get().id());
              case RESIDENT -> matters.residentExists(dsl, community.id(), assignee.get().id());
              case PARTY_MEMBER ->
                  matters.partyMemberExists(dsl, community.id(), assignee.get().id());
            };
    if (!exists) {
      throw Refusal.because(
          UserError.Code.NOT_FOUND,
          "Assign the matter to a governance body, a resident or a party member of the community",
          "assigneeId");
    }
    if (dueOn == null || dueOn.isBefore(MatterClock.today())) {
      throw Refusal.because(
          UserError.Code.INVALID_INPUT, "Give a due date, today or later", "dueOn");
    }
    return new Change(kind, assignee.get().id(), dueOn, null, null, null, null);
  }

  private static @Nullable AssigneeKind kindOf(String type) {
    return switch (type) {
      case "GovernanceBody" -> AssigneeKind.BODY;
      case "Resident" -> AssigneeKind.RESIDENT;
      case "PartyMember" -> AssigneeKind.PARTY_MEMBER;
      default -> null;
    };
  }
}
