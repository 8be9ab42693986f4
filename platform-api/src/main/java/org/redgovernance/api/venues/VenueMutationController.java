package org.redgovernance.api.venues;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.audit.AuditLog;
import org.redgovernance.api.commands.Commands;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.readmodel.Changed;
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

/** Keeping service posts and partner organisations: the community's admin and secretary. */
@Controller
class VenueMutationController {

  static final MutationTargets.Rule EDIT =
      new MutationTargets.Rule(
          ReachableCommunity::mayEditRoster,
          "Only the community's admin or secretary may change its service posts and partners");

  record AddServicePostInput(
      @Nullable String communityKey,
      @Nullable String kind,
      @Nullable String name,
      @Nullable String address,
      @Nullable String openingHours,
      @Nullable Integer capacity) {}

  record UpdateServicePostInput(
      @Nullable String id,
      @Nullable Integer expectedVersion,
      @Nullable String kind,
      @Nullable String name,
      @Nullable String address,
      @Nullable String openingHours,
      @Nullable Integer capacity) {}

  record ServicePostPayload(@Nullable Changed servicePost, List<UserError> errors) {
    static ServicePostPayload failed(UserError error) {
      return new ServicePostPayload(null, List.of(error));
    }
  }

  record AddPartnerInput(
      @Nullable String communityKey,
      @Nullable String name,
      @Nullable String kind,
      @Nullable String contact,
      @Nullable LocalDate agreementFrom,
      @Nullable LocalDate agreementTo) {}

  record PartnerPayload(@Nullable Changed partner, List<UserError> errors) {
    static PartnerPayload failed(UserError error) {
      return new PartnerPayload(null, List.of(error));
    }
  }

  record UpdatePartnerInput(
      @Nullable String id,
      @Nullable Integer expectedVersion,
      @Nullable String name,
      @Nullable String kind,
      @Nullable String contact,
      @Nullable LocalDate agreementFrom,
      @Nullable LocalDate agreementTo) {}

  record RemoveInput(@Nullable String id, @Nullable Integer expectedVersion) {}

  record RemovePayload(@Nullable String removedId, List<UserError> errors) {
    static RemovePayload failed(UserError error) {
      return new RemovePayload(null, List.of(error));
    }

    /** The same answer in the words of every other deletion ({@code DeletePayload}). */
    DeletePayload asDeletion() {
      return new DeletePayload(removedId, errors);
    }
  }

  record DeletePayload(@Nullable String deletedId, List<UserError> errors) {}

  private final TenantTransactions transactions;
  private final VenueRepository venues;
  private final AuditLog audit;

  VenueMutationController(TenantTransactions transactions, VenueRepository venues, AuditLog audit) {
    this.transactions = transactions;
    this.venues = venues;
    this.audit = audit;
  }

  @MutationMapping
  ServicePostPayload addServicePost(
      @Argument AddServicePostInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    MutationTargets.Target community = MutationTargets.community(input.communityKey(), scope, EDIT);
    if (community.refusal() != null) {
      return ServicePostPayload.failed(Commands.refused(community.refusal()));
    }
    UserError problem =
        checkPost(input.name(), true, input.address(), input.openingHours(), input.capacity());
    if (problem != null) {
      return ServicePostPayload.failed(problem);
    }
    UUID communityId = community.localId();
    AccessScope one = scope.narrowedTo(community.target());
    UUID id = Ids.newId();
    try {
      return transactions.write(
          one,
          dsl -> {
            venues.insertServicePost(
                dsl,
                communityId,
                id,
                input.kind(),
                input.name().strip(),
                blankToNull(input.address()),
                blankToNull(input.openingHours()),
                input.capacity());
            audit.record(
                dsl,
                one,
                communityId,
                "venues.service-post.added",
                VenueModels.SERVICE_POSTS.typeName(),
                id,
                Map.of());
            return new ServicePostPayload(
                new Changed(VenueModels.SERVICE_POSTS.typeName(), communityId, id), List.of());
          });
    } catch (DataIntegrityViolationException duplicate) {
      return ServicePostPayload.failed(duplicateName());
    }
  }

