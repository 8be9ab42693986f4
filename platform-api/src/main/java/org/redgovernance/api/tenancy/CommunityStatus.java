package org.redgovernance.api.tenancy;

/** Where a community stands in its lifecycle; only tenant-admin changes it. */
public enum CommunityStatus {
  ONBOARDING,
  ACTIVE,
  SUSPENDED,
  ARCHIVED,
  /** Its data was erased (PIPL); the registry row stays with anonymous statistics only. */
  ERASED;

  /** Suspended, archived and erased communities are read-only. */
  public boolean acceptsWrites() {
    return this == ONBOARDING || this == ACTIVE;
  }

  /** Whether the community's own people reach it; its street always does. */
  public boolean openToItsPeople() {
    return this != SUSPENDED && this != ERASED;
  }
}
