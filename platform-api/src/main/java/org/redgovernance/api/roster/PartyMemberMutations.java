package org.redgovernance.api.roster;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.UserError;

/** Inputs and payloads of the party-member mutations. */
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

  record PartyMemberPayload(@Nullable PartyMember partyMember, List<UserError> errors) {
    static PartyMemberPayload of(PartyMember member) {
      return new PartyMemberPayload(member, List.of());
    }

    static PartyMemberPayload failed(UserError error) {
      return new PartyMemberPayload(null, List.of(error));
    }
  }
}
