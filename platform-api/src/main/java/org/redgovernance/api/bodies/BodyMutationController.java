package org.redgovernance.api.bodies;

import graphql.schema.DataFetchingEnvironment;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.commands.Commands;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.graphql.Refusal;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.readmodel.Changed;
import org.redgovernance.api.readmodel.ReadRequest;
import org.redgovernance.api.roster.RosterModels;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.MutationTargets;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.database.Ids;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Seating people on governance bodies. A seat lies inside its term, and a body has one chair at a
 * time. Each mutation is a command ({@link Commands}) answering with the body read back.
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

  record AddBodyTermInput(
      @Nullable String bodyId,
      @Nullable Integer number,
      @Nullable LocalDate startsOn,
      @Nullable LocalDate endsOn) {}

  private final Commands commands;
  private final BodyRepository bodies;

  BodyMutationController(Commands commands, BodyRepository bodies) {
    this.commands = commands;
    this.bodies = bodies;
  }

  @MutationMapping
  Map<String, Object> addBodyMember(
      @Argument AddBodyMemberInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return commands.run(
        environment,
        scope,
        MutationTargets.object(input.bodyId(), BodyModels.BODY_TYPE, "bodyId", scope, EDIT),
        "body",
        command -> {
          UUID communityId = command.community().id();
          if ((input.residentId() == null) == (input.partyMemberId() == null)) {
            throw Refusal.because(
                UserError.Code.INVALID_INPUT,
                "Give exactly one of residentId and partyMemberId",
                "residentId");
          }
          String personField = input.residentId() != null ? "residentId" : "partyMemberId";
          Refusal noSuchPerson =
              Refusal.because(UserError.Code.NOT_FOUND, "Not found", personField);
          Optional<UUID> residentId =
              localId(input.residentId(), RosterModels.RESIDENTS.typeName(), communityId);
          Optional<UUID> partyMemberId =
              localId(input.partyMemberId(), RosterModels.PARTY_MEMBERS.typeName(), communityId);
          if (residentId.isEmpty() && partyMemberId.isEmpty()) {
            throw noSuchPerson;
          }
          LocalDate fromOn = input.fromOn();
          if (fromOn == null || input.position() == null) {
            throw Refusal.because(
                UserError.Code.INVALID_INPUT, "fromOn and position are required", "fromOn");
          }
          UUID body = command.targetId();
          if (!bodies.bodyExists(command.dsl(), communityId, body)) {
            throw NO_SUCH_BODY;
          }
          BodyRepository.Term term =
              bodies
                  .term(
                      command.dsl(),
                      communityId,
                      body,
                      input.termNumber(),
                      LocalDate.now(ReadRequest.ZONE))
                  .orElseThrow(
                      () ->
                          Refusal.because(
                              UserError.Code.NOT_FOUND,
                              "The body has no such term (or none running today)",
                              "termNumber"));
          datesOutside(term, fromOn, input.toOn())
              .ifPresent(
                  outside -> {
                    throw new Refusal(outside);
                  });
          LocalDate toOn = input.toOn() != null ? input.toOn() : term.endsOn();
          if ("CHAIR".equals(input.position())
              && bodies.seats(command.dsl(), communityId, term.id()).stream()
                  .anyMatch(m -> m.position().equals("CHAIR") && overlaps(m, fromOn, toOn, term))) {
            throw Refusal.because(
                UserError.Code.CONFLICT,
                "The body already has a chair for these dates",
                "position");
          }
          command
              .write(
                  BodyRepository.insertMembership(
                      communityId,
                      Ids.newId(),
                      body,
                      term.id(),
                      residentId.orElse(null),
                      partyMemberId.orElse(null),
                      input.position(),
                      fromOn,
                      input.toOn()))
              // a person id of the community whose row is not there
              .onViolation(noSuchPerson)
              .audited(
                  "bodies.member.seated",
                  BodyModels.BODY_TYPE,
                  Map.of("termNumber", term.number(), "position", input.position()))
              .execute();
          return new Changed(BodyModels.BODY_TYPE, communityId, body);
        });
  }

  @MutationMapping
  Map<String, Object> addBodyTerm(
      @Argument AddBodyTermInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return commands.run(
        environment,
        scope,
        MutationTargets.object(input.bodyId(), BodyModels.BODY_TYPE, "bodyId", scope, EDIT),
        "body",
        command -> {
          Integer number = input.number();
          if (number == null || number < 1 || number > 1000) {
            throw Refusal.because(
                UserError.Code.INVALID_INPUT, "A term number is 1 to 1000", "number");
          }
          LocalDate startsOn = input.startsOn();
          LocalDate endsOn = input.endsOn();
          if (startsOn == null || endsOn == null || !endsOn.isAfter(startsOn)) {
            throw Refusal.because(
                UserError.Code.INVALID_INPUT, "A term ends after it starts", "endsOn");
          }
          UUID communityId = command.community().id();
          UUID body = command.targetId();
          if (!bodies.bodyExists(command.dsl(), communityId, body)) {
            throw NO_SUCH_BODY;
          }
          if (bodies.terms(command.dsl(), communityId, body).stream()
              .anyMatch(t -> !t.startsOn().isAfter(endsOn) && !startsOn.isAfter(t.endsOn()))) {
            throw Refusal.because(
                UserError.Code.CONFLICT, "The dates overlap another term of the body", "startsOn");
          }
          command
              .write(
                  BodyRepository.insertTerm(
                      communityId, Ids.newId(), body, number, startsOn, endsOn))
              .onViolation(
                  Refusal.because(
                      UserError.Code.DUPLICATE,
                      "The body already has a term with this number",
                      "number"))
              .audited("bodies.term.added", BodyModels.BODY_TYPE, Map.of("number", number))
              .execute();
          return new Changed(BodyModels.BODY_TYPE, communityId, body);
        });
  }

  private static final Refusal NO_SUCH_BODY =
      Refusal.because(UserError.Code.NOT_FOUND, "Not found", "bodyId");

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
