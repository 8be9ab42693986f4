package org.redgovernance.api.tenancy;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
  private final Map<UUID, ReachableCommunity> communities;
  private final Map<String, ReachableCommunity> byKey;

  public AccessScope(Caller caller, Collection<ReachableCommunity> communities) {
    this.caller = caller;
    this.communities = new LinkedHashMap<>();
    this.byKey = new LinkedHashMap<>();
    for (ReachableCommunity community : communities) {
      this.communities.put(community.id(), community);
      this.byKey.put(community.key(), community);
    }
  }

  public Caller caller() {
    return caller;
  }

  public List<ReachableCommunity> communities() {
    return List.copyOf(communities.values());
  }

  public Collection<UUID> communityIds() {
    return communities.keySet();
  }

  public Optional<ReachableCommunity> byId(UUID id) {
    return Optional.ofNullable(communities.get(id));
  }

  public Optional<ReachableCommunity> byKey(String key) {
    return Optional.ofNullable(byKey.get(key));
  }

  /** This scope limited to one community it already contains. */
  public AccessScope narrowedTo(ReachableCommunity community) {
    if (!communities.containsKey(community.id())) {
      throw new IllegalArgumentException("Community " + community.key() + " is not in scope");
    }
    return new AccessScope(caller, List.of(community));
  }
}
