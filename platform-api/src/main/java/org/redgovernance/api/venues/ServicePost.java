package org.redgovernance.api.venues;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The GraphQL {@code ServicePost}. */
record ServicePost(
    UUID communityId,
    UUID id,
    String kind,
    String name,
    @Nullable String address,
    @Nullable String openingHours,
    @Nullable Integer capacity,
    int version) {

  static final String TYPE = "ServicePost";
}
