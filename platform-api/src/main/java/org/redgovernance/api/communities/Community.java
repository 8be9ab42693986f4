package org.redgovernance.api.communities;

import java.util.Set;
import java.util.UUID;
import org.redgovernance.api.security.CommunityRole;
import org.redgovernance.api.tenancy.CommunityStatus;
import org.redgovernance.api.tenancy.ReachableCommunity;

/** The GraphQL {@code Community}: a tenant, with the roles the caller holds in it. */
public record Community(
    UUID id,
    String key,
    String name,
    CommunityStatus status,
    Street street,
    Set<CommunityRole> myRoles) {

  public static final String TYPE = "Community";

  /**
   * The fields a community from the caller's scope answers itself, without asking the database: its
   * header.
   */
  public static final Set<String> HEADER =
      Set.of("__typename", "id", "key", "name", "status", "street", "myRoles");

  /** The GraphQL {@code Street}. */
  public record Street(String key, String name) {}

  public static Community of(ReachableCommunity community) {
    return new Community(
        community.id(),
        community.key(),
        community.name(),
        community.status(),
        new Street(community.streetKey(), community.streetName()),
        community.roles());
  }
}
