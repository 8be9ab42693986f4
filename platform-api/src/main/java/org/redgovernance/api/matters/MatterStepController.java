package org.redgovernance.api.matters;

import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.commands.Commands;
import org.redgovernance.api.graphql.Refusal;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.matters.MatterMutations.AssignMatterInput;
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
  private final Commands commands;

  MatterStepController(MatterWorkflow workflow, MatterRepository matters, Commands commands) {
    this.workflow = workflow;
    this.matters = matters;
    this.commands = commands;
  }

  @MutationMapping
  Map<String, Object> acceptMatter(
      @Argument MatterStepInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    Change change = new Change(null, null, null, null, null, null, input.isPublic());
    return take(
        environment,
        scope,
        input.id(),
        input.expectedVersion(),
        MatterStep.ACCEPT,
        input.note(),
        (dsl, community, matter) -> change);
  }

  @MutationMapping
  Map<String, Object> rejectMatter(
      @Argument MatterReasonInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return take(
        environment,
        scope,
        input.id(),
        input.expectedVersion(),
        MatterStep.REJECT,
        input.reason(),
        MatterWorkflow.Details.NONE);
  }

  @MutationMapping
  Map<String, Object> assignMatter(
      @Argument AssignMatterInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return take(
        environment,
        scope,
        input.id(),
        input.expectedVersion(),
        MatterStep.ASSIGN,
        input.note(),
        (dsl, community, matter) ->
            MatterAssignment.check(matters, dsl, community, input.assigneeId(), input.dueOn()));
  }

  @MutationMapping
  Map<String, Object> resolveMatter(
      @Argument ResolveMatterInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    String resolution = input.resolution() == null ? null : input.resolution().strip();
    return take(
        environment,
        scope,
        input.id(),
        input.expectedVersion(),
        MatterStep.RESOLVE,
        resolution,
        (dsl, community, matter) -> new Change(null, null, null, resolution, null, null, null));
  }

  @MutationMapping
  Map<String, Object> verifyMatter(
      @Argument MatterStepInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return take(
        environment,
        scope,
        input.id(),
        input.expectedVersion(),
        MatterStep.VERIFY,
        input.note(),
        MatterWorkflow.Details.NONE);
  }

  @MutationMapping
  Map<String, Object> reopenMatter(
      @Argument MatterReasonInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return take(
        environment,
        scope,
        input.id(),
        input.expectedVersion(),
        MatterStep.REOPEN,
        input.reason(),
        MatterWorkflow.Details.NONE);
  }

  @MutationMapping
  Map<String, Object> rateMatter(
      @Argument RateMatterInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    String comment = input.comment() == null ? null : input.comment().strip();
    return take(
        environment,
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

  /** A step as a command: the matter located, then the step taken in the command's transaction. */
  private Map<String, Object> take(
      DataFetchingEnvironment environment,
      AccessScope scope,
      @Nullable String matterId,
      @Nullable Integer expectedVersion,
      MatterStep step,
      @Nullable String note,
      MatterWorkflow.Details details) {
    return commands.run(
        environment,
        scope,
        MatterWorkflow.target(scope, matterId),
        "matter",
        command ->
            workflow.takeIn(
                command.dsl(),
                command.scope(),
                command.community(),
                command.targetId(),
                expectedVersion,
                step,
                note,
                details));
  }
}
