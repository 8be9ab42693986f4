package org.redgovernance.api.roster;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The GraphQL {@code PartyMember} (党员): a resident, or a person from outside who serves here.
 * {@code name} is the resident's name for residents.
 */
public record PartyMember(
    UUID communityId,
    UUID id,
    @Nullable UUID residentId,
    String name,
    String kind,
    @Nullable String workplace,
    @Nullable LocalDate joinedOn,
    @Nullable UUID gridId,
    List<String> specialties,
    String status,
    int version) {

  public static final String TYPE = RosterTypes.PARTY_MEMBER;
}
