package org.redgovernance.api.roster;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.ReachableCommunity;

/** What every roster mutation checks first, and the errors they share. */
final class RosterRules {

  private RosterRules() {}

  /** Refused unless the caller is the community's admin or secretary and it accepts writes. */
  static Optional<UserError> mayEdit(ReachableCommunity community) {
    if (!community.mayEditRoster()) {
      return Optional.of(
          UserError.of(
              UserError.Code.FORBIDDEN,
              "Only the community's admin or secretary may change its roster"));
    }
    if (!community.status().acceptsWrites()) {
      return Optional.of(
          UserError.of(UserError.Code.COMMUNITY_READ_ONLY, "The community is read-only"));
    }
    return Optional.empty();
  }

  /** The object a mutation names, in a community the caller may edit, or why it may not. */
  record Editable(
      @Nullable ReachableCommunity community, @Nullable UUID id, @Nullable UserError refusal) {

    /** The community; only call when {@link #refusal()} is null. */
    ReachableCommunity target() {
      return java.util.Objects.requireNonNull(community);
    }

    UUID localId() {
      return java.util.Objects.requireNonNull(id);
    }
  }

  /**
   * Resolves a global ID given in {@code field}: "not found" unless its community is in scope, then
   * the edit rule of {@link #mayEdit}.
   */
  static Editable editable(
      @Nullable String globalId, String type, String field, AccessScope scope) {
    Optional<GlobalId> id = GlobalId.decode(globalId, type);
    Optional<ReachableCommunity> community = id.flatMap(g -> scope.byId(g.communityId()));
    if (id.isEmpty() || community.isEmpty()) {
      return new Editable(null, null, notFound(field));
    }
    Optional<UserError> refused = mayEdit(community.get());
    return refused
        .map(error -> new Editable(null, null, error))
        .orElseGet(() -> new Editable(community.get(), id.get().id(), null));
  }

  /**
   * The community a mutation that creates something names by key, or the one X-Community narrowed
   * the request to; "not found" unless it is in scope, then the edit rule.
   */
  static Editable editableCommunity(@Nullable String communityKey, AccessScope scope) {
    Optional<ReachableCommunity> community =
        communityKey != null
            ? scope.byKey(communityKey)
            : scope.communities().size() == 1
                ? Optional.of(scope.communities().get(0))
                : Optional.empty();
    if (community.isEmpty()) {
      return new Editable(null, null, notFound("communityKey"));
    }
    Optional<UserError> refused = mayEdit(community.get());
    return refused
        .map(error -> new Editable(null, null, error))
        .orElseGet(() -> new Editable(community.get(), community.get().id(), null));
  }

  static UserError notFound(String field) {
    return UserError.of(UserError.Code.NOT_FOUND, "Not found", field);
  }

  static UserError invalid(String message, String field) {
    return UserError.of(UserError.Code.INVALID_INPUT, message, field);
  }

  static UserError staleVersion() {
    return UserError.of(
        UserError.Code.CONFLICT,
        "The record was changed by someone else; reload it and try again",
        "expectedVersion");
  }

  static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
