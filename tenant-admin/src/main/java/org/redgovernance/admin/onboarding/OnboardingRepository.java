package org.redgovernance.admin.onboarding;

import static org.redgovernance.database.jooq.Tables.COMMUNITY;
import static org.redgovernance.database.jooq.Tables.GOVERNANCE_BODY;
import static org.redgovernance.database.jooq.Tables.MATTER_SUBCATEGORY;
import static org.redgovernance.database.jooq.Tables.SERVICE_POST;
import static org.redgovernance.database.jooq.Tables.STREET;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.redgovernance.database.Ids;
import org.redgovernance.database.TenantContext;
import org.springframework.stereotype.Repository;

/** The registry row and the seed configuration of a community being onboarded. */
@Repository
class OnboardingRepository {

  record Registered(UUID id, String key, String name, String streetKey, String status) {}

  static final List<String[]> BODIES =
      List.<String[]>of(
          new String[] {"PARTY_BRANCH", "社区党总支"},
          new String[] {"OWNERS_COMMITTEE", "业主委员会"},
          new String[] {"SUPERVISORY_COMMITTEE", "居民监督委员会"},
          new String[] {"OWNER_REPRESENTATIVES", "业主代表"},
          new String[] {"PARTY_MEMBERS", "党员"});

  static final List<String[]> SUBCATEGORIES =
      List.<String[]>of(
          new String[] {"PARKING", "车位不足"},
          new String[] {"PARKING", "电动车充电"},
          new String[] {"FACILITY", "地下车库"},
          new String[] {"FACILITY", "电梯"},
          new String[] {"GREENING", "毁绿种菜"},
          new String[] {"SANITATION", "垃圾分类"},
          new String[] {"PETS", "文明养犬"});

  private final DSLContext dsl;

  OnboardingRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  Optional<Registered> find(String key) {
    return dsl.select(COMMUNITY.ID, COMMUNITY.KEY, COMMUNITY.NAME, STREET.KEY, COMMUNITY.STATUS)
        .from(COMMUNITY)
        .join(STREET)
        .on(STREET.ID.eq(COMMUNITY.STREET_ID))
        .where(COMMUNITY.KEY.eq(key))
        .fetchOptional(
            r -> new Registered(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
  }

  boolean streetExists(String key) {
    return dsl.fetchExists(STREET, STREET.KEY.eq(key));
  }

  /** Registers the community as ONBOARDING unless a community of that key exists. */
  void register(String streetKey, String key, String name) {
    dsl.insertInto(COMMUNITY, COMMUNITY.ID, COMMUNITY.KEY, COMMUNITY.NAME, COMMUNITY.STREET_ID)
        .select(
            dsl.select(
                    org.jooq.impl.DSL.val(Ids.newId()),
                    org.jooq.impl.DSL.val(key),
                    org.jooq.impl.DSL.val(name),
                    STREET.ID)
                .from(STREET)
                .where(STREET.KEY.eq(streetKey)))
        .onConflictDoNothing()
        .execute();
  }

  /**
   * The five bodies, the default matter subcategories and a Pioneer Post, each only if missing;
   * written through row-level security with the community as the transaction's only tenant.
   */
  void seed(UUID communityId) {
    dsl.resultQuery(
            TenantContext.SET_SQL,
            TenantContext.communityIdsLiteral(List.of(communityId)),
            "tenant-admin")
        .fetch();
    for (String[] body : BODIES) {
      dsl.insertInto(GOVERNANCE_BODY)
          .set(GOVERNANCE_BODY.COMMUNITY_ID, communityId)
          .set(GOVERNANCE_BODY.ID, Ids.newId())
          .set(GOVERNANCE_BODY.KIND, body[0])
          .set(GOVERNANCE_BODY.NAME, body[1])
          .onConflictDoNothing()
          .execute();
    }
    for (String[] sub : SUBCATEGORIES) {
      dsl.insertInto(MATTER_SUBCATEGORY)
          .set(MATTER_SUBCATEGORY.COMMUNITY_ID, communityId)
          .set(MATTER_SUBCATEGORY.ID, Ids.newId())
          .set(MATTER_SUBCATEGORY.CATEGORY, sub[0])
          .set(MATTER_SUBCATEGORY.NAME, sub[1])
          .onConflictDoNothing()
          .execute();
    }
    dsl.insertInto(SERVICE_POST)
        .set(SERVICE_POST.COMMUNITY_ID, communityId)
        .set(SERVICE_POST.ID, Ids.newId())
        .set(SERVICE_POST.KIND, "PIONEER_POST")
        .set(SERVICE_POST.NAME, "先锋驿站")
        .onConflictDoNothing()
        .execute();
  }

  void activate(String key) {
    dsl.update(COMMUNITY)
        .set(COMMUNITY.STATUS, "ACTIVE")
        .set(COMMUNITY.STATUS_CHANGED_AT, org.jooq.impl.DSL.currentOffsetDateTime())
        .where(COMMUNITY.KEY.eq(key), COMMUNITY.STATUS.eq("ONBOARDING"))
        .execute();
  }
}
