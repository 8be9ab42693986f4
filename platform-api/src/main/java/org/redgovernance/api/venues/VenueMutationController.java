package org.redgovernance.api.venues;

import graphql.schema.DataFetchingEnvironment;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.commands.Commands;
import org.redgovernance.api.graphql.Refusal;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.readmodel.Changed;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.MutationTargets;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.api.venues.VenueMutations.AddPartnerInput;
import org.redgovernance.api.venues.VenueMutations.AddServicePostInput;
import org.redgovernance.api.venues.VenueMutations.RemoveInput;
import org.redgovernance.api.venues.VenueMutations.UpdatePartnerInput;
import org.redgovernance.api.venues.VenueMutations.UpdateServicePostInput;
import org.redgovernance.database.Ids;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Keeping service posts and partner organisations: the community's admin and secretary. Each
 * mutation is a command ({@link Commands}): the change, its audit record in the same statement, and
 * the post or partner read back for the payload.
 */
@Controller
class VenueMutationController {

  static final MutationTargets.Rule EDIT =
      new MutationTargets.Rule(
          ReachableCommunity::mayEditRoster,
          "Only the community's admin or secretary may change its service posts and partners");

  private static final String POST = Venue.SERVICE_POST.typeName();
  private static final String PARTNER = Venue.PARTNER.typeName();

  private final Commands commands;
  private final VenueRepository venues;

  VenueMutationController(Commands commands, VenueRepository venues) {
    this.commands = commands;
    this.venues = venues;
  }

  @MutationMapping
  Map<String, Object> addServicePost(
      @Argument AddServicePostInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return commands.run(
        environment,
        scope,
        MutationTargets.community(input.communityKey(), scope, EDIT),
        "servicePost",
        command -> {
          checkPost(input.name(), true, input.address(), input.openingHours(), input.capacity());
          UUID id = Ids.newId();
          command
              .write(
                  VenueRepository.insertServicePost(
                      command.community().id(),
                      id,
                      input.kind(),
                      input.name().strip(),
                      blankToNull(input.address()),
                      blankToNull(input.openingHours()),
                      input.capacity()))
              .onViolation(DUPLICATE_POST)
              .audited(Venue.SERVICE_POST.audited("added"), POST, Map.of())
              .execute();
          return new Changed(POST, command.community().id(), id);
        });
  }

  @MutationMapping
  Map<String, Object> updateServicePost(
      @Argument UpdateServicePostInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return commands.run(
        environment,
        scope,
        MutationTargets.object(input.id(), POST, "id", scope, EDIT),
        "servicePost",
        command -> {
          checkPost(input.name(), false, input.address(), input.openingHours(), input.capacity());
          UUID communityId = command.community().id();
          if (!venues.exists(command.dsl(), Venue.SERVICE_POST, communityId, command.targetId())) {
            throw NOT_FOUND;
          }
          command
              .write(
                  VenueRepository.updateServicePost(
                      communityId,
                      command.targetId(),
                      input.expectedVersion(),
                      input.kind(),
                      input.name() == null ? null : input.name().strip(),
                      blankToNull(input.address()),
                      blankToNull(input.openingHours()),
                      input.capacity()))
              .onViolation(DUPLICATE_POST)
              .audited(Venue.SERVICE_POST.audited("updated"), POST, Map.of())
              .executeOr(STALE);
          return new Changed(POST, communityId, command.targetId());
        });
  }

  @MutationMapping
  Map<String, Object> deleteServicePost(
      @Argument RemoveInput input, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    return delete(input, "deletedId", Venue.SERVICE_POST, scope);
  }

  @MutationMapping
  Map<String, Object> removeServicePost(
      @Argument RemoveInput input, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    return delete(input, "removedId", Venue.SERVICE_POST, scope);
  }

  @MutationMapping
  Map<String, Object> addPartner(
      @Argument AddPartnerInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return commands.run(
        environment,
        scope,
        MutationTargets.community(input.communityKey(), scope, EDIT),
        "partner",
        command -> {
          String name = blankToNull(input.name());
          if (name == null) {
            throw NAME_LENGTH;
          }
          String contact = checkPartner(name, input.contact());
          checkAgreement(input.agreementFrom(), input.agreementTo());
          UUID id = Ids.newId();
          command
              .write(
                  VenueRepository.insertPartner(
                      command.community().id(),
                      id,
                      name,
                      input.kind(),
                      contact,
                      input.agreementFrom(),
                      input.agreementTo()))
              .onViolation(DUPLICATE_PARTNER)
              .audited(Venue.PARTNER.audited("added"), PARTNER, Map.of())
              .execute();
          return new Changed(PARTNER, command.community().id(), id);
        });
  }

