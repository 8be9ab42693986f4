package org.redgovernance.api.tenancy;

import org.redgovernance.api.security.Caller;
import org.springframework.stereotype.Component;

/**
 * Builds the {@link AccessScope} of a caller, for endpoints beside GraphQL (e.g. file uploads) that
 * must obey exactly the same tenancy rules.
 */
@Component
public class AccessScopes {

  private final CommunityDirectory directory;

  AccessScopes(CommunityDirectory directory) {
    this.directory = directory;
  }

  public AccessScope of(Caller caller) {
    return new AccessScope(caller, directory.reachableBy(caller));
  }
}
