package org.redgovernance.api.notifications;

import static org.redgovernance.database.jooq.Tables.COMMUNITY;
import static org.redgovernance.database.jooq.Tables.COMMUNITY_ROLE_HOLDER;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.redgovernance.api.graphql.EnumLabels;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A role granted to a person, as the notification of it asks: tenant-admin writes the intent with
 * the grant (subject: the grant's row of {@code rg.community_role_holder}), and its one recipient
 * is the person while they still hold it — revoked before it went out, they are told nothing.
 */
@Configuration(proxyBeanMethods = false)
class CommunityRoleRepository {

  static final String TYPE = "CommunityRole";
  static final String HOLDER = "HOLDER";

  @Bean
  NotificationSubject communityRoleSubject(EnumLabels labels) {
    return NotificationSubject.of(
        TYPE,
        Map.of(HOLDER, CommunityRoleRepository::holder),
        (dsl, communityId, grant) -> values(dsl, communityId, grant, labels));
  }

  private static Set<String> holder(DSLContext dsl, UUID communityId, UUID grant) {
    return dsl.select(COMMUNITY_ROLE_HOLDER.USER_ID)
        .from(COMMUNITY_ROLE_HOLDER)
        .where(
            COMMUNITY_ROLE_HOLDER.COMMUNITY_ID.eq(communityId), COMMUNITY_ROLE_HOLDER.ID.eq(grant))
        .fetchSet(COMMUNITY_ROLE_HOLDER.USER_ID);
  }

  /** The role's label and the community's name. */
  private static Map<String, String> values(
      DSLContext dsl, UUID communityId, UUID grant, EnumLabels labels) {
    return dsl.select(COMMUNITY_ROLE_HOLDER.ROLE, COMMUNITY.NAME)
        .from(COMMUNITY_ROLE_HOLDER)
        .join(COMMUNITY)
        .on(COMMUNITY.ID.eq(COMMUNITY_ROLE_HOLDER.COMMUNITY_ID))
        .where(
            COMMUNITY_ROLE_HOLDER.COMMUNITY_ID.eq(communityId), COMMUNITY_ROLE_HOLDER.ID.eq(grant))
        .fetchOptional(
            r -> Map.of("role", labels.of("CommunityRole", r.value1()), "community", r.value2()))
        .orElse(Map.of());
  }
}