  @MutationMapping
  ServicePostPayload updateServicePost(
      @Argument UpdateServicePostInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    MutationTargets.Target post =
        MutationTargets.object(input.id(), VenueModels.SERVICE_POSTS.typeName(), "id", scope, EDIT);
    if (post.refusal() != null) {
      return ServicePostPayload.failed(Commands.refused(post.refusal()));
    }
    UserError problem =
        checkPost(input.name(), false, input.address(), input.openingHours(), input.capacity());
    if (problem != null) {
      return ServicePostPayload.failed(problem);
    }
    UUID communityId = post.target().id();
    AccessScope one = scope.narrowedTo(post.target());
    try {
      return transactions.write(
          one,
          dsl -> {
            if (!venues.servicePostExists(dsl, communityId, post.localId())) {
              return ServicePostPayload.failed(
                  UserError.of(UserError.Code.NOT_FOUND, "Not found", "id"));
            }
            if (!venues.updateServicePost(
                dsl,
                communityId,
                post.localId(),
                input.expectedVersion(),
                input.kind(),
                input.name() == null ? null : input.name().strip(),
                blankToNull(input.address()),
                blankToNull(input.openingHours()),
                input.capacity())) {
              return ServicePostPayload.failed(stale());
            }
            audit.record(
                dsl,
                one,
                communityId,
                "venues.service-post.updated",
                VenueModels.SERVICE_POSTS.typeName(),
                post.localId(),
                Map.of());
            return new ServicePostPayload(
                new Changed(VenueModels.SERVICE_POSTS.typeName(), communityId, post.localId()),
                List.of());
          });
    } catch (DataIntegrityViolationException duplicate) {
      return ServicePostPayload.failed(duplicateName());
    }
  }

  @MutationMapping
  RemovePayload removeServicePost(
      @Argument RemoveInput input, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    return remove(
        input,
        VenueModels.SERVICE_POSTS.typeName(),
        "venues.service-post.removed",
        venues::servicePostExists,
        venues::deleteServicePost,
        scope);
  }

  @MutationMapping
  DeletePayload deleteServicePost(
      @Argument RemoveInput input, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    return removeServicePost(input, scope).asDeletion();
  }

  @MutationMapping
  PartnerPayload addPartner(
      @Argument AddPartnerInput input, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    MutationTargets.Target community = MutationTargets.community(input.communityKey(), scope, EDIT);
    if (community.refusal() != null) {
      return PartnerPayload.failed(Commands.refused(community.refusal()));
    }
    String name = blankToNull(input.name());
    if (name == null || name.length() > 200) {
      return PartnerPayload.failed(
          UserError.of(UserError.Code.INVALID_INPUT, "Name must have 1 to 200 characters", "name"));
    }
    String contact = blankToNull(input.contact());
    if (contact != null && contact.length() > 200) {
      return PartnerPayload.failed(
          UserError.of(
              UserError.Code.INVALID_INPUT, "Contact has at most 200 characters", "contact"));
    }
    if (input.agreementFrom() != null
        && input.agreementTo() != null
        && input.agreementTo().isBefore(input.agreementFrom())) {
      return PartnerPayload.failed(
          UserError.of(
              UserError.Code.INVALID_INPUT, "The agreement ends before it begins", "agreementTo"));
    }
    UUID communityId = community.localId();
    AccessScope one = scope.narrowedTo(community.target());
    UUID id = Ids.newId();
    try {
      return transactions.write(
          one,
          dsl -> {
            venues.insertPartner(
                dsl,
                communityId,
                id,
                name,
                input.kind(),
                contact,
                input.agreementFrom(),
                input.agreementTo());
            audit.record(
                dsl,
                one,
                communityId,
                "venues.partner.added",
                VenueModels.PARTNERS.typeName(),
                id,
                Map.of());
            return new PartnerPayload(
                new Changed(VenueModels.PARTNERS.typeName(), communityId, id), List.of());
          });
    } catch (DataIntegrityViolationException duplicate) {
      return PartnerPayload.failed(
          UserError.of(
              UserError.Code.DUPLICATE,
              "The community already has a partner of this name",
              "name"));
    }
  }

