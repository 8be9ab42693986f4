package org.redgovernance.api.tenancy;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.GlobalId;

/**
 * How every mutation finds what it changes: the object a global ID names, or the community a
 * creation names by key (or X-Community), answered "not found" unless it is in the caller's scope,
 * then refused unless the caller holds the role the feature asks for and the community accepts
 * writes. The answers are the same in every feature.
 */
public final class MutationTargets {

  private MutationTargets() {}

  /** The role rule of a feature, with the message its refusal carries. */
  public record Rule(Predicate<ReachableCommunity> allows, String refusal) {}

  /**
   * Why a mutation may not touch its target: a decision of the tenancy wall, not a GraphQL type.
   */
  public record Denial(Reason reason, String message, @Nullable String field) {

    /** The kinds of denial, each its own error code in a payload. */
    public enum Reason {
      /**
       * The target is not in the caller's scope, or not there at all: never "forbidden", which
       * would tell a caller of another community that it exists.
       */
      NOT_FOUND,
      /** The target is the caller's to see, but their role may not make this change. */
      FORBIDDEN,
      /** The target's community is suspended, archived or erased: read-only. */
      READ_ONLY,
      /** The caller reaches several communities and named none. */
      COMMUNITY_REQUIRED
    }
  }

  /** The target, or why the mutation may not touch it. */
  public record Target(
      @Nullable ReachableCommunity community, @Nullable UUID id, @Nullable Denial refusal) {

    /** The community; call only when {@link #refusal()} is null. */
    public ReachableCommunity target() {
      return Objects.requireNonNull(community);
    }

    /** The object's own id (for a community: the community's id). */
    public UUID localId() {
      return Objects.requireNonNull(id);
    }
  }

  /** The street's rule of a street object's mutation, with the message its refusal carries. */
  public record StreetRule(Predicate<ReachableStreet> allows, String refusal) {}

  /** The street whose own object a mutation changes, or why it may not. */
  public record StreetTarget(
      @Nullable ReachableStreet street, @Nullable UUID id, @Nullable Denial refusal) {

    /** The street; call only when {@link #refusal()} is null. */
    public ReachableStreet target() {
      return Objects.requireNonNull(street);
    }

    /** The object's own id (for a street: the street's id). */
    public UUID localId() {
      return Objects.requireNonNull(id);
    }
  }

  /** The street a creation names by key: NOT_FOUND unless the caller reaches it. */
  public static StreetTarget street(
      @Nullable String streetKey, String field, AccessScope scope, StreetRule rule) {
    return scope
        .street(streetKey)
        .map(street -> checked(street, street.id(), rule))
        .orElseGet(() -> streetDenied(Denial.Reason.NOT_FOUND, "No such street", field));
  }

  /** The street object a global ID names: NOT_FOUND unless the caller reaches its street. */
  public static StreetTarget streetObject(
      @Nullable String globalId, String type, String field, AccessScope scope, StreetRule rule) {
    Optional<GlobalId> id = GlobalId.decode(globalId, type);
    Optional<ReachableStreet> street = id.flatMap(g -> scope.streetById(g.communityId()));
    if (id.isEmpty() || street.isEmpty()) {
      return streetDenied(Denial.Reason.NOT_FOUND, "Not found", field);
    }
    return checked(street.get(), id.get().id(), rule);
  }

  private static StreetTarget checked(ReachableStreet street, UUID id, StreetRule rule) {
    if (!rule.allows().test(street)) {
      return streetDenied(Denial.Reason.FORBIDDEN, rule.refusal(), null);
    }
    return new StreetTarget(street, id, null);
  }

  private static StreetTarget streetDenied(
      Denial.Reason reason, String message, @Nullable String field) {
    return new StreetTarget(null, null, new Denial(reason, message, field));
  }

  public static Target object(
      @Nullable String globalId, String type, String field, AccessScope scope, Rule rule) {
    Optional<GlobalId> id = GlobalId.decode(globalId, type);
    Optional<ReachableCommunity> community = id.flatMap(g -> scope.byId(g.communityId()));
    if (id.isEmpty() || community.isEmpty()) {
      return denied(Denial.Reason.NOT_FOUND, "Not found", field);
    }
    return check(community.get(), id.get().id(), rule);
  }

  public static Target community(@Nullable String communityKey, AccessScope scope, Rule rule) {
    Optional<ReachableCommunity> community = scope.named(communityKey);
    if (community.isEmpty()) {
      return denied(
          Denial.Reason.NOT_FOUND,
          "Name a community you may change in communityKey or X-Community",
          "communityKey");
    }
    return check(community.get(), community.get().id(), rule);
  }

  private static Target check(ReachableCommunity community, UUID id, Rule rule) {
    if (!rule.allows().test(community)) {
      return denied(Denial.Reason.FORBIDDEN, rule.refusal(), null);
    }
    if (!community.status().acceptsWrites()) {
      return denied(Denial.Reason.READ_ONLY, "The community is read-only", null);
    }
    return new Target(community, id, null);
  }

  private static Target denied(Denial.Reason reason, String message, @Nullable String field) {
    return new Target(null, null, new Denial(reason, message, field));
  }
}
