package org.redgovernance.api.readmodel;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a mutation's payload holds of the object it changed: which one it is. The object itself is
 * read back through the read model as each selection of the payload's field asks ({@link
 * ChangedObjects}): inside the mutation's own transaction when the mutation had it read there
 * ({@link ReadBack}, the answers then held here by result key), else after the change committed —
 * the same answer a query gives.
 */
public record Changed(
    String typeName, UUID communityId, UUID id, Map<String, ReadBack.Answer> read) {

  public Changed(String typeName, UUID communityId, UUID id) {
    this(typeName, communityId, id, Map.of());
  }

  public Changed {
    read = Map.copyOf(read);
  }

  /** The answer read in the mutation's transaction for the selection under {@code resultKey}. */
  Optional<ReadBack.Answer> readFor(String resultKey) {
    return Optional.ofNullable(read.get(resultKey));
  }
}
