package org.redgovernance.api.tenancy;

import static org.redgovernance.database.jooq.Tables.RESOLVE_SCOPE;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.redgovernance.api.security.Caller;
import org.redgovernance.api.security.CommunityRole;
import org.redgovernance.api.security.StreetRole;
import org.redgovernance.database.jooq.tables.records.ResolveScopeRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns the grants in a token into the communities they reach. Street roles reach every community
 * of the street, community roles their community, the platform operator all of them; a grant for a
 * community that is not registered reaches nothing.
 *
 * <p>The registry answers are cached briefly per distinct set of grants, so most requests cost no
 * extra round trip; a status change reaches platform-api within {@code rg.tenancy.directory-ttl}.
 */
@Component
class CommunityDirectory {

  private record Grants(boolean all, Set<String> streetKeys, Set<String> communityKeys) {}

  private final DSLContext dsl;
  private final Cache<Grants, List<ResolveScopeRecord>> cache;

  CommunityDirectory(
      DSLContext dsl, @Value("${rg.tenancy.directory-ttl:PT10S}") Duration timeToLive) {
    this.dsl = dsl;
    this.cache = Caffeine.newBuilder().expireAfterWrite(timeToLive).maximumSize(10_000).build();
  }

  List<ReachableCommunity> reachableBy(Caller caller) {
    Grants grants =
        new Grants(
            caller.platformOperator(),
            Set.copyOf(caller.streetRoles().keySet()),
            Set.copyOf(caller.communityRoles().keySet()));
    if (!grants.all() && grants.streetKeys().isEmpty() && grants.communityKeys().isEmpty()) {
      return List.of();
    }
    List<ResolveScopeRecord> rows = cache.get(grants, this::resolve);
    List<ReachableCommunity> reachable = new ArrayList<>(rows.size());
    for (ResolveScopeRecord row : rows) {
      CommunityStatus status = CommunityStatus.valueOf(row.getStatus());
      Set<StreetRole> streetRoles = caller.rolesOnStreet(row.getStreetKey());
      // A suspended community's own people lose their access until it is reactivated, an erased
      // one's for good; the street keeps reading it. (An archived one stays readable to all its
      // roles, writable to none.)
      Set<CommunityRole> roles = status.openToItsPeople() ? caller.rolesIn(row.getKey()) : Set.of();
      if (roles.isEmpty() && streetRoles.isEmpty() && !caller.platformOperator()) {
        continue;
      }
      reachable.add(
          new ReachableCommunity(
              row.getId(),
              row.getKey(),
              row.getName(),
              status,
              row.getStreetId(),
              row.getStreetKey(),
              row.getStreetName(),
              roles,
              streetRoles,
              caller.platformOperator()));
    }
    return reachable;
  }

  private List<ResolveScopeRecord> resolve(Grants grants) {
    return dsl.selectFrom(
            RESOLVE_SCOPE.call(
                grants.all(),
                grants.streetKeys().toArray(String[]::new),
                grants.communityKeys().toArray(String[]::new)))
        .orderBy(RESOLVE_SCOPE.STREET_KEY, RESOLVE_SCOPE.KEY)
        .fetch();
  }
}
