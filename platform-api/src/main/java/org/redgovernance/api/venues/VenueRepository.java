package org.redgovernance.api.venues;

import static org.redgovernance.database.jooq.Tables.PARTNER_ORGANIZATION;
import static org.redgovernance.database.jooq.Tables.SERVICE_POST;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** Service posts and partners; every method runs inside a tenant transaction. */
@Repository
class VenueRepository {

  List<ServicePost> servicePosts(DSLContext dsl, Condition where) {
    return dsl.selectFrom(SERVICE_POST)
        .where(where)
        .orderBy(SERVICE_POST.KIND, SERVICE_POST.NAME)
        .fetch(
            row ->
                new ServicePost(
                    row.getCommunityId(),
                    row.getId(),
                    row.getKind(),
                    row.getName(),
                    row.getAddress(),
                    row.getOpeningHours(),
                    row.getCapacity(),
                    row.getVersion()));
  }

  List<ServicePost> servicePostsOf(DSLContext dsl, UUID communityId) {
    return servicePosts(dsl, SERVICE_POST.COMMUNITY_ID.eq(communityId));
  }

  List<ServicePost> servicePost(DSLContext dsl, UUID communityId, UUID id) {
    return servicePosts(dsl, SERVICE_POST.COMMUNITY_ID.eq(communityId).and(SERVICE_POST.ID.eq(id)));
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
      int expectedVersion,
      @Nullable String kind,
      @Nullable String name,
      @Nullable String address,
      @Nullable String openingHours,
      @Nullable Integer capacity) {
    Map<Field<?>, Object> values = new HashMap<>();
    putIfGiven(values, SERVICE_POST.KIND, kind);
    putIfGiven(values, SERVICE_POST.NAME, name);
    putIfGiven(values, SERVICE_POST.ADDRESS, address);
    putIfGiven(values, SERVICE_POST.OPENING_HOURS, openingHours);
    putIfGiven(values, SERVICE_POST.CAPACITY, capacity);
    values.put(SERVICE_POST.VERSION, SERVICE_POST.VERSION.plus(1));
    values.put(SERVICE_POST.UPDATED_AT, DSL.currentOffsetDateTime());
    return dsl.update(SERVICE_POST)
            .set(values)
            .where(
                SERVICE_POST.COMMUNITY_ID.eq(communityId),
                SERVICE_POST.ID.eq(id),
                SERVICE_POST.VERSION.eq(expectedVersion))
            .execute()
        == 1;
  }

  boolean deleteServicePost(DSLContext dsl, UUID communityId, UUID id, int expectedVersion) {
    return dsl.deleteFrom(SERVICE_POST)
            .where(
                SERVICE_POST.COMMUNITY_ID.eq(communityId),
                SERVICE_POST.ID.eq(id),
                SERVICE_POST.VERSION.eq(expectedVersion))
            .execute()
        == 1;
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
      int expectedVersion,
      @Nullable String name,
      @Nullable String kind,
      @Nullable String contact,
      @Nullable LocalDate agreementFrom,
      @Nullable LocalDate agreementTo) {
    Map<Field<?>, Object> values = new HashMap<>();
    putIfGiven(values, PARTNER_ORGANIZATION.NAME, name);
    putIfGiven(values, PARTNER_ORGANIZATION.KIND, kind);
    putIfGiven(values, PARTNER_ORGANIZATION.CONTACT, contact);
    putIfGiven(values, PARTNER_ORGANIZATION.AGREEMENT_FROM, agreementFrom);
    putIfGiven(values, PARTNER_ORGANIZATION.AGREEMENT_TO, agreementTo);
    values.put(PARTNER_ORGANIZATION.VERSION, PARTNER_ORGANIZATION.VERSION.plus(1));
    values.put(PARTNER_ORGANIZATION.UPDATED_AT, DSL.currentOffsetDateTime());
    return dsl.update(PARTNER_ORGANIZATION)
            .set(values)
            .where(
                PARTNER_ORGANIZATION.COMMUNITY_ID.eq(communityId),
                PARTNER_ORGANIZATION.ID.eq(id),
                PARTNER_ORGANIZATION.VERSION.eq(expectedVersion))
            .execute()
        == 1;
  }

  boolean deletePartner(DSLContext dsl, UUID communityId, UUID id, int expectedVersion) {
    return dsl.deleteFrom(PARTNER_ORGANIZATION)
            .where(
                PARTNER_ORGANIZATION.COMMUNITY_ID.eq(communityId),
                PARTNER_ORGANIZATION.ID.eq(id),
                PARTNER_ORGANIZATION.VERSION.eq(expectedVersion))
            .execute()
        == 1;
  }

  private static <T> void putIfGiven(
      Map<Field<?>, Object> values, Field<T> field, @Nullable T value) {
    if (value != null) {
      values.put(field, value);
    }
  }

  List<PartnerOrganization> partners(DSLContext dsl, Condition where) {
    return dsl.selectFrom(PARTNER_ORGANIZATION)
        .where(where)
        .orderBy(PARTNER_ORGANIZATION.NAME)
        .fetch(
            row ->
                new PartnerOrganization(
                    row.getCommunityId(),
                    row.getId(),
                    row.getName(),
                    row.getKind(),
                    row.getContact(),
                    row.getAgreementFrom(),
                    row.getAgreementTo(),
                    row.getVersion()));
  }

  List<PartnerOrganization> partnersOf(DSLContext dsl, UUID communityId) {
    return partners(dsl, PARTNER_ORGANIZATION.COMMUNITY_ID.eq(communityId));
  }

  List<PartnerOrganization> partner(DSLContext dsl, UUID communityId, UUID id) {
    return partners(
        dsl, PARTNER_ORGANIZATION.COMMUNITY_ID.eq(communityId).and(PARTNER_ORGANIZATION.ID.eq(id)));
  }
}
