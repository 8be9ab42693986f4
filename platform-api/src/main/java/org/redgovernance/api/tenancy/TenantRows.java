package org.redgovernance.api.tenancy;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * Changes to an editable tenant row by its key {@code (community_id, id)} under optimistic locking:
 * every editable table has {@code version} and {@code updated_at}, so that one update or delete
 * serves them all and a stale version never overwrites a newer row.
 */
public final class TenantRows {

  private TenantRows() {}

  /**
   * Applies {@code changes} if the row is still at {@code expectedVersion} (any version when null:
   * the caller did not say which one they saw), bumping its version: a statement returning the
   * changed row's {@code community_id} and {@code id} (none when it was at another version, or
   * gone), for a command's {@code Write}, which audits and announces it in the same statement.
   */
  public static ResultQuery<Record2<UUID, UUID>> updating(
      Table<?> table,
      UUID communityId,
      UUID id,
      @Nullable Integer expectedVersion,
      Map<Field<?>, Object> changes) {
    Field<Integer> version = column(table, "version", Integer.class);
    Map<Field<?>, Object> values = new HashMap<>(changes);
    values.put(version, version.plus(1));
    values.put(column(table, "updated_at", Object.class), DSL.currentOffsetDateTime());
    return DSL.update(table)
        .set(values)
        .where(key(table, communityId, id, expectedVersion))
        .returningResult(
            column(table, "community_id", UUID.class), column(table, "id", UUID.class));
  }

  /**
   * Deletes the row if it is still at {@code expectedVersion} (any version when null): a statement
   * returning the deleted row's key (none: not deleted).
   */
  public static ResultQuery<Record2<UUID, UUID>> deleting(
      Table<?> table, UUID communityId, UUID id, @Nullable Integer expectedVersion) {
    return DSL.deleteFrom(table)
        .where(key(table, communityId, id, expectedVersion))
        .returningResult(
            column(table, "community_id", UUID.class), column(table, "id", UUID.class));
  }

  /** Adds a change only for a value the caller gave: absent means "leave as it is". */
  public static <T> void putIfGiven(
      Map<Field<?>, Object> changes, Field<T> field, @Nullable T value) {
    if (value != null) {
      changes.put(field, value);
    }
  }

  private static org.jooq.Condition key(
      Table<?> table, UUID communityId, UUID id, @Nullable Integer version) {
    org.jooq.Condition row =
        column(table, "community_id", UUID.class)
            .eq(communityId)
            .and(column(table, "id", UUID.class).eq(id));
    return version == null ? row : row.and(column(table, "version", Integer.class).eq(version));
  }

  private static <T> Field<T> column(Table<?> table, String name, Class<T> type) {
    Field<T> field = table.field(name, type);
    if (field == null) {
      throw new IllegalArgumentException(table.getName() + " has no column " + name);
    }
    return field;
  }
}
