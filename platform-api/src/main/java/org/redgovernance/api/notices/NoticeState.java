package org.redgovernance.api.notices;

import java.util.UUID;

/**
 * What the notice board's rules look at in a notice: who it is for, whether it is up, and its
 * version. The GraphQL {@code Notice} is read through the read model ({@link NoticeModels}).
 */
record NoticeState(
    UUID communityId, UUID id, NoticeAudience audience, NoticeStatus status, int version) {}
