package org.redgovernance.api.venues;

import org.jooq.Table;
import org.redgovernance.database.jooq.Tables;

/**
 * The two kinds of venue a community keeps — its service posts (服务阵地) and its co-building partners
 * (共建单位) — each with its own table, GraphQL type and audit action names.
 */
enum Venue {
  SERVICE_POST(Tables.SERVICE_POST, VenueModels.SERVICE_POSTS.typeName(), "venues.service-post"),
  PARTNER(Tables.PARTNER_ORGANIZATION, VenueModels.PARTNERS.typeName(), "venues.partner");

  private final Table<?> table;
  private final String typeName;
  private final String auditPrefix;

  Venue(Table<?> table, String typeName, String auditPrefix) {
    this.table = table;
    this.typeName = typeName;
    this.auditPrefix = auditPrefix;
  }

  Table<?> table() {
    return table;
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
