package org.redgovernance.api.venues;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Inputs of the venue mutations; their payloads are {@code Commands}'. */
final class VenueMutations {

  private VenueMutations() {}

  record AddServicePostInput(
      @Nullable String communityKey,
      @Nullable String kind,
      @Nullable String name,
      @Nullable String address,
      @Nullable String openingHours,
      @Nullable Integer capacity) {}

  record UpdateServicePostInput(
      @Nullable String id,
      @Nullable Integer expectedVersion,
      @Nullable String kind,
      @Nullable String name,
      @Nullable String address,
      @Nullable String openingHours,
      @Nullable Integer capacity) {}

  record AddPartnerInput(
      @Nullable String communityKey,
      @Nullable String name,
      @Nullable String kind,
      @Nullable String contact,
      @Nullable LocalDate agreementFrom,
      @Nullable LocalDate agreementTo) {}

  record UpdatePartnerInput(
      @Nullable String id,
      @Nullable Integer expectedVersion,
      @Nullable String name,
      @Nullable String kind,
      @Nullable String contact,
      @Nullable LocalDate agreementFrom,
      @Nullable LocalDate agreementTo) {}

  record RemoveInput(@Nullable String id, @Nullable Integer expectedVersion) {}
}
