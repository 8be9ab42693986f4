package org.redgovernance.api.roster;

import static org.redgovernance.api.roster.RosterRules.blankToNull;
import static org.redgovernance.api.roster.RosterRules.invalid;
import static org.redgovernance.api.roster.RosterRules.notFound;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.audit.AuditLog;
import org.redgovernance.api.commands.Commands;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.readmodel.Changed;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.MutationTargets;
import org.redgovernance.api.tenancy.TenantTransactions;
import org.redgovernance.database.Ids;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Laying out a community: its grids and buildings, which households and imports then use. */
@Controller
class PlaceMutationController {

  record AddGridInput(
      @Nullable String communityKey,
      @Nullable String name,
      @Nullable String partyBranchName,
      @Nullable String workerName) {}

  record AddGridPayload(@Nullable Changed grid, List<UserError> errors) {
    static AddGridPayload failed(UserError error) {
      return new AddGridPayload(null, List.of(error));
    }
  }

  record AddBuildingInput(
      @Nullable String communityKey,
      @Nullable String number,
      @Nullable Integer units,
      @Nullable String gridId) {}

  record AddBuildingPayload(@Nullable Changed building, List<UserError> errors) {
    static AddBuildingPayload failed(UserError error) {
      return new AddBuildingPayload(null, List.of(error));
    }
  }

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

  private final TenantTransactions transactions;
  private final RosterRepository reads;
  private final RosterWriteRepository writes;
  private final AuditLog audit;

  PlaceMutationController(
      TenantTransactions transactions,
      RosterRepository reads,
      RosterWriteRepository writes,
      AuditLog audit) {
    this.transactions = transactions;
    this.reads = reads;
    this.writes = writes;
    this.audit = audit;
  }

  @MutationMapping
  AddGridPayload addGrid(
      @Argument AddGridInput input, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    MutationTargets.Target community = RosterRules.editableCommunity(input.communityKey(), scope);
    if (community.refusal() != null) {
      return AddGridPayload.failed(Commands.refused(community.refusal()));
    }
    String name = blankToNull(input.name());
    if (name == null || name.length() > 100) {
      return AddGridPayload.failed(invalid("Name must have 1 to 100 characters", "name"));
    }
    String branch = blankToNull(input.partyBranchName());
    String worker = blankToNull(input.workerName());
    if ((branch != null && branch.length() > 100) || (worker != null && worker.length() > 100)) {
      return AddGridPayload.failed(
          invalid(
              "Names have at most 100 characters",
              branch != null && branch.length() > 100 ? "partyBranchName" : "workerName"));
    }
    UUID communityId = community.localId();
    AccessScope one = scope.narrowedTo(community.target());
    UUID id = Ids.newId();
    try {
      return transactions.write(
          one,
          dsl -> {
            writes.insertGrid(dsl, communityId, id, name, branch, worker);
            audit.record(
                dsl, one, communityId, "roster.grid.added", RosterTypes.GRID, id, Map.of());
            return new AddGridPayload(grid(communityId, id), List.of());
          });
    } catch (DataIntegrityViolationException duplicate) {
      return AddGridPayload.failed(
          UserError.of(
              UserError.Code.DUPLICATE, "The community already has a grid of this name", "name"));
    }
  }

  @MutationMapping
  AddBuildingPayload addBuilding(
      @Argument AddBuildingInput input, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    MutationTargets.Target community = RosterRules.editableCommunity(input.communityKey(), scope);
    if (community.refusal() != null) {
      return AddBuildingPayload.failed(Commands.refused(community.refusal()));
    }
    String number = blankToNull(input.number());
    if (number == null || number.length() > 30) {
      return AddBuildingPayload.failed(invalid("Number must have 1 to 30 characters", "number"));
    }
    int units = input.units() == null ? 1 : input.units();
    if (units < 1 || units > 50) {
      return AddBuildingPayload.failed(invalid("A building has 1 to 50 units", "units"));
    }
    UUID communityId = community.localId();
    UUID gridId = null;
    if (input.gridId() != null) {
      Optional<UUID> grid =
          GlobalId.decode(input.gridId(), RosterTypes.GRID)
              .filter(g -> g.communityId().equals(communityId))
              .map(GlobalId::id);
      if (grid.isEmpty()) {
        return AddBuildingPayload.failed(notFound("gridId"));
      }
      gridId = grid.get();
    }
    UUID chosenGrid = gridId;
    AccessScope one = scope.narrowedTo(community.target());
    UUID id = Ids.newId();
    try {
      return transactions.write(
          one,
          dsl -> {
            if (chosenGrid != null && !reads.gridExists(dsl, communityId, chosenGrid)) {
              return AddBuildingPayload.failed(notFound("gridId"));
            }
            writes.insertBuilding(dsl, communityId, id, number, units, chosenGrid);
            audit.record(
                dsl, one, communityId, "roster.building.added", RosterTypes.BUILDING, id, Map.of());
            return new AddBuildingPayload(building(communityId, id), List.of());
          });
    } catch (DataIntegrityViolationException duplicate) {
      return AddBuildingPayload.failed(
          UserError.of(
              UserError.Code.DUPLICATE,
              "The community already has a building with this number",
              "number"));
    }
  }

