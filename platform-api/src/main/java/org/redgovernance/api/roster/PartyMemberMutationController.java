package org.redgovernance.api.roster;

import static org.redgovernance.api.roster.RosterRules.blankToNull;
import static org.redgovernance.api.roster.RosterRules.invalid;
import static org.redgovernance.api.roster.RosterRules.mayEdit;
import static org.redgovernance.api.roster.RosterRules.notFound;
import static org.redgovernance.api.roster.RosterRules.staleVersion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.audit.AuditLog;
import org.redgovernance.api.commands.Commands;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.roster.PartyMemberMutations.AddPartyMemberInput;
import org.redgovernance.api.roster.PartyMemberMutations.PartyMemberPayload;
import org.redgovernance.api.roster.PartyMemberMutations.UpdatePartyMemberInput;
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
 * Recording party members: a resident (at most one record each) or a person from outside; an
 * in-service member (在职党员) always names the workplace where they are registered.
 */
@Controller
class PartyMemberMutationController {

  static final int MAX_SPECIALTIES = 20;
  static final int MAX_SPECIALTY = 20;

  private final TenantTransactions transactions;
  private final RosterWriteRepository writes;
  private final AuditLog audit;

  PartyMemberMutationController(
      TenantTransactions transactions, RosterWriteRepository writes, AuditLog audit) {
    this.transactions = transactions;
    this.writes = writes;
    this.audit = audit;
  }

  @MutationMapping
  PartyMemberPayload addPartyMember(
      @Argument AddPartyMemberInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    Optional<GlobalId> resident =
        input.residentId() == null
            ? Optional.empty()
            : GlobalId.decode(input.residentId(), RosterTypes.RESIDENT);
    Optional<ReachableCommunity> community;
    if (input.residentId() != null) {
      community = resident.flatMap(id -> scope.byId(id.communityId()));
      if (community.isEmpty()) {
        return PartyMemberPayload.failed(notFound("residentId"));
      }
    } else {
      community =
          input.communityKey() != null
              ? scope.byKey(input.communityKey())
              : scope.communities().size() == 1
                  ? Optional.of(scope.communities().get(0))
                  : Optional.empty();
      if (community.isEmpty()) {
        return PartyMemberPayload.failed(notFound("communityKey"));
      }
    }
    Optional<UserError> refused = mayEdit(community.get());
    if (refused.isPresent()) {
      return PartyMemberPayload.failed(refused.get());
    }
    String name = input.name() == null ? null : input.name().strip();
    if (resident.isEmpty() && (name == null || name.isEmpty() || name.length() > 50)) {
      return PartyMemberPayload.failed(
          invalid("A member from outside needs a name of 1 to 50 characters", "name"));
    }
    if (resident.isPresent() && name != null) {
      return PartyMemberPayload.failed(
          invalid("A resident's name comes from the roster; leave name out", "name"));
    }
    Optional<UserError> problem =
        checkKind(input.kind(), input.workplace(), input.specialties(), input.joinedOn());
    if (problem.isPresent()) {
      return PartyMemberPayload.failed(problem.get());
    }
    UUID communityId = community.get().id();
    UUID gridId = null;
    if (input.gridId() != null) {
      Optional<UUID> grid = localId(input.gridId(), RosterTypes.GRID, communityId);
      if (grid.isEmpty()) {
        return PartyMemberPayload.failed(notFound("gridId"));
      }
      gridId = grid.get();
    }
    UUID branch = gridId;
    UUID id = Ids.newId();
    AccessScope one = scope.narrowedTo(community.get());
    try {
      return transactions.write(
          one,
          dsl -> {
            UUID residentId = resident.map(GlobalId::id).orElse(null);
            if (residentId != null) {
              if (!writes.residentExists(dsl, communityId, residentId)) {
                return PartyMemberPayload.failed(notFound("residentId"));
              }
              if (writes.residentIsPartyMember(dsl, communityId, residentId)) {
                return PartyMemberPayload.failed(
                    UserError.of(
                        UserError.Code.DUPLICATE,
                        "The resident is already recorded as a party member",
                        "residentId"));
              }
            }
            writes.insertPartyMember(
                dsl,
                communityId,
                id,
                residentId,
                residentId == null ? name : null,
                input.kind(),
                blankToNull(input.workplace()),
                input.joinedOn(),
                branch,
                cleaned(input.specialties()));
            audit.record(
                dsl,
                one,
                communityId,
                "roster.party-member.added",
                RosterTypes.PARTY_MEMBER,
                id,
                Map.of());
            return PartyMemberPayload.of(communityId, id);
          });
    } catch (DataIntegrityViolationException raced) {
      return PartyMemberPayload.failed(
          UserError.of(
              UserError.Code.DUPLICATE,
              "The resident is already recorded as a party member",
              "residentId"));
    }
  }

  @MutationMapping
  PartyMemberPayload updatePartyMember(
      @Argument UpdatePartyMemberInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    MutationTargets.Target member =
        RosterRules.editable(input.id(), RosterTypes.PARTY_MEMBER, "id", scope);
    if (member.refusal() != null) {
      return PartyMemberPayload.failed(Commands.refused(member.refusal()));
    }
    UUID communityId = member.target().id();
    UUID gridId = null;
    if (input.gridId() != null) {
      Optional<UUID> grid = localId(input.gridId(), RosterTypes.GRID, communityId);
      if (grid.isEmpty()) {
        return PartyMemberPayload.failed(notFound("gridId"));
      }
      gridId = grid.get();
    }
    UUID branch = gridId;
    UUID id = member.localId();
    AccessScope one = scope.narrowedTo(member.target());
    return transactions.write(
        one,
        dsl -> {
          Optional<String[]> current = writes.partyMemberKindAndWorkplace(dsl, communityId, id);
          if (current.isEmpty()) {
            return PartyMemberPayload.failed(notFound("id"));
          }
          String kind = input.kind() != null ? input.kind() : current.get()[0];
          String workplace = input.workplace() != null ? input.workplace() : current.get()[1];
          Optional<UserError> problem = checkKind(kind, workplace, input.specialties(), null);
          if (problem.isPresent()) {
            return PartyMemberPayload.failed(problem.get());
          }
          if (!writes.updatePartyMember(
              dsl,
              communityId,
              id,
              input.expectedVersion(),
              input.kind(),
              blankToNull(input.workplace()),
              branch,
              input.specialties() == null ? null : cleaned(input.specialties()),
              input.status())) {
            return PartyMemberPayload.failed(staleVersion());
          }
          audit.record(
              dsl,
              one,
              communityId,
              "roster.party-member.updated",
              RosterTypes.PARTY_MEMBER,
              id,
              Map.of());
          return PartyMemberPayload.of(communityId, id);
        });
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