  @MutationMapping
  Map<String, Object> updatePartner(
      @Argument UpdatePartnerInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return commands.run(
        environment,
        scope,
        MutationTargets.object(input.id(), PARTNER, "id", scope, EDIT),
        "partner",
        command -> {
          String name = blankToNull(input.name());
          if (input.name() != null && name == null) {
            throw NAME_LENGTH;
          }
          String contact = checkPartner(name, input.contact());
          UUID communityId = command.community().id();
          VenueRepository.Agreement current =
              venues
                  .partnerAgreement(command.dsl(), communityId, command.targetId())
                  .orElseThrow(() -> NOT_FOUND);
          // the period as it will be: a new start may not pass the end already there
          checkAgreement(
              input.agreementFrom() != null ? input.agreementFrom() : current.from(),
              input.agreementTo() != null ? input.agreementTo() : current.to());
          command
              .write(
                  VenueRepository.updatePartner(
                      communityId,
                      command.targetId(),
                      input.expectedVersion(),
                      name,
                      input.kind(),
                      contact,
                      input.agreementFrom(),
                      input.agreementTo()))
              .onViolation(DUPLICATE_PARTNER)
              .audited(Venue.PARTNER.audited("updated"), PARTNER, Map.of())
              .executeOr(STALE);
          return new Changed(PARTNER, communityId, command.targetId());
        });
  }

  @MutationMapping
  Map<String, Object> deletePartner(
      @Argument RemoveInput input, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    return delete(input, "deletedId", Venue.PARTNER, scope);
  }

  @MutationMapping
  Map<String, Object> removePartner(
      @Argument RemoveInput input, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    return delete(input, "removedId", Venue.PARTNER, scope);
  }

  /** Deletes a post or a partner, answering its id under {@code field}. */
  private Map<String, Object> delete(
      RemoveInput input, String field, Venue venue, AccessScope scope) {
    return commands.delete(
        scope,
        MutationTargets.object(input.id(), venue.typeName(), "id", scope, EDIT),
        field,
        input.id(),
        command -> {
          UUID communityId = command.community().id();
          if (!venues.exists(command.dsl(), venue, communityId, command.targetId())) {
            throw NOT_FOUND;
          }
          command
              .write(
                  VenueRepository.delete(
                      venue, communityId, command.targetId(), input.expectedVersion()))
              .audited(venue.audited("removed"), venue.typeName(), Map.of())
              .executeOr(STALE);
        });
  }

  private static void checkPost(
      @Nullable String name,
      boolean nameRequired,
      @Nullable String address,
      @Nullable String openingHours,
      @Nullable Integer capacity) {
    String n = blankToNull(name);
    if ((nameRequired || name != null) && (n == null || n.length() > 100)) {
      throw invalid("Name must have 1 to 100 characters", "name");
    }
    if (address != null && address.strip().length() > 200) {
      throw invalid("Address has at most 200 characters", "address");
    }
    if (openingHours != null && openingHours.strip().length() > 200) {
      throw invalid("Opening hours have at most 200 characters", "openingHours");
    }
    if (capacity != null && (capacity < 1 || capacity > 100_000)) {
      throw invalid("Capacity is between 1 and 100000", "capacity");
    }
  }

  /** The partner's contact as it is stored, once its name (when given) and contact fit. */
  private static @Nullable String checkPartner(@Nullable String name, @Nullable String contact) {
    if (name != null && name.length() > 200) {
      throw NAME_LENGTH;
    }
    String stored = blankToNull(contact);
    if (stored != null && stored.length() > 200) {
      throw invalid("Contact has at most 200 characters", "contact");
    }
    return stored;
  }

  private static void checkAgreement(@Nullable LocalDate from, @Nullable LocalDate to) {
    if (from != null && to != null && to.isBefore(from)) {
      throw invalid("The agreement ends before it begins", "agreementTo");
    }
  }

  private static final Refusal NOT_FOUND =
      Refusal.because(UserError.Code.NOT_FOUND, "Not found", "id");
  private static final Refusal NAME_LENGTH = invalid("Name must have 1 to 200 characters", "name");
  private static final Refusal DUPLICATE_POST =
      Refusal.because(
          UserError.Code.DUPLICATE,
          "The community already has a service post of this name",
          "name");
  private static final Refusal DUPLICATE_PARTNER =
      Refusal.because(
          UserError.Code.DUPLICATE, "The community already has a partner of this name", "name");
  private static final Refusal STALE =
      Refusal.because(
          UserError.Code.CONFLICT,
          "The record was changed by someone else; reload it and try again",
          "expectedVersion");

  private static Refusal invalid(String message, String field) {
    return Refusal.because(UserError.Code.INVALID_INPUT, message, field);
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