  @MutationMapping
  AddGridPayload updateGrid(
      @Argument UpdateGridInput input, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    MutationTargets.Target grid = RosterRules.editable(input.id(), RosterTypes.GRID, "id", scope);
    if (grid.refusal() != null) {
      return AddGridPayload.failed(Commands.refused(grid.refusal()));
    }
    String name = blankToNull(input.name());
    if ((input.name() != null && name == null) || (name != null && name.length() > 100)) {
      return AddGridPayload.failed(invalid("Name must have 1 to 100 characters", "name"));
    }
    UUID communityId = grid.target().id();
    AccessScope one = scope.narrowedTo(grid.target());
    try {
      return transactions.write(
          one,
          dsl -> {
            if (!reads.gridExists(dsl, communityId, grid.localId())) {
              return AddGridPayload.failed(notFound("id"));
            }
            if (!writes.updateGrid(
                dsl,
                communityId,
                grid.localId(),
                input.expectedVersion(),
                name,
                blankToNull(input.partyBranchName()),
                blankToNull(input.workerName()))) {
              return AddGridPayload.failed(RosterRules.staleVersion());
            }
            audit.record(
                dsl,
                one,
                communityId,
                "roster.grid.updated",
                RosterTypes.GRID,
                grid.localId(),
                Map.of());
            return new AddGridPayload(grid(communityId, grid.localId()), List.of());
          });
    } catch (DataIntegrityViolationException duplicate) {
      return AddGridPayload.failed(
          UserError.of(
              UserError.Code.DUPLICATE, "The community already has a grid of this name", "name"));
    }
  }

  @MutationMapping
  AddBuildingPayload updateBuilding(
      @Argument UpdateBuildingInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    MutationTargets.Target building =
        RosterRules.editable(input.id(), RosterTypes.BUILDING, "id", scope);
    if (building.refusal() != null) {
      return AddBuildingPayload.failed(Commands.refused(building.refusal()));
    }
    String number = blankToNull(input.number());
    if ((input.number() != null && number == null) || (number != null && number.length() > 30)) {
      return AddBuildingPayload.failed(invalid("Number must have 1 to 30 characters", "number"));
    }
    if (input.units() != null && (input.units() < 1 || input.units() > 50)) {
      return AddBuildingPayload.failed(invalid("A building has 1 to 50 units", "units"));
    }
    UUID communityId = building.target().id();
    UUID gridId = null;
    if (input.gridId() != null) {
      Optional<UUID> grid =
          GlobalId.decode(input.gridId(), RosterTypes.GRID)
              .filter(g -> g.communityId().equals(communityId))
              .map(GlobalId::id);
      if (grid.isEmpty()) {
        return AddBuildingPayload.failed(notFound("gridId"));
      }
      gridId = grid.get();
    }
    UUID chosenGrid = gridId;
    AccessScope one = scope.narrowedTo(building.target());
    try {
      return transactions.write(
          one,
          dsl -> {
            if (!reads.buildingExists(dsl, communityId, building.localId())) {
              return AddBuildingPayload.failed(notFound("id"));
            }
            if (chosenGrid != null && !reads.gridExists(dsl, communityId, chosenGrid)) {
              return AddBuildingPayload.failed(notFound("gridId"));
            }
            if (!writes.updateBuilding(
                dsl,
                communityId,
                building.localId(),
                input.expectedVersion(),
                number,
                input.units(),
                chosenGrid)) {
              return AddBuildingPayload.failed(RosterRules.staleVersion());
            }
            audit.record(
                dsl,
                one,
                communityId,
                "roster.building.updated",
                RosterTypes.BUILDING,
                building.localId(),
                Map.of());
            return new AddBuildingPayload(building(communityId, building.localId()), List.of());
          });
    } catch (DataIntegrityViolationException duplicate) {
      return AddBuildingPayload.failed(
          UserError.of(
              UserError.Code.DUPLICATE,
              "The community already has a building with this number",
              "number"));
    }
  }

  private static Changed grid(UUID communityId, UUID id) {
    return new Changed(RosterTypes.GRID, communityId, id);
  }

  private static Changed building(UUID communityId, UUID id) {
    return new Changed(RosterTypes.BUILDING, communityId, id);
  }
}
