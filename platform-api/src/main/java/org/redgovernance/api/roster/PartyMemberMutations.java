package org.redgovernance.api.roster;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Inputs of the party-member mutations; their payloads are {@code Commands}'. */
final class PartyMemberMutations {

  private PartyMemberMutations() {}

  record AddPartyMemberInput(
      @Nullable String communityKey,
      @Nullable String residentId,
      @Nullable String name,
      @Nullable String kind,
      @Nullable String workplace,
      @Nullable LocalDate joinedOn,
      @Nullable String gridId,
      @Nullable List<String> specialties) {}

  record UpdatePartyMemberInput(
      @Nullable String id,
      @Nullable Integer expectedVersion,
      @Nullable String kind,
      @Nullable String workplace,
      @Nullable String gridId,
      @Nullable List<String> specialties,
      @Nullable String status) {}
}
