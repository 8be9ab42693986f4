package org.redgovernance.api.venues;

/**
 * The two kinds of venue a community keeps — its service posts (服务阵地) and its co-building partners
 * (共建单位) — each with its own table ({@link VenueRepository#table}), GraphQL type and audit action
 * names.
 */
enum Venue {
  SERVICE_POST(VenueModels.SERVICE_POSTS.typeName(), "venues.service-post"),
  PARTNER(VenueModels.PARTNERS.typeName(), "venues.partner");

  private final String typeName;
  private final String auditPrefix;

  Venue(String typeName, String auditPrefix) {
    this.typeName = typeName;
    this.auditPrefix = auditPrefix;
  }

  /** The venue's GraphQL type, which its global ids and audit records name. */
  String typeName() {
    return typeName;
  }

  /** The audit action recorded when such a venue is {@code done} ("added", "removed" …). */
  String audited(String done) {
    return auditPrefix + "." + done;
  }
}
