package org.redgovernance.api.matters;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the workflow and residents' feedback decide on: where a matter stands and whose it is, as
 * one caller ({@code mine}) finds it. What a matter shows is the read model's ({@link
 * MatterModels}).
 *
 * @param reporterUserId the login linked to the resident it was raised for, if any
 * @param resolvedBy who reported it resolved, while that is its latest step
 */
record MatterState(
    UUID communityId,
    UUID id,
    MatterStatus status,
    int version,
    boolean isPublic,
    boolean mine,
    @Nullable String reporterUserId,
    @Nullable String resolvedBy) {}
