package org.redgovernance.api.roster;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.UserError;
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
