package org.redgovernance.api.roster;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.readmodel.Changed;

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

  record PartyMemberPayload(@Nullable Changed partyMember, List<UserError> errors) {
    static PartyMemberPayload of(UUID communityId, UUID id) {
      return new PartyMemberPayload(
          new Changed(RosterTypes.PARTY_MEMBER, communityId, id), List.of());
    }

    static PartyMemberPayload failed(UserError error) {
      return new PartyMemberPayload(null, List.of(error));
    }
  }
}
