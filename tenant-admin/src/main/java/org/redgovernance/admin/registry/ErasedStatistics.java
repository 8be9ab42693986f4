package org.redgovernance.admin.registry;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the registry keeps of an erased community: counts, nothing about any person — so the street
 * can still compare it with its other communities.
 */
public record ErasedStatistics(
    OffsetDateTime erasedAt,
    long households,
    long residents,
    long partyMembers,
    long matters,
    long mattersResolved,
    long meetingsHeld,
    List<TableRows> rows) {

  /** Rows a tenant table had when the community was erased. */
  public record TableRows(String table, long rows) {}
}
