package org.redgovernance.api.roster;

import static org.redgovernance.api.roster.RosterRules.invalid;
import static org.redgovernance.api.roster.RosterRules.mayEdit;
import static org.redgovernance.api.roster.RosterRules.notFound;
import static org.redgovernance.api.roster.RosterRules.staleVersion;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Field;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.audit.AuditLog;
import org.redgovernance.api.commands.Commands;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.readmodel.Changed;
import org.redgovernance.api.roster.RosterMutations.AddHouseholdInput;
import org.redgovernance.api.roster.RosterMutations.AddHouseholdPayload;
import org.redgovernance.api.roster.RosterMutations.AddResidentInput;
import org.redgovernance.api.roster.RosterMutations.DeleteResidentInput;
import org.redgovernance.api.roster.RosterMutations.DeleteResidentPayload;
import org.redgovernance.api.roster.RosterMutations.MoveOutResidentInput;
import org.redgovernance.api.roster.RosterMutations.ResidentPayload;
import org.redgovernance.api.roster.RosterMutations.UpdateResidentInput;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.MutationTargets;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.api.tenancy.TenantTransactions;
import org.redgovernance.database.Ids;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Changing the roster: households and residents. Every refusal is a typed {@link UserError} naming
 * the field and changes nothing; a stale {@code expectedVersion} is a conflict, never a silent
 * overwrite; an object of a community outside the caller's scope is "not found".
 */
@Controller
class RosterMutationController {

  private final TenantTransactions transactions;
  private final RosterWriteRepository writes;
  private final AuditLog audit;

  RosterMutationController(
      TenantTransactions transactions, RosterWriteRepository writes, AuditLog audit) {
    this.transactions = transactions;
    this.writes = writes;
    this.audit = audit;
  }

  @MutationMapping
  AddHouseholdPayload addHousehold(
      @Argument AddHouseholdInput input, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    Optional<GlobalId> building = GlobalId.decode(input.buildingId(), RosterTypes.BUILDING);
    Optional<ReachableCommunity> community = building.flatMap(id -> scope.byId(id.communityId()));
    if (community.isEmpty()
        || (input.communityKey() != null && !input.communityKey().equals(community.get().key()))) {
      return AddHouseholdPayload.failed(notFound("buildingId"));
    }
    Optional<UserError> refused = mayEdit(community.get());
    if (refused.isPresent()) {
      return AddHouseholdPayload.failed(refused.get());
    }
    String unit = strip(input.unit());
    String room = strip(input.room());
    if (unit.isEmpty() || unit.length() > 10) {
      return AddHouseholdPayload.failed(invalid("Unit must have 1 to 10 characters", "unit"));
    }
    if (room.isEmpty() || room.length() > 10) {
      return AddHouseholdPayload.failed(invalid("Room must have 1 to 10 characters", "room"));
    }
    UUID communityId = community.get().id();
    UUID gridId = null;
    if (input.gridId() != null) {
      Optional<GlobalId> grid =
          GlobalId.decode(input.gridId(), RosterTypes.GRID)
              .filter(g -> g.communityId().equals(communityId));
      if (grid.isEmpty()) {
        return AddHouseholdPayload.failed(notFound("gridId"));
      }
      gridId = grid.get().id();
    }
    UUID chosenGrid = gridId;
    AccessScope one = scope.narrowedTo(community.get());
    UUID id = Ids.newId();
    try {
      return transactions.write(
          one,
          dsl -> {
            Optional<@Nullable UUID> buildingGrid =
                writes.buildingGrid(dsl, communityId, building.get().id());
            if (buildingGrid.isEmpty()) {
              return AddHouseholdPayload.failed(notFound("buildingId"));
            }
            writes.insertHousehold(
                dsl,
                communityId,
                id,
                building.get().id(),
                unit,
                room,
                chosenGrid != null ? chosenGrid : buildingGrid.get());
            audit.record(
                dsl,
                one,
                communityId,
                "roster.household.added",
                RosterTypes.HOUSEHOLD,
                id,
                Map.of());
            return new AddHouseholdPayload(
                new Changed(RosterTypes.HOUSEHOLD, communityId, id), List.of());
          });
    } catch (DataIntegrityViolationException duplicate) {
      return AddHouseholdPayload.failed(
          UserError.of(
              UserError.Code.DUPLICATE,
              "A household at this address is already registered",
              "room"));
    }
  }

