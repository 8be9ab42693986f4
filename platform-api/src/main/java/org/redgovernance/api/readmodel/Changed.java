package org.redgovernance.api.readmodel;

import java.util.UUID;

/**
 * What a mutation's payload holds of the object it changed: which one it is. The object itself is
 * read back through the read model as each selection of the payload's field asks ({@link
 * ChangedObjects}), after the change committed — the same answer a query gives.
 */
public record Changed(String typeName, UUID communityId, UUID id) {}
