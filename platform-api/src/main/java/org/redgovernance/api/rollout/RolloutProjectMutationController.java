package org.redgovernance.api.rollout;

import graphql.schema.DataFetchingEnvironment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.commands.Commands;
import org.redgovernance.api.commands.Write;
import org.redgovernance.api.graphql.Refusal;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.readmodel.Changed;
import org.redgovernance.api.readmodel.ReadRequest;
import org.redgovernance.api.rollout.RolloutMutations.AddRolloutCommunitiesInput;
import org.redgovernance.api.rollout.RolloutMutations.CreateRolloutProjectInput;
import org.redgovernance.api.rollout.RolloutMutations.UpdateRolloutProjectInput;
import org.redgovernance.api.rollout.RolloutRepository.Joining;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.MutationTargets;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.api.tenancy.ReachableStreet;
import org.redgovernance.database.Ids;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Starting and changing a street's rollout projects, as commands on the street's own objects
 * ({@link Commands#runOnStreet}): the street admin's or the platform operator's, audited in the
 * street's log.
 */
@Controller
class RolloutProjectMutationController {

  private static final MutationTargets.StreetRule STREET_ADMIN =
      new MutationTargets.StreetRule(
          ReachableStreet::administered,
          "Only the street's admin or a platform operator run its rollout projects");
  private static final Refusal NO_SUCH_PROJECT =
      Refusal.because(UserError.Code.NOT_FOUND, "No such project", "id");
  private static final Refusal NAME_TAKEN =
      Refusal.because(
          UserError.Code.DUPLICATE, "The street has a project of this name already", "name");
  private static final Refusal STALE =
      Refusal.because(
          UserError.Code.CONFLICT,
          "The project was changed by someone else; reload it and try again",
          "expectedVersion");
  private static final int MOST_COMMUNITIES = 500;

  private final RolloutRepository rollout;
  private final Commands commands;

  RolloutProjectMutationController(RolloutRepository rollout, Commands commands) {
    this.rollout = rollout;
    this.commands = commands;
  }

  @MutationMapping
  Map<String, Object> createRolloutProject(
      @Argument CreateRolloutProjectInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return commands.runOnStreet(
        environment,
        scope,
        MutationTargets.street(input.streetKey(), "streetKey", scope, STREET_ADMIN),
        "project",
        command -> {
          RolloutPlan plan =
              RolloutPlan.of(
                  input.name(),
                  input.goal(),
                  input.ownerName(),
                  input.startsOn(),
                  input.targetOn(),
                  input.indicators());
          requireKnown(command, plan);
          List<ReachableCommunity> joining =
              joining(command.street(), input.communityKeys(), List.of());
          UUID id = Ids.newId();
          Write write =
              command
                  .write(RolloutRepository.insertProject(command.street().id(), id, plan))
                  .onViolation(NAME_TAKEN);
          if (!plan.indicators().isEmpty()) {
            write.alongside(project -> RolloutRepository.indicators(project, plan.indicators()));
          }
          joined(command, write, joining);
          write
              .audited(
                  "rollout.project.created",
                  RolloutTypes.PROJECT,
                  Map.of("name", plan.name(), "communities", keys(joining)))
              .execute();
          return new Changed(RolloutTypes.PROJECT, command.street().id(), id);
        });
  }

  @MutationMapping
  Map<String, Object> updateRolloutProject(
      @Argument UpdateRolloutProjectInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return onProject(
        environment,
        scope,
        input.id(),
        (command, project) -> {
          RolloutPlan was = project.plan();
          RolloutPlan plan =
              RolloutPlan.of(
                  input.name() == null ? was.name() : input.name(),
                  input.goal() == null ? was.goal() : input.goal(),
                  input.ownerName() == null ? was.ownerName() : input.ownerName(),
                  input.startsOn() == null ? was.startsOn() : input.startsOn(),
                  input.targetOn() == null ? was.targetOn() : input.targetOn(),
                  input.indicators() == null
                      ? was.indicators().stream()
                          .map(
                              indicator ->
                                  new RolloutMutations.RolloutIndicatorInput(
                                      indicator.metricKey(), indicator.target()))
                          .toList()
                      : input.indicators());
          requireKnown(command, plan);
          UUID street = command.street().id();
          command
              .write(
                  RolloutRepository.updateProject(
                      street, command.targetId(), plan, expected(input.expectedVersion(), project)))
              .onViolation(NAME_TAKEN)
              .audited(
                  "rollout.project.updated",
                  RolloutTypes.PROJECT,
                  Map.of("name", plan.name(), "indicators", plan.indicators().size()))
              .executeOr(STALE);
          if (input.indicators() != null) {
            // reviews froze their own copies: replacing the indicators rewrites no review
            RolloutRepository.removeIndicators(command.dsl(), street, command.targetId());
            RolloutRepository.writeIndicators(
                command.dsl(), street, command.targetId(), plan.indicators());
          }
          return new Changed(RolloutTypes.PROJECT, street, command.targetId());
        });
  }

  @MutationMapping
  Map<String, Object> addRolloutCommunities(
      @Argument AddRolloutCommunitiesInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return onProject(
        environment,
        scope,
        input.id(),
        (command, project) -> {
          if (input.communityKeys() == null || input.communityKeys().isEmpty()) {
            throw RolloutPlan.invalid("Name at least one community", "communityKeys");
          }
          List<ReachableCommunity> joining =
              joining(command.street(), input.communityKeys(), project.communities());
          Write write =
              command
                  .write(
                      RolloutRepository.updateProject(
                          command.street().id(),
                          command.targetId(),
                          project.plan(),
                          project.version()))
                  .onViolation(
                      Refusal.because(
                          UserError.Code.DUPLICATE,
                          "A community named takes part already",
                          "communityKeys"));
          joined(command, write, joining);
          write
              .audited(
                  "rollout.communities.added",
                  RolloutTypes.PROJECT,
                  Map.of("communities", keys(joining)))
              .executeOr(STALE);
          return new Changed(RolloutTypes.PROJECT, command.street().id(), command.targetId());
        });
  }

  /** A command's part on the project it names, found in the command's transaction. */
  @FunctionalInterface
  private interface OnProject {
    Changed apply(Commands.StreetStep command, RolloutState.Project project);
  }

  /**
   * Runs {@code body} on the project of global ID {@code id}: NOT_FOUND when the caller reaches no
   * such project, FORBIDDEN unless they are the street's admin or a platform operator.
   */
  private Map<String, Object> onProject(
      DataFetchingEnvironment environment, AccessScope scope, @Nullable String id, OnProject body) {
    return commands.runOnStreet(
        environment,
        scope,
        MutationTargets.streetObject(id, RolloutTypes.PROJECT, "id", scope, STREET_ADMIN),
        "project",
        command ->
            body.apply(
                command,
                rollout
                    .project(command.dsl(), command.street().id(), command.targetId())
                    .orElseThrow(() -> NO_SUCH_PROJECT)));
  }

  private void requireKnown(Commands.StreetStep command, RolloutPlan plan) {
    List<String> unknown =
        rollout.unknownMetrics(
            command.dsl(),
            plan.indicators().stream().map(RolloutPlan.Indicator::metricKey).toList());
    if (!unknown.isEmpty()) {
      throw RolloutPlan.invalid(
          "No metric of the catalogue has the key " + unknown.get(0), "indicators");
    }
  }

  /**
   * The communities of {@code keys}: each of the street, taking writes, named once, not among
   * {@code already} (taking part).
   */
  private static List<ReachableCommunity> joining(
      ReachableStreet street, @Nullable List<String> keys, Collection<UUID> already) {
    if (keys == null) {
      return List.of();
    }
    if (keys.size() > MOST_COMMUNITIES) {
      throw RolloutPlan.invalid(
          "Name up to " + MOST_COMMUNITIES + " communities at once", "communityKeys");
    }
    List<ReachableCommunity> found = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String key : keys) {
      if (!seen.add(key)) {
        throw RolloutPlan.invalid("The community " + key + " is named twice", "communityKeys");
      }
      ReachableCommunity community =
          street.communities().stream()
              .filter(candidate -> candidate.key().equals(key))
              .findFirst()
              .orElseThrow(
                  () ->
                      Refusal.because(
                          UserError.Code.NOT_FOUND,
                          "No community of the street has the key " + key,
                          "communityKeys"));
      if (!community.status().acceptsWrites()) {
        throw Refusal.because(
            UserError.Code.COMMUNITY_READ_ONLY,
            "The community " + key + " is read-only",
            "communityKeys");
      }
      if (already.contains(community.id())) {
        throw Refusal.because(
            UserError.Code.DUPLICATE,
            "The community " + key + " takes part already",
            "communityKeys");
      }
      found.add(community);
    }
    return List.copyOf(found);
  }

  /** The communities joining, each at PLANNED from today, written beside the project's write. */
  private static void joined(
      Commands.StreetStep command, Write write, List<ReachableCommunity> joining) {
    if (joining.isEmpty()) {
      return;
    }
    LocalDate today = LocalDate.now(ReadRequest.ZONE);
    List<Joining> parts =
        joining.stream().map(community -> new Joining(community.id(), Ids.newId())).toList();
    write
        .alongside(project -> RolloutRepository.participants(project, parts, today))
        .alongside(
            project ->
                RolloutRepository.joined(
                    project,
                    parts,
                    today,
                    command.scope().caller().userId(),
                    command.scope().caller().displayName()));
  }

  private static List<String> keys(List<ReachableCommunity> communities) {
    return communities.stream().map(ReachableCommunity::key).toList();
  }

  private static int expected(@Nullable Integer given, RolloutState.Project project) {
    return given == null ? project.version() : given;
  }
}
