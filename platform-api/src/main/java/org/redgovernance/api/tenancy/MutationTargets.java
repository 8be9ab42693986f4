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
