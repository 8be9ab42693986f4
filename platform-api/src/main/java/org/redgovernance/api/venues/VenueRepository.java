package org.redgovernance.api.venues;

import static org.redgovernance.database.jooq.Tables.PARTNER_ORGANIZATION;
import static org.redgovernance.database.jooq.Tables.SERVICE_POST;

import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
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
