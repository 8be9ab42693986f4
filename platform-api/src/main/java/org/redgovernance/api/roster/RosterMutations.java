package org.redgovernance.api.roster;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Inputs of the roster mutations; their payloads are {@code Commands}'. */
final class RosterMutations {

  private RosterMutations() {}

  record AddHouseholdInput(
      @Nullable String communityKey,
      @Nullable String buildingId,
      @Nullable String unit,
      @Nullable String room,
      @Nullable String gridId) {}

  record AddResidentInput(
      @Nullable String householdId,
      @Nullable String name,
      @Nullable String gender,
      @Nullable Integer birthYear,
      @Nullable String phone,
      @Nullable String idCardNumber,
      @Nullable Boolean owner,
      @Nullable LocalDate movedInOn) {}

  record UpdateResidentInput(
      @Nullable String id,
      @Nullable Integer expectedVersion,
      @Nullable String name,
      @Nullable String gender,
      @Nullable Integer birthYear,
      @Nullable String phone,
      @Nullable String idCardNumber,
      @Nullable Boolean owner,
      @Nullable String householdId) {}

  record MoveOutResidentInput(
      @Nullable String id, @Nullable Integer expectedVersion, @Nullable LocalDate movedOutOn) {}

  record DeleteResidentInput(@Nullable String id, @Nullable Integer expectedVersion) {}
}
