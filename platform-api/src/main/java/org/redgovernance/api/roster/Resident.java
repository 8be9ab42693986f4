package org.redgovernance.api.roster;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The GraphQL {@code Resident} (居民). Only masked phone and ID-card numbers travel with it; the
 * unmasked values are decrypted on request for roles that need them.
 */
public record Resident(
    UUID communityId,
    UUID id,
    UUID householdId,
    String name,
    @Nullable String gender,
    @Nullable Integer birthYear,
    @Nullable String phoneMasked,
    @Nullable String idCardMasked,
    boolean owner,
    @Nullable LocalDate movedInOn,
    @Nullable LocalDate movedOutOn,
    String status,
    int version,
    @Nullable PartyMember partyMembership) {

  public static final String TYPE = RosterTypes.RESIDENT;
}
