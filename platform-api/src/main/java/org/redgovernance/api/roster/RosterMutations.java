package org.redgovernance.api.roster;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.readmodel.Changed;

/** Inputs and payloads of the roster mutations. */
final class RosterMutations {

  private RosterMutations() {}

  record AddHouseholdInput(
      @Nullable String communityKey,
      @Nullable String buildingId,
      @Nullable String unit,
      @Nullable String room,
      @Nullable String gridId) {}

  record AddHouseholdPayload(@Nullable Changed household, List<UserError> errors) {
    static AddHouseholdPayload failed(UserError error) {
      return new AddHouseholdPayload(null, List.of(error));
    }
  }

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

  record ResidentPayload(@Nullable Changed resident, List<UserError> errors) {
    static ResidentPayload of(UUID communityId, UUID id) {
      return new ResidentPayload(new Changed(RosterTypes.RESIDENT, communityId, id), List.of());
    }

    static ResidentPayload failed(UserError error) {
      return new ResidentPayload(null, List.of(error));
    }
  }

  record DeleteResidentPayload(@Nullable String deletedId, List<UserError> errors) {
    static DeleteResidentPayload failed(UserError error) {
      return new DeleteResidentPayload(null, List.of(error));
    }
  }
}
