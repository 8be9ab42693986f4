package org.redgovernance.api.roster;

import static org.redgovernance.api.roster.RosterRules.blankToNull;
import static org.redgovernance.api.roster.RosterRules.invalid;
import static org.redgovernance.api.roster.RosterRules.notFound;

import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.commands.Commands;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.graphql.Refusal;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.readmodel.Changed;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.database.Ids;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Laying out a community: its grids and buildings, which households and imports then use. Each
 * mutation is a command ({@link Commands}): one statement writes the change with its audit record.
 */
@Controller
class PlaceMutationController {

  record AddGridInput(
      @Nullable String communityKey,
      @Nullable String name,
      @Nullable String partyBranchName,
      @Nullable String workerName) {}

  record AddBuildingInput(
      @Nullable String communityKey,
      @Nullable String number,
      @Nullable Integer units,
      @Nullable String gridId) {}

  record UpdateGridInput(
      @Nullable String id,
      @Nullable Integer expectedVersion,
      @Nullable String name,
      @Nullable String partyBranchName,
      @Nullable String workerName) {}

  record UpdateBuildingInput(
      @Nullable String id,
      @Nullable Integer expectedVersion,
      @Nullable String number,
      @Nullable Integer units,
      @Nullable String gridId) {}

  private final Commands commands;
  private final RosterRepository reads;

  PlaceMutationController(Commands commands, RosterRepository reads) {
    this.commands = commands;
    this.reads = reads;
  }

  @MutationMapping
  Map<String, Object> addGrid(
      @Argument AddGridInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return commands.run(
        environment,
        scope,
        RosterRules.editableCommunity(input.communityKey(), scope),
        "grid",
        command -> {
          String name = blankToNull(input.name());
          if (name == null || name.length() > 100) {
            throw refused(invalid("Name must have 1 to 100 characters", "name"));
          }
          String branch = blankToNull(input.partyBranchName());
          String worker = blankToNull(input.workerName());
          if ((branch != null && branch.length() > 100)
              || (worker != null && worker.length() > 100)) {
            throw refused(
                invalid(
                    "Names have at most 100 characters",
                    branch != null && branch.length() > 100 ? "partyBranchName" : "workerName"));
          }
          UUID id = Ids.newId();
          command
              .write(
                  RosterWriteRepository.insertGrid(
                      command.community().id(), id, name, branch, worker))
              .onViolation(DUPLICATE_GRID)
              .audited("roster.grid.added", RosterTypes.GRID, Map.of())
              .execute();
          return new Changed(RosterTypes.GRID, command.community().id(), id);
        });
  }

  @MutationMapping
  Map<String, Object> addBuilding(
      @Argument AddBuildingInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return commands.run(
        environment,
        scope,
        RosterRules.editableCommunity(input.communityKey(), scope),
        "building",
        command -> {
          String number = blankToNull(input.number());
          if (number == null || number.length() > 30) {
            throw refused(invalid("Number must have 1 to 30 characters", "number"));
          }
          int units = input.units() == null ? 1 : input.units();
          if (units < 1 || units > 50) {
            throw refused(invalid("A building has 1 to 50 units", "units"));
          }
          UUID communityId = command.community().id();
          UUID grid = grid(command, input.gridId());
          UUID id = Ids.newId();
          command
              .write(RosterWriteRepository.insertBuilding(communityId, id, number, units, grid))
              .onViolation(DUPLICATE_BUILDING)
              .audited("roster.building.added", RosterTypes.BUILDING, Map.of())
              .execute();
          return new Changed(RosterTypes.BUILDING, communityId, id);
        });
  }

  @MutationMapping
  Map<String, Object> updateGrid(
      @Argument UpdateGridInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return commands.run(
        environment,
        scope,
        RosterRules.editable(input.id(), RosterTypes.GRID, "id", scope),
        "grid",
        command -> {
          String name = blankToNull(input.name());
          if ((input.name() != null && name == null) || (name != null && name.length() > 100)) {
            throw refused(invalid("Name must have 1 to 100 characters", "name"));
          }
          UUID communityId = command.community().id();
          if (!reads.gridExists(command.dsl(), communityId, command.targetId())) {
            throw refused(notFound("id"));
          }
          command
              .write(
                  RosterWriteRepository.updateGrid(
                      communityId,
                      command.targetId(),
                      input.expectedVersion(),
                      name,
                      blankToNull(input.partyBranchName()),
                      blankToNull(input.workerName())))
              .onViolation(DUPLICATE_GRID)
              .audited("roster.grid.updated", RosterTypes.GRID, Map.of())
              .executeOr(refused(RosterRules.staleVersion()));
          return new Changed(RosterTypes.GRID, communityId, command.targetId());
        });
  }

  @MutationMapping
  Map<String, Object> updateBuilding(
      @Argument UpdateBuildingInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return commands.run(
        environment,
        scope,
        RosterRules.editable(input.id(), RosterTypes.BUILDING, "id", scope),
        "building",
        command -> {
          String number = blankToNull(input.number());
          if ((input.number() != null && number == null)
              || (number != null && number.length() > 30)) {
            throw refused(invalid("Number must have 1 to 30 characters", "number"));
          }
          if (input.units() != null && (input.units() < 1 || input.units() > 50)) {
            throw refused(invalid("A building has 1 to 50 units", "units"));
          }
          UUID communityId = command.community().id();
          if (!reads.buildingExists(command.dsl(), communityId, command.targetId())) {
            throw refused(notFound("id"));
          }
          UUID grid = grid(command, input.gridId());
          command
              .write(
                  RosterWriteRepository.updateBuilding(
                      communityId,
                      command.targetId(),
                      input.expectedVersion(),
                      number,
                      input.units(),
                      grid))
              .onViolation(DUPLICATE_BUILDING)
              .audited("roster.building.updated", RosterTypes.BUILDING, Map.of())
              .executeOr(refused(RosterRules.staleVersion()));
          return new Changed(RosterTypes.BUILDING, communityId, command.targetId());
        });
  }

  /** The grid {@code gridId} names in the command's community; null when none is named. */
  private @Nullable UUID grid(Commands.Step command, @Nullable String gridId) {
    if (gridId == null) {
      return null;
    }
    UUID communityId = command.community().id();
    return GlobalId.decode(gridId, RosterTypes.GRID)
        .filter(g -> g.communityId().equals(communityId))
        .map(GlobalId::id)
        .filter(id -> reads.gridExists(command.dsl(), communityId, id))
        .orElseThrow(() -> refused(notFound("gridId")));
  }

  private static final Refusal DUPLICATE_GRID =
      Refusal.because(
          UserError.Code.DUPLICATE, "The community already has a grid of this name", "name");
  private static final Refusal DUPLICATE_BUILDING =
      Refusal.because(
          UserError.Code.DUPLICATE,
          "The community already has a building with this number",
          "number");

  private static Refusal refused(UserError error) {
    return new Refusal(error);
  }
}
