package org.redgovernance.api.roster;

import static org.redgovernance.api.roster.RosterRules.blankToNull;
import static org.redgovernance.api.roster.RosterRules.invalid;
import static org.redgovernance.api.roster.RosterRules.notFound;
import static org.redgovernance.api.roster.RosterRules.staleVersion;

import graphql.schema.DataFetchingEnvironment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.commands.Commands;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.graphql.Refusal;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.readmodel.Changed;
import org.redgovernance.api.roster.PartyMemberMutations.AddPartyMemberInput;
import org.redgovernance.api.roster.PartyMemberMutations.UpdatePartyMemberInput;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.database.Ids;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Recording party members: a resident (at most one record each) or a person from outside; an
 * in-service member (在职党员) always names the workplace where they are registered. Each is a command
 * ({@link Commands}) writing the record with its audit record in one statement.
 */
@Controller
class PartyMemberMutationController {

  static final int MAX_SPECIALTIES = 20;
  static final int MAX_SPECIALTY = 20;

  private final Commands commands;
  private final RosterWriteRepository writes;

  PartyMemberMutationController(Commands commands, RosterWriteRepository writes) {
    this.commands = commands;
    this.writes = writes;
  }

  @MutationMapping
  Map<String, Object> addPartyMember(
      @Argument AddPartyMemberInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    // a resident's record lives in the resident's community; a person from outside's in the one
    // named
    boolean resident = input.residentId() != null;
    return commands.run(
        environment,
        scope,
        resident
            ? RosterRules.editable(input.residentId(), RosterTypes.RESIDENT, "residentId", scope)
            : RosterRules.editableCommunity(input.communityKey(), scope),
        "partyMember",
        command -> {
          String name = input.name() == null ? null : input.name().strip();
          if (!resident && (name == null || name.isEmpty() || name.length() > 50)) {
            throw refused(
                invalid("A member from outside needs a name of 1 to 50 characters", "name"));
          }
          if (resident && name != null) {
            throw refused(
                invalid("A resident's name comes from the roster; leave name out", "name"));
          }
          checkKind(input.kind(), input.workplace(), input.specialties(), input.joinedOn())
              .ifPresent(
                  problem -> {
                    throw refused(problem);
                  });
          UUID communityId = command.community().id();
          UUID branch = grid(input.gridId(), communityId);
          UUID residentId = resident ? command.targetId() : null;
          if (resident && !writes.residentExists(command.dsl(), communityId, residentId)) {
            throw refused(notFound("residentId"));
          }
          if (resident && writes.residentIsPartyMember(command.dsl(), communityId, residentId)) {
            throw ALREADY_A_MEMBER;
          }
          UUID id = Ids.newId();
          command
              .write(
                  RosterWriteRepository.insertPartyMember(
                      communityId,
                      id,
                      residentId,
                      resident ? null : name,
                      input.kind(),
                      blankToNull(input.workplace()),
                      input.joinedOn(),
                      branch,
                      cleaned(input.specialties())))
              // two requests recording the same resident at once: the unique index decides
              .onViolation(ALREADY_A_MEMBER)
              .audited("roster.party-member.added", RosterTypes.PARTY_MEMBER, Map.of())
              .execute();
          return new Changed(RosterTypes.PARTY_MEMBER, communityId, id);
        });
  }

  @MutationMapping
  Map<String, Object> updatePartyMember(
      @Argument UpdatePartyMemberInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return commands.run(
        environment,
        scope,
        RosterRules.editable(input.id(), RosterTypes.PARTY_MEMBER, "id", scope),
        "partyMember",
        command -> {
          UUID communityId = command.community().id();
          UUID branch = grid(input.gridId(), communityId);
          UUID id = command.targetId();
          String[] current =
              writes
                  .partyMemberKindAndWorkplace(command.dsl(), communityId, id)
                  .orElseThrow(() -> refused(notFound("id")));
          // the in-service rule holds for the member as they will be
          String kind = input.kind() != null ? input.kind() : current[0];
          String workplace = input.workplace() != null ? input.workplace() : current[1];
          checkKind(kind, workplace, input.specialties(), null)
              .ifPresent(
                  problem -> {
                    throw refused(problem);
                  });
          command
              .write(
                  RosterWriteRepository.updatePartyMember(
                      communityId,
                      id,
                      input.expectedVersion(),
                      input.kind(),
                      blankToNull(input.workplace()),
                      branch,
                      input.specialties() == null ? null : cleaned(input.specialties()),
                      input.status()))
              .audited("roster.party-member.updated", RosterTypes.PARTY_MEMBER, Map.of())
              .executeOr(refused(staleVersion()));
          return new Changed(RosterTypes.PARTY_MEMBER, communityId, id);
        });
  }

  /** The grid (party branch) {@code gridId} names in the community; null when none is named. */
  private static @Nullable UUID grid(@Nullable String gridId, UUID communityId) {
    return gridId == null
        ? null
        : localId(gridId, RosterTypes.GRID, communityId)
            .orElseThrow(() -> refused(notFound("gridId")));
  }

  private static final Refusal ALREADY_A_MEMBER =
      Refusal.because(
          UserError.Code.DUPLICATE,
          "The resident is already recorded as a party member",
          "residentId");

  private static Refusal refused(UserError error) {
    return new Refusal(error);
  }

  private static Optional<UserError> checkKind(
      @Nullable String kind,
      @Nullable String workplace,
      @Nullable List<String> specialties,
      @Nullable LocalDate joinedOn) {
    if ("IN_SERVICE".equals(kind) && blankToNull(workplace) == null) {
      return Optional.of(
          invalid(
              "An in-service member names the workplace where they are registered", "workplace"));
    }
    if (workplace != null && workplace.strip().length() > 200) {
      return Optional.of(invalid("Workplace has at most 200 characters", "workplace"));
    }
    if (specialties != null
        && (specialties.size() > MAX_SPECIALTIES
            || specialties.stream()
                .anyMatch(s -> s.isBlank() || s.strip().length() > MAX_SPECIALTY))) {
      return Optional.of(
          invalid(
              "At most "
                  + MAX_SPECIALTIES
                  + " specialties of 1 to "
                  + MAX_SPECIALTY
                  + " characters",
              "specialties"));
    }
    if (joinedOn != null && joinedOn.isAfter(LocalDate.now())) {
      return Optional.of(invalid("The joining date lies in the future", "joinedOn"));
    }
    return Optional.empty();
  }

  private static List<String> cleaned(@Nullable List<String> specialties) {
    List<String> cleaned = new ArrayList<>();
    if (specialties != null) {
      for (String specialty : specialties) {
        String s = specialty.strip();
        if (!cleaned.contains(s)) {
          cleaned.add(s);
        }
      }
    }
    return cleaned;
  }

  private static Optional<UUID> localId(String globalId, String type, UUID communityId) {
    return GlobalId.decode(globalId, type)
        .filter(id -> id.communityId().equals(communityId))
        .map(GlobalId::id);
  }
}
