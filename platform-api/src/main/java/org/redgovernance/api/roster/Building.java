package org.redgovernance.api.roster;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The GraphQL {@code Building} (楼栋). */
record Building(
    UUID communityId, UUID id, String number, int units, @Nullable UUID gridId, int version) {}
