package org.redgovernance.api.events;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The change log (rg.change_event, rg.change_position) through the database's functions, always in
 * a tenant transaction: a subscriber reads its own communities' changes, the feed and the retention
 * job every community's (the platform's system scope). It holds ids only; whoever shows a change
 * reads the changed object through their own tenant context.
 */
@Component
class ChangeLogRepository {

  /** The last position of each of {@code communities} (of every community when null). */
  Map<UUID, Long> positions(DSLContext dsl, @Nullable Collection<UUID> communities) {
    Map<UUID, Long> positions = new HashMap<>();
    for (Record row :
        dsl.fetch(
            "SELECT community, last FROM rg.change_positions({0})",
            DSL.val(
                communities == null ? null : communities.toArray(UUID[]::new),
                SQLDataType.UUID.array()))) {
      positions.put(row.get(0, UUID.class), row.get(1, Long.class));
    }
    return positions;
  }

  /**
   * The changes after {@code seen} (community → last position seen), in order of community and
   * position; with {@code others}, also every recorded change of the communities not in {@code
   * seen}.
   */
  List<RecordedChange> after(DSLContext dsl, Map<UUID, Long> seen, boolean others) {
    UUID[] communities = seen.keySet().toArray(UUID[]::new);
    Long[] positions = new Long[communities.length];
    for (int i = 0; i < communities.length; i++) {
      positions[i] = seen.get(communities[i]);
    }
    List<RecordedChange> changes = new ArrayList<>();
    for (Record row :
        dsl.fetch(
            "SELECT community_id, event_position, topic, subject_id, kind, recipient"
                + " FROM rg.change_events_after({0}, {1}, {2})",
            DSL.val(communities, SQLDataType.UUID.array()),
            DSL.val(positions, SQLDataType.BIGINT.array()),
            DSL.val(others))) {
      changes.add(
          new RecordedChange(
              new ChangeEvent(
                  row.get(2, String.class),
                  row.get(0, UUID.class),
                  row.get(3, UUID.class),
                  row.get(4, String.class),
                  row.get(5, String.class)),
              row.get(1, Long.class)));
    }
    return changes;
  }

  /** Forgets the changes recorded before {@code before}; how many. */
  int forget(DSLContext dsl, OffsetDateTime before) {
    Integer forgotten =
        dsl.fetchValue(DSL.field("rg.forget_change_events({0})", Integer.class, DSL.val(before)));
    return forgotten == null ? 0 : forgotten;
  }
}
