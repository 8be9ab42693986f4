package org.redgovernance.api.roster;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The GraphQL {@code Household} (户), addressed building-unit-room. Its residents come loaded with
 * the household when the query that found it could load them in the same statement; otherwise
 * {@code residents} is null and they are loaded in one batch.
 */
record Household(
    UUID communityId,
    UUID id,
    UUID buildingId,
    String buildingNumber,
    String unit,
    String room,
    @Nullable UUID gridId,
    int version,
    @Nullable List<Resident> residents) {

  String address() {
    return buildingNumber + "-" + unit + "-" + room;
  }
}
