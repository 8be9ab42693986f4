package org.redgovernance.api.roster;

import static org.redgovernance.api.roster.RosterRules.notFound;
import static org.redgovernance.api.roster.RosterRules.staleVersion;

import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.commands.Commands;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.graphql.Refusal;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.readmodel.Changed;
import org.redgovernance.api.roster.RosterWriteRepository.Place;
import org.redgovernance.api.tenancy.AccessScope;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Correcting a community's layout: moving a household to another grid, and deleting households,
 * buildings and grids entered by mistake — never one that records still refer to. Each is a command
 * ({@link Commands}) writing the change and its audit record in one statement.
 */
@Controller
class PlaceChangeController {

  record UpdateHouseholdInput(
      @Nullable String id, @Nullable Integer expectedVersion, @Nullable String gridId) {}

  record DeleteInput(@Nullable String id, @Nullable Integer expectedVersion) {}

  private final Commands commands;
  private final RosterRepository reads;
  private final RosterWriteRepository writes;

  PlaceChangeController(Commands commands, RosterRepository reads, RosterWriteRepository writes) {
    this.commands = commands;
    this.reads = reads;
    this.writes = writes;
  }

  @MutationMapping
  Map<String, Object> updateHousehold(
      @Argument UpdateHouseholdInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return commands.run(
        environment,
        scope,
        RosterRules.editable(input.id(), RosterTypes.HOUSEHOLD, "id", scope),
        "household",
        command -> {
          UUID communityId = command.community().id();
          UUID grid =
              GlobalId.decode(input.gridId(), RosterTypes.GRID)
                  .filter(g -> g.communityId().equals(communityId))
                  .map(GlobalId::id)
                  .orElseThrow(() -> new Refusal(notFound("gridId")));
          if (!writes.householdExists(command.dsl(), communityId, command.targetId())) {
            throw new Refusal(notFound("id"));
          }
          if (!reads.gridExists(command.dsl(), communityId, grid)) {
            throw new Refusal(notFound("gridId"));
          }
          command
              .write(
                  RosterWriteRepository.updateHouseholdGrid(
                      communityId, command.targetId(), input.expectedVersion(), grid))
              .audited("roster.household.updated", RosterTypes.HOUSEHOLD, Map.of())
              .executeOr(new Refusal(staleVersion()));
          return new Changed(RosterTypes.HOUSEHOLD, communityId, command.targetId());
        });
  }

  @MutationMapping
  Map<String, Object> deleteHousehold(
      @Argument DeleteInput input, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    return delete(
        input,
        RosterTypes.HOUSEHOLD,
        Place.HOUSEHOLD,
        "Residents are registered in this household",
        scope);
  }

  @MutationMapping
  Map<String, Object> deleteBuilding(
      @Argument DeleteInput input, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    return delete(
        input,
        RosterTypes.BUILDING,
        Place.BUILDING,
        "Households are registered in this building",
        scope);
  }

  @MutationMapping
  Map<String, Object> deleteGrid(
      @Argument DeleteInput input, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    return delete(
        input,
        RosterTypes.GRID,
        Place.GRID,
        "Buildings, households or party members belong to this grid",
        scope);
  }

  private Map<String, Object> delete(
      DeleteInput input, String type, Place place, String inUse, AccessScope scope) {
    return commands.delete(
        scope,
        RosterRules.editable(input.id(), type, "id", scope),
        "deletedId",
        input.id(),
        command -> {
          UUID communityId = command.community().id();
          if (!writes.placeExists(command.dsl(), place, communityId, command.targetId())) {
            throw new Refusal(notFound("id"));
          }
          if (writes.placeInUse(command.dsl(), place, communityId, command.targetId())) {
            throw Refusal.because(UserError.Code.CONFLICT, inUse, "id");
          }
          command
              .write(
                  RosterWriteRepository.deletePlace(
                      place, communityId, command.targetId(), input.expectedVersion()))
              .audited("roster." + type.toLowerCase() + ".deleted", type, Map.of())
              .executeOr(new Refusal(staleVersion()));
        });
  }
}
