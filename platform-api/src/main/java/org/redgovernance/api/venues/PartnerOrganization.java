package org.redgovernance.api.venues;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The GraphQL {@code PartnerOrganization} (共建单位). */
record PartnerOrganization(
    UUID communityId,
    UUID id,
    String name,
    String kind,
    @Nullable String contact,
    @Nullable LocalDate agreementFrom,
    @Nullable LocalDate agreementTo,
    int version) {

  static final String TYPE = "PartnerOrganization";
}
