package org.redgovernance.api.tenancy;

import static org.redgovernance.database.jooq.Tables.RESOLVE_SCOPE;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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

  /**
   * Answers by grants, including one being read: callers with the same grants that come while it is
   * read wait for that one read and share its answer or its failure, instead of each reading again
   * after it — while the database is unreachable, ten such callers would otherwise wait for a
   * connection one after the other, ten times as long as one.
   */
  private final AsyncCache<Grants, ReachableCommunities> cache;

  /**
   * What each set of grants reached last time: an answer that has not changed is handed out as the
   * same object again, which read plans' keys then compare at once instead of community by
   * community.
   */
  private final Cache<Grants, ReachableCommunities> lastSeen;

  CommunityDirectory(
      DSLContext dsl, @Value("${rg.tenancy.directory-ttl:PT10S}") Duration timeToLive) {
    this.dsl = dsl;
    this.cache =
        Caffeine.newBuilder().expireAfterWrite(timeToLive).maximumSize(10_000).buildAsync();
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
    if (grants.none()) {
      return NONE;
    }
    CompletableFuture<ReachableCommunities> mine = new CompletableFuture<>();
    CompletableFuture<ReachableCommunities> shared = cache.asMap().putIfAbsent(grants, mine);
    if (shared == null) {
      // read in the caller's own thread; a failure is not kept (the cache drops failed answers)
      try {
        mine.complete(unchangedOrNew(grants));
      } catch (RuntimeException | Error e) {
        mine.completeExceptionally(e);
        throw e;
      }
      return mine.join();
    }
    try {
      return shared.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw e;
    }
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
