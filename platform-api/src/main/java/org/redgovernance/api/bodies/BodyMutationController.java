package org.redgovernance.api.bodies;

import java.time.LocalDate;
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
import org.redgovernance.api.readmodel.ReadRequest;
import org.redgovernance.api.roster.RosterModels;
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
 * Seating people on governance bodies. A seat lies inside its term, and a body has one chair at a
 * time.
 */
@Controller
class BodyMutationController {

  record AddBodyMemberInput(
      @Nullable String bodyId,
      @Nullable Integer termNumber,
      @Nullable String residentId,
      @Nullable String partyMemberId,
      @Nullable String position,
      @Nullable LocalDate fromOn,
      @Nullable LocalDate toOn) {}

  /** {@code body} is read back through the read model, for the payload's selection. */
  record AddBodyMemberPayload(@Nullable Changed body, List<UserError> errors) {
    static AddBodyMemberPayload of(UUID communityId, UUID bodyId) {
      return new AddBodyMemberPayload(
          new Changed(BodyModels.BODY_TYPE, communityId, bodyId), List.of());
    }

    static AddBodyMemberPayload failed(UserError error) {
      return new AddBodyMemberPayload(null, List.of(error));
    }
  }

  record AddBodyTermInput(
      @Nullable String bodyId,
      @Nullable Integer number,
      @Nullable LocalDate startsOn,
      @Nullable LocalDate endsOn) {}

  private final TenantTransactions transactions;
  private final BodyRepository bodies;
  private final AuditLog audit;

  BodyMutationController(TenantTransactions transactions, BodyRepository bodies, AuditLog audit) {
    this.transactions = transactions;
    this.bodies = bodies;
    this.audit = audit;
  }

  @MutationMapping
  AddBodyMemberPayload addBodyMember(
      @Argument AddBodyMemberInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    Optional<GlobalId> bodyId = GlobalId.decode(input.bodyId(), BodyModels.BODY_TYPE);
    Optional<ReachableCommunity> community = bodyId.flatMap(id -> scope.byId(id.communityId()));
    if (community.isEmpty()) {
      return AddBodyMemberPayload.failed(error(UserError.Code.NOT_FOUND, "Not found", "bodyId"));
    }
    if (!community.get().mayEditRoster()) {
      return AddBodyMemberPayload.failed(
          UserError.of(
              UserError.Code.FORBIDDEN,
              "Only the community's admin or secretary may seat members"));
    }
    if (!community.get().status().acceptsWrites()) {
      return AddBodyMemberPayload.failed(
          UserError.of(UserError.Code.COMMUNITY_READ_ONLY, "The community is read-only"));
    }
    UUID communityId = community.get().id();
    if ((input.residentId() == null) == (input.partyMemberId() == null)) {
      return AddBodyMemberPayload.failed(
          error(
              UserError.Code.INVALID_INPUT,
              "Give exactly one of residentId and partyMemberId",
              "residentId"));
    }
    Optional<UUID> residentId =
        localId(input.residentId(), RosterModels.RESIDENTS.typeName(), communityId);
    Optional<UUID> partyMemberId =
        localId(input.partyMemberId(), RosterModels.PARTY_MEMBERS.typeName(), communityId);
    if (input.residentId() != null && residentId.isEmpty()) {
      return AddBodyMemberPayload.failed(
          error(UserError.Code.NOT_FOUND, "Not found", "residentId"));
    }
    if (input.partyMemberId() != null && partyMemberId.isEmpty()) {
      return AddBodyMemberPayload.failed(
          error(UserError.Code.NOT_FOUND, "Not found", "partyMemberId"));
    }
    LocalDate fromOn = input.fromOn();
    if (fromOn == null || input.position() == null) {
      return AddBodyMemberPayload.failed(
          error(UserError.Code.INVALID_INPUT, "fromOn and position are required", "fromOn"));
    }
    AccessScope one = scope.narrowedTo(community.get());
    UUID id = Ids.newId();
    try {
      return transactions.write(
          one,
          dsl -> {
            UUID body = bodyId.get().id();
            if (!bodies.bodyExists(dsl, communityId, body)) {
              return AddBodyMemberPayload.failed(
                  error(UserError.Code.NOT_FOUND, "Not found", "bodyId"));
            }
            BodyRepository.Term term =
                bodies
                    .term(
                        dsl, communityId, body, input.termNumber(), LocalDate.now(ReadRequest.ZONE))
                    .orElse(null);
            if (term == null) {
              return AddBodyMemberPayload.failed(
                  error(
                      UserError.Code.NOT_FOUND,
                      "The body has no such term (or none running today)",
                      "termNumber"));
            }
            Optional<UserError> outside = datesOutside(term, fromOn, input.toOn());
            if (outside.isPresent()) {
              return AddBodyMemberPayload.failed(outside.get());
            }
            LocalDate toOn = input.toOn() != null ? input.toOn() : term.endsOn();
            if ("CHAIR".equals(input.position())
                && bodies.seats(dsl, communityId, term.id()).stream()
                    .anyMatch(
                        m -> m.position().equals("CHAIR") && overlaps(m, fromOn, toOn, term))) {
              return AddBodyMemberPayload.failed(
                  error(
                      UserError.Code.CONFLICT,
                      "The body already has a chair for these dates",
                      "position"));
            }
            bodies.insertMembership(
                dsl,
                communityId,
                id,
                term.id(),
                residentId.orElse(null),
                partyMemberId.orElse(null),
                input.position(),
                fromOn,
                input.toOn());
            audit.record(
                dsl,
                one,
                communityId,
                "bodies.member.seated",
                BodyModels.BODY_TYPE,
                body,
                Map.of("termNumber", term.number(), "position", input.position()));
            return AddBodyMemberPayload.of(communityId, body);
          });
    } catch (DataIntegrityViolationException missingPerson) {
      return AddBodyMemberPayload.failed(
          error(
              UserError.Code.NOT_FOUND,
              "Not found",
              input.residentId() != null ? "residentId" : "partyMemberId"));
    }
  }

