package org.redgovernance.api.roster;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The GraphQL {@code Grid} (网格): a sub-area of a community with its grid party branch. */
record Grid(
    UUID communityId,
    UUID id,
    String name,
    @Nullable String partyBranchName,
    @Nullable String workerName,
    int version) {}
