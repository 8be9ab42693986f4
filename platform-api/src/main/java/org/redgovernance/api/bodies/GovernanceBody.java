package org.redgovernance.api.bodies;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The GraphQL {@code GovernanceBody}, loaded with all its terms and their members. */
record GovernanceBody(UUID communityId, UUID id, String kind, String name, List<Term> terms) {

  static final String TYPE = "GovernanceBody";

  /** A term (届) of a body. */
  record Term(UUID id, int number, LocalDate startsOn, LocalDate endsOn, List<Member> members) {

    boolean current(LocalDate today) {
      return !today.isBefore(startsOn) && !today.isAfter(endsOn);
    }
  }

  /** Someone who sits on a body for a term, in a position. */
  record Member(
      UUID communityId,
      UUID id,
      String name,
      String position,
      LocalDate fromOn,
      @Nullable LocalDate toOn,
      boolean partyMember,
      @Nullable UUID residentId,
      @Nullable UUID partyMemberId) {

    boolean sitting(LocalDate today) {
      return !today.isBefore(fromOn) && (toOn == null || !today.isAfter(toOn));
    }
  }

  /** The term running today, if any. */
  @Nullable Term currentTerm(LocalDate today) {
    return terms.stream().filter(term -> term.current(today)).findFirst().orElse(null);
  }
}
