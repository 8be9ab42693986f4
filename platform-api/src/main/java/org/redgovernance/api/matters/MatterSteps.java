package org.redgovernance.api.matters;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.Refusal;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.springframework.stereotype.Component;

/**
 * What other features may do to matters, always through the workflow's rules: a meeting puts a
 * matter on its agenda (SCHEDULED) and, deciding on it, assigns it (IN_PROGRESS). Runs inside the
 * caller's transaction; a refusal comes back as the error, and the caller must then roll back.
 */
@Component
public class MatterSteps {

  private final MatterWorkflow workflow;
  private final MatterRepository matters;

  MatterSteps(MatterWorkflow workflow, MatterRepository matters) {
    this.workflow = workflow;
    this.matters = matters;
  }

  /** Accepted or reopened matters move to SCHEDULED; others are discussed where they stand. */
  public Optional<UserError> putOnAgenda(
      DSLContext dsl,
      AccessScope scope,
      ReachableCommunity community,
      UUID matterId,
      String meetingTitle) {
    try {
      MatterState matter =
          matters
              .state(dsl, community.id(), matterId, scope)
              .orElseThrow(() -> MatterVisibility.notFound("matterId"));
      if (matter.status().isFinal()) {
        return Optional.of(
            UserError.of(
                UserError.Code.ILLEGAL_TRANSITION,
                "A " + matter.status() + " matter is not put on an agenda",
                "matterId"));
      }
      if (MatterStep.SCHEDULE.startsFrom(matter.status())) {
        workflow.takeIn(
            dsl,
            scope,
            community,
            matterId,
            null,
            MatterStep.SCHEDULE,
            "列入议程：" + meetingTitle,
            MatterWorkflow.Details.NONE);
      }
      return Optional.empty();
    } catch (Refusal refused) {
      return Optional.of(refused.error());
    }
  }

  /** The meeting's decision hands the matter to a body or person, due by {@code dueOn}. */
  public Optional<UserError> assign(
      DSLContext dsl,
      AccessScope scope,
      ReachableCommunity community,
      UUID matterId,
      @Nullable String assigneeId,
      @Nullable LocalDate dueOn,
      String decision) {
    try {
      workflow.takeIn(
          dsl,
          scope,
          community,
          matterId,
          null,
          MatterStep.ASSIGN,
          decision,
          (d, c, m) -> MatterAssignment.check(matters, d, c, assigneeId, dueOn));
      return Optional.empty();
    } catch (Refusal refused) {
      return Optional.of(refused.error());
    }
  }
}
