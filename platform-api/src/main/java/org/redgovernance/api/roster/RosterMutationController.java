package org.redgovernance.api.roster;

import static org.redgovernance.api.roster.RosterRules.invalid;
import static org.redgovernance.api.roster.RosterRules.notFound;
import static org.redgovernance.api.roster.RosterRules.staleVersion;

import graphql.schema.DataFetchingEnvironment;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Field;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.commands.Commands;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.graphql.Refusal;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.readmodel.Changed;
import org.redgovernance.api.roster.RosterMutations.AddHouseholdInput;
import org.redgovernance.api.roster.RosterMutations.AddResidentInput;
import org.redgovernance.api.roster.RosterMutations.DeleteResidentInput;
import org.redgovernance.api.roster.RosterMutations.MoveOutResidentInput;
import org.redgovernance.api.roster.RosterMutations.UpdateResidentInput;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.MutationTargets;
import org.redgovernance.database.Ids;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Changing the roster: households and residents. Every refusal is a typed {@link UserError} naming
 * the field and changes nothing; a stale {@code expectedVersion} is a conflict, never a silent
 * overwrite; an object of a community outside the caller's scope is "not found". Each mutation is a
 * command ({@link Commands}): one statement writes the change with its audit record.
 */
@Controller
class RosterMutationController {

  private final Commands commands;
  private final RosterWriteRepository writes;

  RosterMutationController(Commands commands, RosterWriteRepository writes) {
    this.commands = commands;
    this.writes = writes;
  }

  @MutationMapping
  Map<String, Object> addHousehold(
      @Argument AddHouseholdInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    MutationTargets.Target building =
        RosterRules.editable(input.buildingId(), RosterTypes.BUILDING, "buildingId", scope);
    // a community key that is not the building's names another building: not found
    boolean elsewhere =
        input.communityKey() != null
            && GlobalId.decode(input.buildingId(), RosterTypes.BUILDING)
                .flatMap(id -> scope.byId(id.communityId()))
                .filter(community -> !community.key().equals(input.communityKey()))
                .isPresent();
    return commands.run(
        environment,
        scope,
        elsewhere
            ? new MutationTargets.Target(
                null,
                null,
                new MutationTargets.Denial(
                    MutationTargets.Denial.Reason.NOT_FOUND, "Not found", "buildingId"))
            : building,
        "household",
        command -> {
          String unit = strip(input.unit());
          String room = strip(input.room());
          if (unit.isEmpty() || unit.length() > 10) {
            throw refused(invalid("Unit must have 1 to 10 characters", "unit"));
          }
          if (room.isEmpty() || room.length() > 10) {
            throw refused(invalid("Room must have 1 to 10 characters", "room"));
          }
          UUID communityId = command.community().id();
          UUID chosenGrid = null;
          if (input.gridId() != null) {
            chosenGrid =
                GlobalId.decode(input.gridId(), RosterTypes.GRID)
                    .filter(g -> g.communityId().equals(communityId))
                    .map(GlobalId::id)
                    .orElseThrow(() -> refused(notFound("gridId")));
          }
          // a household belongs to its building's grid unless another is named
          Optional<@Nullable UUID> buildingGrid =
              writes.buildingGrid(command.dsl(), communityId, command.targetId());
          if (buildingGrid.isEmpty()) {
            throw refused(notFound("buildingId"));
          }
          UUID id = Ids.newId();
          command
              .write(
                  RosterWriteRepository.insertHousehold(
                      communityId,
                      id,
                      command.targetId(),
                      unit,
                      room,
                      chosenGrid != null ? chosenGrid : buildingGrid.get()))
              .onViolation(
                  Refusal.because(
                      UserError.Code.DUPLICATE,
                      "A household at this address is already registered",
                      "room"))
              .audited("roster.household.added", RosterTypes.HOUSEHOLD, Map.of())
              .execute();
          return new Changed(RosterTypes.HOUSEHOLD, communityId, id);
        });
  }

  @MutationMapping
  Map<String, Object> addResident(
      @Argument AddResidentInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return commands.run(
        environment,
        scope,
        RosterRules.editable(input.householdId(), RosterTypes.HOUSEHOLD, "householdId", scope),
        "resident",
        command -> {
          ResidentFacts facts =
              checked(
                  ResidentFacts.check(
                      input.name(),
                      true,
                      input.gender(),
                      input.birthYear(),
                      input.phone(),
                      input.idCardNumber()));
          if (input.movedInOn() != null && input.movedInOn().isAfter(LocalDate.now())) {
            throw refused(invalid("The move-in date lies in the future", "movedInOn"));
          }
          UUID communityId = command.community().id();
          if (!writes.householdExists(command.dsl(), communityId, command.targetId())) {
            throw refused(notFound("householdId"));
          }
          if (facts.idCardNumber() != null
              && writes.idCardTaken(command.dsl(), communityId, facts.idCardNumber(), null)) {
            throw DUPLICATE_ID_CARD;
          }
          UUID id = Ids.newId();
          command
              .write(
                  writes.insertResident(
                      communityId,
                      id,
                      command.targetId(),
                      facts,
                      Boolean.TRUE.equals(input.owner()),
                      input.movedInOn()))
              // another registration of the same ID-card number at the same moment
              .onViolation(DUPLICATE_ID_CARD)
              .audited("roster.resident.added", RosterTypes.RESIDENT, Map.of())
              .execute();
          return new Changed(RosterTypes.RESIDENT, communityId, id);
        });
  }

