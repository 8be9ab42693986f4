package org.redgovernance.api.roster;

import static org.redgovernance.api.roster.RosterRules.notFound;
import static org.redgovernance.api.roster.RosterRules.staleVersion;

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
import org.redgovernance.api.roster.RosterMutations.AddHouseholdPayload;
import org.redgovernance.api.roster.RosterWriteRepository.Place;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.MutationTargets;
import org.redgovernance.api.tenancy.TenantTransactions;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Correcting a community's layout: moving a household to another grid, and deleting households,
 * buildings and grids entered by mistake — never one that records still refer to.
 */
@Controller
class PlaceChangeController {

  record UpdateHouseholdInput(
      @Nullable String id, @Nullable Integer expectedVersion, @Nullable String gridId) {}

  record DeleteInput(@Nullable String id, @Nullable Integer expectedVersion) {}

  record DeletePayload(@Nullable String deletedId, List<UserError> errors) {
    static DeletePayload failed(UserError error) {
      return new DeletePayload(null, List.of(error));
    }
  }

  private final TenantTransactions transactions;
  private final RosterRepository reads;
  private final RosterWriteRepository writes;
  private final AuditLog audit;

  PlaceChangeController(
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
  AddHouseholdPayload updateHousehold(
      @Argument UpdateHouseholdInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    MutationTargets.Target household =
        RosterRules.editable(input.id(), RosterTypes.HOUSEHOLD, "id", scope);
    if (household.refusal() != null) {
      return AddHouseholdPayload.failed(Commands.refused(household.refusal()));
    }
    UUID communityId = household.target().id();
    Optional<UUID> grid =
        GlobalId.decode(input.gridId(), RosterTypes.GRID)
            .filter(g -> g.communityId().equals(communityId))
            .map(GlobalId::id);
    if (grid.isEmpty()) {
      return AddHouseholdPayload.failed(notFound("gridId"));
    }
    AccessScope one = scope.narrowedTo(household.target());
    return transactions.write(
        one,
        dsl -> {
          if (!writes.householdExists(dsl, communityId, household.localId())) {
            return AddHouseholdPayload.failed(notFound("id"));
          }
          if (!reads.gridExists(dsl, communityId, grid.get())) {
            return AddHouseholdPayload.failed(notFound("gridId"));
          }
          if (!writes.updateHouseholdGrid(
              dsl, communityId, household.localId(), input.expectedVersion(), grid.get())) {
            return AddHouseholdPayload.failed(staleVersion());
          }
          audit.record(
              dsl,
              one,
              communityId,
              "roster.household.updated",
              RosterTypes.HOUSEHOLD,
              household.localId(),
              Map.of());
          return new AddHouseholdPayload(
              new Changed(RosterTypes.HOUSEHOLD, communityId, household.localId()), List.of());
        });
  }

  @MutationMapping
  DeletePayload deleteHousehold(
      @Argument DeleteInput input, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    return delete(
        input,
        RosterTypes.HOUSEHOLD,
        Place.HOUSEHOLD,
        "Residents are registered in this household",
        scope);
  }

  @MutationMapping
  DeletePayload deleteBuilding(
      @Argument DeleteInput input, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    return delete(
        input,
        RosterTypes.BUILDING,
        Place.BUILDING,
        "Households are registered in this building",
        scope);
  }

  @MutationMapping
  DeletePayload deleteGrid(
      @Argument DeleteInput input, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    return delete(
        input,
        RosterTypes.GRID,
        Place.GRID,
        "Buildings, households or party members belong to this grid",
        scope);
  }

  private DeletePayload delete(
      DeleteInput input, String type, Place place, String inUse, AccessScope scope) {
    MutationTargets.Target target = RosterRules.editable(input.id(), type, "id", scope);
    if (target.refusal() != null) {
      return DeletePayload.failed(Commands.refused(target.refusal()));
    }
    UUID communityId = target.target().id();
    AccessScope one = scope.narrowedTo(target.target());
    return transactions.write(
        one,
        dsl -> {
          if (!writes.placeExists(dsl, place, communityId, target.localId())) {
            return DeletePayload.failed(notFound("id"));
          }
          if (writes.placeInUse(dsl, place, communityId, target.localId())) {
            return DeletePayload.failed(UserError.of(UserError.Code.CONFLICT, inUse, "id"));
          }
          if (!writes.deletePlace(
              dsl, place, communityId, target.localId(), input.expectedVersion())) {
            return DeletePayload.failed(staleVersion());
          }
          audit.record(
              dsl,
              one,
              communityId,
              "roster." + type.toLowerCase() + ".deleted",
              type,
              target.localId(),
              Map.of());
          return new DeletePayload(input.id(), List.of());
        });
  }
}
