package org.redgovernance.api.tenancy;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.redgovernance.database.TenantContext;

/**
 * The communities a set of grants reaches, looked up by id and by key. Built once per set of grants
 * and shared by every request of it ({@link CommunityDirectory}): a street's staff reach fifty, and
 * indexing them for each request was a measurable part of a small read. Two are equal when they
 * hold the same communities in the same order; the one shared object compares at once.
 */
public final class ReachableCommunities {

  private final List<ReachableCommunity> all;
  private final Map<UUID, ReachableCommunity> byId;
  private final Map<String, ReachableCommunity> byKey;
  private final List<UUID> ids;
  private final String idsLiteral;
  private final int hash;

  ReachableCommunities(Collection<ReachableCommunity> communities) {
    Map<UUID, ReachableCommunity> unique = new LinkedHashMap<>();
    Map<String, ReachableCommunity> keyed = new HashMap<>();
    for (ReachableCommunity community : communities) {
      unique.put(community.id(), community);
      keyed.put(community.key(), community);
    }
    this.all = List.copyOf(unique.values());
    this.byId = Map.copyOf(unique);
    this.byKey = Map.copyOf(keyed);
    this.ids = List.copyOf(unique.keySet());
    this.idsLiteral = TenantContext.communityIdsLiteral(ids);
    this.hash = all.hashCode();
  }

  List<ReachableCommunity> all() {
    return all;
  }

  /** How many communities. */
  public int size() {
    return all.size();
  }

  List<UUID> ids() {
    return ids;
  }

  /** The ids as the tenant context sets them for row-level security. */
  String idsLiteral() {
    return idsLiteral;
  }

  ReachableCommunity byId(UUID id) {
    return byId.get(id);
  }

  ReachableCommunity byKey(String key) {
    return byKey.get(key);
  }

  boolean contains(UUID id) {
    return byId.containsKey(id);
  }

  @Override
  public boolean equals(Object other) {
    return other == this
        || other instanceof ReachableCommunities reachable
            && reachable.hash == hash
            && reachable.all.equals(all);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
