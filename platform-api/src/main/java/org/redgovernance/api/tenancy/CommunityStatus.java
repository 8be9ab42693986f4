package org.redgovernance.api.tenancy;

/** Where a community stands in its lifecycle; only tenant-admin changes it. */
public enum CommunityStatus {
  ONBOARDING,
  ACTIVE,
  SUSPENDED,
  ARCHIVED;

  /** Suspended and archived communities are read-only. */
  public boolean acceptsWrites() {
    return this == ONBOARDING || this == ACTIVE;
  }
}