  @MutationMapping
  PartnerPayload updatePartner(
      @Argument UpdatePartnerInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    MutationTargets.Target partner =
        MutationTargets.object(input.id(), VenueModels.PARTNERS.typeName(), "id", scope, EDIT);
    if (partner.refusal() != null) {
      return PartnerPayload.failed(Commands.refused(partner.refusal()));
    }
    String name = blankToNull(input.name());
    if ((input.name() != null && name == null) || (name != null && name.length() > 200)) {
      return PartnerPayload.failed(
          UserError.of(UserError.Code.INVALID_INPUT, "Name must have 1 to 200 characters", "name"));
    }
    UUID communityId = partner.target().id();
    AccessScope one = scope.narrowedTo(partner.target());
    try {
      return transactions.write(
          one,
          dsl -> {
            Optional<VenueRepository.Agreement> current =
                venues.partnerAgreement(dsl, communityId, partner.localId());
            if (current.isEmpty()) {
              return PartnerPayload.failed(
                  UserError.of(UserError.Code.NOT_FOUND, "Not found", "id"));
            }
            LocalDate from =
                input.agreementFrom() != null ? input.agreementFrom() : current.get().from();
            LocalDate to = input.agreementTo() != null ? input.agreementTo() : current.get().to();
            if (from != null && to != null && to.isBefore(from)) {
              return PartnerPayload.failed(
                  UserError.of(
                      UserError.Code.INVALID_INPUT,
                      "The agreement ends before it begins",
                      "agreementTo"));
            }
            if (!venues.updatePartner(
                dsl,
                communityId,
                partner.localId(),
                input.expectedVersion(),
                name,
                input.kind(),
                blankToNull(input.contact()),
                input.agreementFrom(),
                input.agreementTo())) {
              return PartnerPayload.failed(stale());
            }
            audit.record(
                dsl,
                one,
                communityId,
                "venues.partner.updated",
                VenueModels.PARTNERS.typeName(),
                partner.localId(),
                Map.of());
            return new PartnerPayload(
                new Changed(VenueModels.PARTNERS.typeName(), communityId, partner.localId()),
                List.of());
          });
    } catch (DataIntegrityViolationException duplicate) {
      return PartnerPayload.failed(
          UserError.of(
              UserError.Code.DUPLICATE,
              "The community already has a partner of this name",
              "name"));
    }
  }

  @MutationMapping
  RemovePayload removePartner(
      @Argument RemoveInput input, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    return remove(
        input,
        VenueModels.PARTNERS.typeName(),
        "venues.partner.removed",
        (dsl, community, id) -> venues.partnerAgreement(dsl, community, id).isPresent(),
        venues::deletePartner,
        scope);
  }

  @MutationMapping
  DeletePayload deletePartner(
      @Argument RemoveInput input, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    return removePartner(input, scope).asDeletion();
  }

  /** How {@link #remove} finds and deletes one kind of venue. */
  private interface Exists {
    boolean test(DSLContext dsl, UUID communityId, UUID id);
  }

  private interface Deletion {
    boolean delete(DSLContext dsl, UUID communityId, UUID id, @Nullable Integer expectedVersion);
  }

  private RemovePayload remove(
      RemoveInput input,
      String type,
      String action,
      Exists exists,
      Deletion deletion,
      AccessScope scope) {
    MutationTargets.Target target = MutationTargets.object(input.id(), type, "id", scope, EDIT);
    if (target.refusal() != null) {
      return RemovePayload.failed(Commands.refused(target.refusal()));
    }
    AccessScope one = scope.narrowedTo(target.target());
    UUID communityId = target.target().id();
    return transactions.write(
        one,
        dsl -> {
          if (!exists.test(dsl, communityId, target.localId())) {
            return RemovePayload.failed(UserError.of(UserError.Code.NOT_FOUND, "Not found", "id"));
          }
          if (!deletion.delete(dsl, communityId, target.localId(), input.expectedVersion())) {
            return RemovePayload.failed(stale());
          }
          audit.record(dsl, one, communityId, action, type, target.localId(), Map.of());
          return new RemovePayload(input.id(), List.of());
        });
  }

  private static @Nullable UserError checkPost(
      @Nullable String name,
      boolean nameRequired,
      @Nullable String address,
      @Nullable String openingHours,
      @Nullable Integer capacity) {
    String n = blankToNull(name);
    if ((nameRequired || name != null) && (n == null || n.length() > 100)) {
      return UserError.of(
          UserError.Code.INVALID_INPUT, "Name must have 1 to 100 characters", "name");
    }
    if (address != null && address.strip().length() > 200) {
      return UserError.of(
          UserError.Code.INVALID_INPUT, "Address has at most 200 characters", "address");
    }
    if (openingHours != null && openingHours.strip().length() > 200) {
      return UserError.of(
          UserError.Code.INVALID_INPUT,
          "Opening hours have at most 200 characters",
          "openingHours");
    }
    if (capacity != null && (capacity < 1 || capacity > 100_000)) {
      return UserError.of(
          UserError.Code.INVALID_INPUT, "Capacity is between 1 and 100000", "capacity");
    }
    return null;
  }

  private static UserError duplicateName() {
    return UserError.of(
        UserError.Code.DUPLICATE, "The community already has a service post of this name", "name");
  }

  private static UserError stale() {
    return UserError.of(
        UserError.Code.CONFLICT,
        "The record was changed by someone else; reload it and try again",
        "expectedVersion");
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