  @MutationMapping
  AddBodyMemberPayload addBodyTerm(
      @Argument AddBodyTermInput input, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    MutationTargets.Target target =
        MutationTargets.object(input.bodyId(), BodyModels.BODY_TYPE, "bodyId", scope, EDIT);
    if (target.refusal() != null) {
      return AddBodyMemberPayload.failed(Commands.refused(target.refusal()));
    }
    if (input.number() == null || input.number() < 1 || input.number() > 1000) {
      return AddBodyMemberPayload.failed(
          error(UserError.Code.INVALID_INPUT, "A term number is 1 to 1000", "number"));
    }
    LocalDate startsOn = input.startsOn();
    LocalDate endsOn = input.endsOn();
    if (startsOn == null || endsOn == null || !endsOn.isAfter(startsOn)) {
      return AddBodyMemberPayload.failed(
          error(UserError.Code.INVALID_INPUT, "A term ends after it starts", "endsOn"));
    }
    UUID communityId = target.target().id();
    AccessScope one = scope.narrowedTo(target.target());
    try {
      return transactions.write(
          one,
          dsl -> {
            if (!bodies.bodyExists(dsl, communityId, target.localId())) {
              return AddBodyMemberPayload.failed(
                  error(UserError.Code.NOT_FOUND, "Not found", "bodyId"));
            }
            boolean overlaps =
                bodies.terms(dsl, communityId, target.localId()).stream()
                    .anyMatch(t -> !t.startsOn().isAfter(endsOn) && !startsOn.isAfter(t.endsOn()));
            if (overlaps) {
              return AddBodyMemberPayload.failed(
                  error(
                      UserError.Code.CONFLICT,
                      "The dates overlap another term of the body",
                      "startsOn"));
            }
            bodies.insertTerm(
                dsl, communityId, Ids.newId(), target.localId(), input.number(), startsOn, endsOn);
            audit.record(
                dsl,
                one,
                communityId,
                "bodies.term.added",
                BodyModels.BODY_TYPE,
                target.localId(),
                Map.of("number", input.number()));
            return AddBodyMemberPayload.of(communityId, target.localId());
          });
    } catch (DataIntegrityViolationException duplicate) {
      return AddBodyMemberPayload.failed(
          error(
              UserError.Code.DUPLICATE, "The body already has a term with this number", "number"));
    }
  }

  static final MutationTargets.Rule EDIT =
      new MutationTargets.Rule(
          ReachableCommunity::mayEditRoster,
          "Only the community's admin or secretary may change its governance bodies");

  /** Why the seat's dates do not lie inside the term, if they do not. */
  static Optional<UserError> datesOutside(
      BodyRepository.Term term, LocalDate fromOn, @Nullable LocalDate toOn) {
    if (fromOn.isBefore(term.startsOn()) || fromOn.isAfter(term.endsOn())) {
      return Optional.of(
          error(
              UserError.Code.INVALID_INPUT,
              "The seat must begin inside the term ("
                  + term.startsOn()
                  + " to "
                  + term.endsOn()
                  + ")",
              "fromOn"));
    }
    if (toOn != null && (toOn.isBefore(fromOn) || toOn.isAfter(term.endsOn()))) {
      return Optional.of(
          error(
              UserError.Code.INVALID_INPUT,
              "The seat must end after it begins and inside the term",
              "toOn"));
    }
    return Optional.empty();
  }

  private static boolean overlaps(
      BodyRepository.Seat member, LocalDate fromOn, LocalDate toOn, BodyRepository.Term term) {
    LocalDate memberTo = member.toOn() != null ? member.toOn() : term.endsOn();
    return !member.fromOn().isAfter(toOn) && !fromOn.isAfter(memberTo);
  }

  private static Optional<UUID> localId(@Nullable String globalId, String type, UUID communityId) {
    return GlobalId.decode(globalId, type)
        .filter(id -> id.communityId().equals(communityId))
        .map(GlobalId::id);
  }

  private static UserError error(UserError.Code code, String message, String field) {
    return UserError.of(code, message, field);
  }
}