  @MutationMapping
  ResidentPayload addResident(
      @Argument AddResidentInput input, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    MutationTargets.Target household =
        RosterRules.editable(input.householdId(), RosterTypes.HOUSEHOLD, "householdId", scope);
    if (household.refusal() != null) {
      return ResidentPayload.failed(Commands.refused(household.refusal()));
    }
    ResidentFacts.Checked checked =
        ResidentFacts.check(
            input.name(),
            true,
            input.gender(),
            input.birthYear(),
            input.phone(),
            input.idCardNumber());
    if (checked.problem() != null) {
      return ResidentPayload.failed(checked.problem());
    }
    ResidentFacts facts = checked.facts();
    if (input.movedInOn() != null && input.movedInOn().isAfter(LocalDate.now())) {
      return ResidentPayload.failed(invalid("The move-in date lies in the future", "movedInOn"));
    }
    UUID communityId = household.target().id();
    AccessScope one = scope.narrowedTo(household.target());
    UUID id = Ids.newId();
    return writeResident(
        () ->
            transactions.write(
                one,
                dsl -> {
                  if (!writes.householdExists(dsl, communityId, household.localId())) {
                    return ResidentPayload.failed(notFound("householdId"));
                  }
                  if (facts.idCardNumber() != null
                      && writes.idCardTaken(dsl, communityId, facts.idCardNumber(), null)) {
                    return ResidentPayload.failed(duplicateIdCard());
                  }
                  writes.insertResident(
                      dsl,
                      communityId,
                      id,
                      household.localId(),
                      facts,
                      Boolean.TRUE.equals(input.owner()),
                      input.movedInOn());
                  audit.record(
                      dsl,
                      one,
                      communityId,
                      "roster.resident.added",
                      RosterTypes.RESIDENT,
                      id,
                      Map.of());
                  return ResidentPayload.of(communityId, id);
                }));
  }

  @MutationMapping
  ResidentPayload updateResident(
      @Argument UpdateResidentInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    MutationTargets.Target resident =
        RosterRules.editable(input.id(), RosterTypes.RESIDENT, "id", scope);
    if (resident.refusal() != null) {
      return ResidentPayload.failed(Commands.refused(resident.refusal()));
    }
    ResidentFacts.Checked checked =
        ResidentFacts.check(
            input.name(),
            false,
            input.gender(),
            input.birthYear(),
            input.phone(),
            input.idCardNumber());
    if (checked.problem() != null) {
      return ResidentPayload.failed(checked.problem());
    }
    ResidentFacts facts = checked.facts();
    UUID communityId = resident.target().id();
    UUID householdId = null;
    if (input.householdId() != null) {
      Optional<GlobalId> household =
          GlobalId.decode(input.householdId(), RosterTypes.HOUSEHOLD)
              .filter(h -> h.communityId().equals(communityId));
      if (household.isEmpty()) {
        return ResidentPayload.failed(notFound("householdId"));
      }
      householdId = household.get().id();
    }
    UUID movedTo = householdId;
    UUID id = resident.localId();
    AccessScope one = scope.narrowedTo(resident.target());
    return writeResident(
        () ->
            transactions.write(
                one,
                dsl -> {
                  if (movedTo != null && !writes.householdExists(dsl, communityId, movedTo)) {
                    return ResidentPayload.failed(notFound("householdId"));
                  }
                  if (facts.idCardNumber() != null
                      && writes.idCardTaken(dsl, communityId, facts.idCardNumber(), id)) {
                    return ResidentPayload.failed(duplicateIdCard());
                  }
                  Map<Field<?>, Object> changes =
                      writes.residentChanges(facts, input.owner(), movedTo);
                  return finishUpdate(
                      dsl,
                      one,
                      communityId,
                      id,
                      input.expectedVersion(),
                      changes,
                      "roster.resident.updated");
                }));
  }

