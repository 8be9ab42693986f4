package org.redgovernance.api.readmodel;

import java.util.UUID;

/** What a global id names: the object's community and its own id there. */
public record GlobalIdParts(UUID communityId, UUID id) {}
