package org.redgovernance.api.tenancy;

import static org.redgovernance.database.jooq.Tables.RESOLVE_SCOPE;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  /** Everything of a caller that decides what they reach: the same grants reach the same. */
  private record Grants(
      boolean all,
      Map<String, Set<StreetRole>> streetRoles,
      Map<String, Set<CommunityRole>> communityRoles) {

    boolean none() {
      return !all && streetRoles.isEmpty() && communityRoles.isEmpty();
    }

    Set<StreetRole> onStreet(String streetKey) {
      return streetRoles.getOrDefault(streetKey, Set.of());
    }

    Set<CommunityRole> in(String communityKey) {
      return communityRoles.getOrDefault(communityKey, Set.of());
    }
  }

  private final DSLContext dsl;
  private static final ReachableCommunities NONE = new ReachableCommunities(List.of());

  private final Cache<Grants, ReachableCommunities> cache;

  /**
   * What each set of grants reached last time: an answer that has not changed is handed out as the
   * same object again, which read plans' keys then compare at once instead of community by
   * community.
   */
  private final Cache<Grants, ReachableCommunities> lastSeen;

  CommunityDirectory(
      DSLContext dsl, @Value("${rg.tenancy.directory-ttl:PT10S}") Duration timeToLive) {
    this.dsl = dsl;
    this.cache = Caffeine.newBuilder().expireAfterWrite(timeToLive).maximumSize(10_000).build();
    this.lastSeen =
        Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(1)).maximumSize(10_000).build();
  }

  /**
   * The communities the caller reaches, with their roles in each. Kept per set of grants, whole: a
   * street role reaches fifty communities, and building them again on every request was a twentieth
   * of a small read's CPU.
   */
  ReachableCommunities reachableBy(Caller caller) {
    Grants grants =
        new Grants(caller.platformOperator(), caller.streetRoles(), caller.communityRoles());
    return grants.none() ? NONE : cache.get(grants, this::unchangedOrNew);
  }

  private ReachableCommunities unchangedOrNew(Grants grants) {
    ReachableCommunities now = reachable(grants);
    ReachableCommunities before = lastSeen.getIfPresent(grants);
    if (now.equals(before)) {
      return before;
    }
    lastSeen.put(grants, now);
    return now;
  }

  private ReachableCommunities reachable(Grants grants) {
    List<ResolveScopeRecord> rows = resolve(grants);
    List<ReachableCommunity> reachable = new ArrayList<>(rows.size());
    for (ResolveScopeRecord row : rows) {
      CommunityStatus status = CommunityStatus.valueOf(row.getStatus());
      Set<StreetRole> streetRoles = grants.onStreet(row.getStreetKey());
      // A suspended community's own people lose their access until it is reactivated, an erased
      // one's for good; the street keeps reading it. (An archived one stays readable to all its
      // roles, writable to none.)
      Set<CommunityRole> roles = status.openToItsPeople() ? grants.in(row.getKey()) : Set.of();
      if (roles.isEmpty() && streetRoles.isEmpty() && !grants.all()) {
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
              grants.all()));
    }
    return new ReachableCommunities(reachable);
  }

  private List<ResolveScopeRecord> resolve(Grants grants) {
    return dsl.selectFrom(
            RESOLVE_SCOPE.call(
                grants.all(),
                grants.streetRoles().keySet().toArray(String[]::new),
                grants.communityRoles().keySet().toArray(String[]::new)))
        .orderBy(RESOLVE_SCOPE.STREET_KEY, RESOLVE_SCOPE.KEY)
        .fetch();
  }
}
