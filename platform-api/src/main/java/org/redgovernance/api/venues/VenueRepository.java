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
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.tenancy.TenantRows;
import org.springframework.stereotype.Repository;

/**
 * Service posts and partners: reads run inside a tenant transaction; changes are statements a
 * command writes ({@link org.redgovernance.api.commands.Write}).
 */
@Repository
class VenueRepository {

  /** The table that keeps venues of this kind. */
  static Table<?> table(Venue venue) {
    return switch (venue) {
      case SERVICE_POST -> SERVICE_POST;
      case PARTNER -> PARTNER_ORGANIZATION;
    };
  }

  boolean exists(DSLContext dsl, Venue venue, UUID communityId, UUID id) {
    Table<?> table = table(venue);
    return dsl.fetchExists(
        table,
        table.field("community_id", UUID.class).eq(communityId),
        table.field("id", UUID.class).eq(id));
  }

  /** Deletes the venue if it is still at {@code expectedVersion}. */
  static ResultQuery<? extends Record> delete(
      Venue venue, UUID communityId, UUID id, @Nullable Integer expectedVersion) {
    return TenantRows.deleting(table(venue), communityId, id, expectedVersion);
  }

  /** A partner's agreement period, which a change must keep in order. */
  record Agreement(@Nullable LocalDate from, @Nullable LocalDate to) {}

  Optional<Agreement> partnerAgreement(DSLContext dsl, UUID communityId, UUID id) {
    return dsl.select(PARTNER_ORGANIZATION.AGREEMENT_FROM, PARTNER_ORGANIZATION.AGREEMENT_TO)
        .from(PARTNER_ORGANIZATION)
        .where(PARTNER_ORGANIZATION.COMMUNITY_ID.eq(communityId), PARTNER_ORGANIZATION.ID.eq(id))
        .fetchOptional(row -> new Agreement(row.value1(), row.value2()));
  }

  static ResultQuery<? extends Record> insertServicePost(
      UUID communityId,
      UUID id,
      String kind,
      String name,
      @Nullable String address,
      @Nullable String openingHours,
      @Nullable Integer capacity) {
    return DSL.insertInto(SERVICE_POST)
        .set(SERVICE_POST.COMMUNITY_ID, communityId)
        .set(SERVICE_POST.ID, id)
        .set(SERVICE_POST.KIND, kind)
        .set(SERVICE_POST.NAME, name)
        .set(SERVICE_POST.ADDRESS, address)
        .set(SERVICE_POST.OPENING_HOURS, openingHours)
        .set(SERVICE_POST.CAPACITY, capacity)
        .returningResult(SERVICE_POST.COMMUNITY_ID, SERVICE_POST.ID);
  }

  /** The given changes, if the post is still at {@code expectedVersion}. */
  static ResultQuery<? extends Record> updateServicePost(
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
    return TenantRows.updating(SERVICE_POST, communityId, id, expectedVersion, changes);
  }

  static ResultQuery<? extends Record> insertPartner(
      UUID communityId,
      UUID id,
      String name,
      String kind,
      @Nullable String contact,
      @Nullable LocalDate agreementFrom,
      @Nullable LocalDate agreementTo) {
    return DSL.insertInto(PARTNER_ORGANIZATION)
        .set(PARTNER_ORGANIZATION.COMMUNITY_ID, communityId)
        .set(PARTNER_ORGANIZATION.ID, id)
        .set(PARTNER_ORGANIZATION.NAME, name)
        .set(PARTNER_ORGANIZATION.KIND, kind)
        .set(PARTNER_ORGANIZATION.CONTACT, contact)
        .set(PARTNER_ORGANIZATION.AGREEMENT_FROM, agreementFrom)
        .set(PARTNER_ORGANIZATION.AGREEMENT_TO, agreementTo)
        .returningResult(PARTNER_ORGANIZATION.COMMUNITY_ID, PARTNER_ORGANIZATION.ID);
  }

  /** The given changes, if the partner is still at {@code expectedVersion}. */
  static ResultQuery<? extends Record> updatePartner(
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
    return TenantRows.updating(PARTNER_ORGANIZATION, communityId, id, expectedVersion, changes);
  }
}
