package org.redgovernance.api.matters;

import org.redgovernance.api.graphql.Refusal;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.matters.MatterMutations.AssignMatterInput;
import org.redgovernance.api.matters.MatterMutations.MatterPayload;
import org.redgovernance.api.matters.MatterMutations.MatterReasonInput;
import org.redgovernance.api.matters.MatterMutations.MatterStepInput;
import org.redgovernance.api.matters.MatterMutations.RateMatterInput;
import org.redgovernance.api.matters.MatterMutations.ResolveMatterInput;
import org.redgovernance.api.matters.MatterRepository.Change;
import org.redgovernance.api.tenancy.AccessScope;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * The workflow mutations, one per {@link MatterStep}: {@code acceptMatter}, {@code rejectMatter},
 * {@code assignMatter}, {@code resolveMatter}, {@code verifyMatter}, {@code reopenMatter} and
 * {@code rateMatter}. Scheduling happens by putting a matter on a meeting's agenda.
 */
@Controller
class MatterStepController {

  static final int MAX_RATING_COMMENT = 1000;

  private final MatterWorkflow workflow;
  private final MatterRepository matters;

  MatterStepController(MatterWorkflow workflow, MatterRepository matters) {
    this.workflow = workflow;
    this.matters = matters;
  }

  @MutationMapping
  MatterPayload acceptMatter(
      @Argument MatterStepInput input, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    Change change = new Change(null, null, null, null, null, null, input.isPublic());
    return workflow.take(
        scope,
        input.id(),
        input.expectedVersion(),
        MatterStep.ACCEPT,
        input.note(),
        (dsl, community, matter) -> change);
  }

  @MutationMapping
  MatterPayload rejectMatter(
      @Argument MatterReasonInput input, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    return workflow.take(
        scope,
        input.id(),
        input.expectedVersion(),
        MatterStep.REJECT,
        input.reason(),
        MatterWorkflow.Details.NONE);
  }

  @MutationMapping
  MatterPayload assignMatter(
      @Argument AssignMatterInput input, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    return workflow.take(
        scope,
        input.id(),
        input.expectedVersion(),
        MatterStep.ASSIGN,
        input.note(),
        (dsl, community, matter) ->
            MatterAssignment.check(matters, dsl, community, input.assigneeId(), input.dueOn()));
  }

  @MutationMapping
  MatterPayload resolveMatter(
      @Argument ResolveMatterInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    String resolution = input.resolution() == null ? null : input.resolution().strip();
    return workflow.take(
        scope,
        input.id(),
        input.expectedVersion(),
        MatterStep.RESOLVE,
        resolution,
        (dsl, community, matter) -> new Change(null, null, null, resolution, null, null, null));
  }

  @MutationMapping
  MatterPayload verifyMatter(
      @Argument MatterStepInput input, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    return workflow.take(
        scope,
        input.id(),
        input.expectedVersion(),
        MatterStep.VERIFY,
        input.note(),
        MatterWorkflow.Details.NONE);
  }

  @MutationMapping
  MatterPayload reopenMatter(
      @Argument MatterReasonInput input, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    return workflow.take(
        scope,
        input.id(),
        input.expectedVersion(),
        MatterStep.REOPEN,
        input.reason(),
        MatterWorkflow.Details.NONE);
  }

  @MutationMapping
  MatterPayload rateMatter(
      @Argument RateMatterInput input, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    String comment = input.comment() == null ? null : input.comment().strip();
    return workflow.take(
        scope,
        input.id(),
        input.expectedVersion(),
        MatterStep.CLOSE,
        comment,
        (dsl, community, matter) -> {
          Integer rating = input.rating();
          if (rating == null || rating < 1 || rating > 5) {
            throw Refusal.because(
                UserError.Code.INVALID_INPUT, "Rate the outcome from 1 to 5", "rating");
          }
          if (comment != null && comment.length() > MAX_RATING_COMMENT) {
            throw Refusal.because(
                UserError.Code.INVALID_INPUT,
                "At most " + MAX_RATING_COMMENT + " characters",
                "comment");
          }
          String kept = comment == null || comment.isEmpty() ? null : comment;
          return new Change(null, null, null, null, rating, kept, null);
        });
  }
}
