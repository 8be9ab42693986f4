package org.redgovernance.api.tenancy;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.security.Caller;

/**
 * What one request may touch: the caller and the communities reachable to them, narrowed to one
 * community when the request names it in {@code X-Community}. Every feature asks this scope before
 * it reads or writes, and {@link TenantTransactions} hands exactly these community ids to row-level
 * security.
 */
public final class AccessScope {

  /** The key under which the scope travels in the GraphQL context. */
  public static final String CONTEXT_KEY = "accessScope";

  private final Caller caller;
  private final ReachableCommunities communities;

  public AccessScope(Caller caller, Collection<ReachableCommunity> communities) {
    this(caller, new ReachableCommunities(communities));
  }

  AccessScope(Caller caller, ReachableCommunities communities) {
    this.caller = caller;
    this.communities = communities;
  }

  public Caller caller() {
    return caller;
  }

  public List<ReachableCommunity> communities() {
    return communities.all();
  }

  /**
   * Those of {@link #communities()} that take writes now (not suspended or archived): where the
   * platform's own jobs (reminders, series, digests) act.
   */
  public List<ReachableCommunity> writableCommunities() {
    return communities().stream().filter(community -> community.status().acceptsWrites()).toList();
  }

  /**
   * The same communities as {@link #communities()}, as a value that compares and hashes cheaply (a
   * read plan's key holds it).
   */
  public ReachableCommunities reachable() {
    return communities;
  }

  public Collection<UUID> communityIds() {
    return communities.ids();
  }

  /** {@link #communityIds()} written for the tenant context. */
  String communityIdsLiteral() {
    return communities.idsLiteral();
  }

  public Optional<ReachableCommunity> byId(UUID id) {
    return Optional.ofNullable(communities.byId(id));
  }

  /**
   * The community a request names: by {@code communityKey}, or, left out, the only one it reaches
   * (the X-Community one); nothing when neither names one it reaches.
   */
  public Optional<ReachableCommunity> named(@Nullable String communityKey) {
    if (communityKey != null) {
      return byKey(communityKey);
    }
    return communities().size() == 1 ? Optional.of(communities().get(0)) : Optional.empty();
  }

  public Optional<ReachableCommunity> byKey(String key) {
    return Optional.ofNullable(communities.byKey(key));
  }

  /**
   * The street of this key, as far as the caller reaches it; nothing when they reach none of it.
   */
  public Optional<ReachableStreet> street(@Nullable String key) {
    return ofStreet(community -> community.streetKey().equals(key));
  }

  /** The street of this id, as far as the caller reaches it ({@link #street}). */
  public Optional<ReachableStreet> streetById(UUID id) {
    return ofStreet(community -> community.streetId().equals(id));
  }

  /** The streets the caller oversees (a role on them, or the platform operator). */
  public List<UUID> overseenStreetIds() {
    return communities().stream()
        .filter(ReachableCommunity::overseen)
        .map(ReachableCommunity::streetId)
        .distinct()
        .toList();
  }

  private Optional<ReachableStreet> ofStreet(
      java.util.function.Predicate<ReachableCommunity> onIt) {
    List<ReachableCommunity> those = communities().stream().filter(onIt).toList();
    return those.isEmpty() ? Optional.empty() : Optional.of(ReachableStreet.of(those));
  }

  /** This scope limited to one community it already contains. */
  public AccessScope narrowedTo(ReachableCommunity community) {
    if (!communities.contains(community.id())) {
      throw new IllegalArgumentException("Community " + community.key() + " is not in scope");
    }
    return new AccessScope(caller, List.of(community));
  }

  /** This scope limited to some of the communities it already contains. */
  public AccessScope narrowedTo(List<ReachableCommunity> some) {
    for (ReachableCommunity community : some) {
      if (!communities.contains(community.id())) {
        throw new IllegalArgumentException("Community " + community.key() + " is not in scope");
      }
    }
    return new AccessScope(caller, some);
  }
}
