package org.redgovernance.api.roster;

import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.MutationTargets;
import org.redgovernance.api.tenancy.ReachableCommunity;

/** What every roster mutation checks first, and the errors they share. */
final class RosterRules {

  private RosterRules() {}

  /** The roster's rule: the community's admin or secretary. */
  static final MutationTargets.Rule EDIT =
      new MutationTargets.Rule(
          ReachableCommunity::mayEditRoster,
          "Only the community's admin or secretary may change its roster");

  /** The object a mutation names, in a community the caller may edit, or why it may not. */
  static MutationTargets.Target editable(
      @Nullable String globalId, String type, String field, AccessScope scope) {
    return MutationTargets.object(globalId, type, field, scope, EDIT);
  }

  /** The community a creating mutation names (or X-Community), if the caller may edit it. */
  static MutationTargets.Target editableCommunity(
      @Nullable String communityKey, AccessScope scope) {
    return MutationTargets.community(communityKey, scope, EDIT);
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
