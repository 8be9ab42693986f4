package org.redgovernance.api.venues;

import static org.redgovernance.api.tenancy.TenantRows.putIfGiven;
import static org.redgovernance.database.jooq.Tables.PARTNER_ORGANIZATION;
import static org.redgovernance.database.jooq.Tables.SERVICE_POST;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.tenancy.TenantRows;
import org.springframework.stereotype.Repository;

/** Service posts and partners; every method runs inside a tenant transaction. */
@Repository
class VenueRepository {

  boolean servicePostExists(DSLContext dsl, UUID communityId, UUID id) {
    return dsl.fetchExists(
        SERVICE_POST, SERVICE_POST.COMMUNITY_ID.eq(communityId).and(SERVICE_POST.ID.eq(id)));
  }

  /** A partner's agreement period, which a change must keep in order. */
  record Agreement(@Nullable LocalDate from, @Nullable LocalDate to) {}

  Optional<Agreement> partnerAgreement(DSLContext dsl, UUID communityId, UUID id) {
    return dsl.select(PARTNER_ORGANIZATION.AGREEMENT_FROM, PARTNER_ORGANIZATION.AGREEMENT_TO)
        .from(PARTNER_ORGANIZATION)
        .where(PARTNER_ORGANIZATION.COMMUNITY_ID.eq(communityId), PARTNER_ORGANIZATION.ID.eq(id))
        .fetchOptional(row -> new Agreement(row.value1(), row.value2()));
  }

  void insertServicePost(
      DSLContext dsl,
      UUID communityId,
      UUID id,
      String kind,
      String name,
      @Nullable String address,
      @Nullable String openingHours,
      @Nullable Integer capacity) {
    dsl.insertInto(SERVICE_POST)
        .set(SERVICE_POST.COMMUNITY_ID, communityId)
        .set(SERVICE_POST.ID, id)
        .set(SERVICE_POST.KIND, kind)
        .set(SERVICE_POST.NAME, name)
        .set(SERVICE_POST.ADDRESS, address)
        .set(SERVICE_POST.OPENING_HOURS, openingHours)
        .set(SERVICE_POST.CAPACITY, capacity)
        .execute();
  }

  /** Applies the given changes if the post is still at {@code expectedVersion}. */
  boolean updateServicePost(
      DSLContext dsl,
      UUID communityId,
      UUID id,
      @Nullable Integer expectedVersion,
      @Nullable String kind,
      @Nullable String name,
      @Nullable String address,
      @Nullable String openingHours,
      @Nullable Integer capacity) {
    Map<Field<?>, Object> changes = new HashMap<>();
    putIfGiven(changes, SERVICE_POST.KIND, kind);
    putIfGiven(changes, SERVICE_POST.NAME, name);
    putIfGiven(changes, SERVICE_POST.ADDRESS, address);
    putIfGiven(changes, SERVICE_POST.OPENING_HOURS, openingHours);
    putIfGiven(changes, SERVICE_POST.CAPACITY, capacity);
    return TenantRows.update(dsl, SERVICE_POST, communityId, id, expectedVersion, changes);
  }

  boolean deleteServicePost(
      DSLContext dsl, UUID communityId, UUID id, @Nullable Integer expectedVersion) {
    return TenantRows.delete(dsl, SERVICE_POST, communityId, id, expectedVersion);
  }

  void insertPartner(
      DSLContext dsl,
      UUID communityId,
      UUID id,
      String name,
      String kind,
      @Nullable String contact,
      @Nullable LocalDate agreementFrom,
      @Nullable LocalDate agreementTo) {
    dsl.insertInto(PARTNER_ORGANIZATION)
        .set(PARTNER_ORGANIZATION.COMMUNITY_ID, communityId)
        .set(PARTNER_ORGANIZATION.ID, id)
        .set(PARTNER_ORGANIZATION.NAME, name)
        .set(PARTNER_ORGANIZATION.KIND, kind)
        .set(PARTNER_ORGANIZATION.CONTACT, contact)
        .set(PARTNER_ORGANIZATION.AGREEMENT_FROM, agreementFrom)
        .set(PARTNER_ORGANIZATION.AGREEMENT_TO, agreementTo)
        .execute();
  }

  /** Applies the given changes if the partner is still at {@code expectedVersion}. */
  boolean updatePartner(
      DSLContext dsl,
      UUID communityId,
      UUID id,
      @Nullable Integer expectedVersion,
      @Nullable String name,
      @Nullable String kind,
      @Nullable String contact,
      @Nullable LocalDate agreementFrom,
      @Nullable LocalDate agreementTo) {
    Map<Field<?>, Object> changes = new HashMap<>();
    putIfGiven(changes, PARTNER_ORGANIZATION.NAME, name);
    putIfGiven(changes, PARTNER_ORGANIZATION.KIND, kind);
    putIfGiven(changes, PARTNER_ORGANIZATION.CONTACT, contact);
    putIfGiven(changes, PARTNER_ORGANIZATION.AGREEMENT_FROM, agreementFrom);
    putIfGiven(changes, PARTNER_ORGANIZATION.AGREEMENT_TO, agreementTo);
    return TenantRows.update(dsl, PARTNER_ORGANIZATION, communityId, id, expectedVersion, changes);
  }

  boolean deletePartner(
      DSLContext dsl, UUID communityId, UUID id, @Nullable Integer expectedVersion) {
    return TenantRows.delete(dsl, PARTNER_ORGANIZATION, communityId, id, expectedVersion);
  }
}