  @MutationMapping
  ResidentPayload moveOutResident(
      @Argument MoveOutResidentInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    MutationTargets.Target resident =
        RosterRules.editable(input.id(), RosterTypes.RESIDENT, "id", scope);
    if (resident.refusal() != null) {
      return ResidentPayload.failed(Commands.refused(resident.refusal()));
    }
    LocalDate movedOut = input.movedOutOn();
    if (movedOut == null || movedOut.isAfter(LocalDate.now())) {
      return ResidentPayload.failed(
          invalid("The move-out date must be today or earlier", "movedOutOn"));
    }
    UUID communityId = resident.target().id();
    UUID id = resident.localId();
    AccessScope one = scope.narrowedTo(resident.target());
    return transactions.write(
        one,
        dsl -> {
          Optional<RosterWriteRepository.Stay> current = writes.stay(dsl, communityId, id);
          if (current.isEmpty()) {
            return ResidentPayload.failed(notFound("id"));
          }
          if (current.get().movedOut()) {
            return ResidentPayload.failed(
                UserError.of(UserError.Code.CONFLICT, "The resident has already moved out", "id"));
          }
          LocalDate movedIn = current.get().movedInOn();
          if (movedIn != null && movedOut.isBefore(movedIn)) {
            return ResidentPayload.failed(
                invalid("The move-out date lies before the move-in date", "movedOutOn"));
          }
          Map<Field<?>, Object> changes = writes.moveOutChanges(movedOut);
          return finishUpdate(
              dsl,
              one,
              communityId,
              id,
              input.expectedVersion(),
              changes,
              "roster.resident.moved-out");
        });
  }

  @MutationMapping
  DeleteResidentPayload deleteResident(
      @Argument DeleteResidentInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    MutationTargets.Target resident =
        RosterRules.editable(input.id(), RosterTypes.RESIDENT, "id", scope);
    if (resident.refusal() != null) {
      return DeleteResidentPayload.failed(Commands.refused(resident.refusal()));
    }
    UUID communityId = resident.target().id();
    UUID id = resident.localId();
    AccessScope one = scope.narrowedTo(resident.target());
    try {
      return transactions.write(
          one,
          dsl -> {
            if (!writes.residentExists(dsl, communityId, id)) {
              return DeleteResidentPayload.failed(notFound("id"));
            }
            if (!writes.deleteResident(dsl, communityId, id, input.expectedVersion())) {
              return DeleteResidentPayload.failed(staleVersion());
            }
            audit.record(
                dsl,
                one,
                communityId,
                "roster.resident.deleted",
                RosterTypes.RESIDENT,
                id,
                Map.of());
            return new DeleteResidentPayload(input.id(), List.of());
          });
    } catch (DataIntegrityViolationException referenced) {
      // party membership, seats, matters, attendance: whatever other features keep of the
      // resident refers to the row, and PostgreSQL refuses to orphan it
      return DeleteResidentPayload.failed(
          UserError.of(
              UserError.Code.CONFLICT,
              "The resident has records elsewhere (a party membership, a seat on a body, matters,"
                  + " meetings, a linked login); record a move-out instead",
              "id"));
    }
  }

  private ResidentPayload finishUpdate(
      org.jooq.DSLContext dsl,
      AccessScope scope,
      UUID communityId,
      UUID id,
      @Nullable Integer expectedVersion,
      Map<Field<?>, Object> changes,
      String action) {
    if (!writes.residentExists(dsl, communityId, id)) {
      return ResidentPayload.failed(notFound("id"));
    }
    if (!writes.updateResident(dsl, communityId, id, expectedVersion, changes)) {
      return ResidentPayload.failed(staleVersion());
    }
    audit.record(
        dsl,
        scope,
        communityId,
        action,
        RosterTypes.RESIDENT,
        id,
        Map.of("fields", changes.keySet().stream().map(Field::getName).sorted().toList()));
    return ResidentPayload.of(communityId, id);
  }

  /** Runs a resident write; a concurrent registration of the same ID-card number is a duplicate. */
  private static ResidentPayload writeResident(java.util.function.Supplier<ResidentPayload> write) {
    try {
      return write.get();
    } catch (DataIntegrityViolationException raced) {
      return ResidentPayload.failed(duplicateIdCard());
    }
  }

  private static UserError duplicateIdCard() {
    return UserError.of(
        UserError.Code.DUPLICATE,
        "A resident with this ID-card number is already registered",
        "idCardNumber");
  }

  private static String strip(@Nullable String value) {
    return value == null ? "" : value.strip();
  }
}