  @MutationMapping
  Map<String, Object> updateResident(
      @Argument UpdateResidentInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return commands.run(
        environment,
        scope,
        RosterRules.editable(input.id(), RosterTypes.RESIDENT, "id", scope),
        "resident",
        command -> {
          ResidentFacts facts =
              checked(
                  ResidentFacts.check(
                      input.name(),
                      false,
                      input.gender(),
                      input.birthYear(),
                      input.phone(),
                      input.idCardNumber()));
          UUID communityId = command.community().id();
          UUID movedTo = null;
          if (input.householdId() != null) {
            movedTo =
                GlobalId.decode(input.householdId(), RosterTypes.HOUSEHOLD)
                    .filter(h -> h.communityId().equals(communityId))
                    .map(GlobalId::id)
                    .orElseThrow(() -> refused(notFound("householdId")));
            if (!writes.householdExists(command.dsl(), communityId, movedTo)) {
              throw refused(notFound("householdId"));
            }
          }
          if (facts.idCardNumber() != null
              && writes.idCardTaken(
                  command.dsl(), communityId, facts.idCardNumber(), command.targetId())) {
            throw DUPLICATE_ID_CARD;
          }
          changed(
              command,
              input.expectedVersion(),
              writes.residentChanges(facts, input.owner(), movedTo),
              "roster.resident.updated");
          return new Changed(RosterTypes.RESIDENT, communityId, command.targetId());
        });
  }

  @MutationMapping
  Map<String, Object> moveOutResident(
      @Argument MoveOutResidentInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return commands.run(
        environment,
        scope,
        RosterRules.editable(input.id(), RosterTypes.RESIDENT, "id", scope),
        "resident",
        command -> {
          LocalDate movedOut = input.movedOutOn();
          if (movedOut == null || movedOut.isAfter(LocalDate.now())) {
            throw refused(invalid("The move-out date must be today or earlier", "movedOutOn"));
          }
          UUID communityId = command.community().id();
          RosterWriteRepository.Stay current =
              writes
                  .stay(command.dsl(), communityId, command.targetId())
                  .orElseThrow(() -> refused(notFound("id")));
          if (current.movedOut()) {
            throw Refusal.because(
                UserError.Code.CONFLICT, "The resident has already moved out", "id");
          }
          if (current.movedInOn() != null && movedOut.isBefore(current.movedInOn())) {
            throw refused(invalid("The move-out date lies before the move-in date", "movedOutOn"));
          }
          changed(
              command,
              input.expectedVersion(),
              writes.moveOutChanges(movedOut),
              "roster.resident.moved-out");
          return new Changed(RosterTypes.RESIDENT, communityId, command.targetId());
        });
  }

  @MutationMapping
  Map<String, Object> deleteResident(
      @Argument DeleteResidentInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    return commands.delete(
        scope,
        RosterRules.editable(input.id(), RosterTypes.RESIDENT, "id", scope),
        "deletedId",
        input.id(),
        command -> {
          UUID communityId = command.community().id();
          if (!writes.residentExists(command.dsl(), communityId, command.targetId())) {
            throw refused(notFound("id"));
          }
          command
              .write(
                  RosterWriteRepository.deleteResident(
                      communityId, command.targetId(), input.expectedVersion()))
              // party membership, seats, matters, attendance: whatever other features keep of
              // the resident refers to the row, and PostgreSQL refuses to orphan it
              .onViolation(
                  Refusal.because(
                      UserError.Code.CONFLICT,
                      "The resident has records elsewhere (a party membership, a seat on a body,"
                          + " matters, meetings, a linked login); record a move-out instead",
                      "id"))
              .audited("roster.resident.deleted", RosterTypes.RESIDENT, Map.of())
              .executeOr(refused(staleVersion()));
        });
  }

  /** Writes {@code changes} to the command's resident, audited with the names of the columns. */
  private void changed(
      Commands.Step command,
      @Nullable Integer expectedVersion,
      Map<Field<?>, Object> changes,
      String action) {
    UUID communityId = command.community().id();
    if (!writes.residentExists(command.dsl(), communityId, command.targetId())) {
      throw refused(notFound("id"));
    }
    command
        .write(
            RosterWriteRepository.updateResident(
                communityId, command.targetId(), expectedVersion, changes))
        .onViolation(DUPLICATE_ID_CARD)
        .audited(
            action,
            RosterTypes.RESIDENT,
            Map.of("fields", changes.keySet().stream().map(Field::getName).sorted().toList()))
        .executeOr(refused(staleVersion()));
  }

  /** The checked facts, or their first problem as the refusal. */
  private static ResidentFacts checked(ResidentFacts.Checked checked) {
    if (checked.problem() != null) {
      throw refused(checked.problem());
    }
    return checked.facts();
  }

  private static final Refusal DUPLICATE_ID_CARD =
      Refusal.because(
          UserError.Code.DUPLICATE,
          "A resident with this ID-card number is already registered",
          "idCardNumber");

  private static Refusal refused(UserError error) {
    return new Refusal(error);
  }

  private static String strip(@Nullable String value) {
    return value == null ? "" : value.strip();
  }
}
