package org.redgovernance.admin.archive;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * The tenant tables, found in the catalog: every table of schema rg with a community_id column,
 * each after the tables its foreign keys refer to. Export, import and erase all go by this list, so
 * a new tenant table is archived, restored and erased without anyone remembering to add it. A table
 * whose comment begins with {@value #NOT_ARCHIVED} holds what only matters while the community runs
 * (invitations with live codes): it is erased with the rest but left out of archives, since
 * restoring it would bring back codes that must work once.
 */
@Component
public class TenantTables {

  private static final String TABLES =
      """
      SELECT c.relname
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'rg' AND c.relkind = 'r'
         AND EXISTS (SELECT 1 FROM pg_attribute a
                      WHERE a.attrelid = c.oid AND a.attname = 'community_id' AND NOT a.attisdropped)
       ORDER BY c.relname
      """;

  private static final String REFERENCES =
      """
      SELECT c.relname, p.relname
        FROM pg_constraint k
        JOIN pg_class c ON c.oid = k.conrelid
        JOIN pg_class p ON p.oid = k.confrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE k.contype = 'f' AND n.nspname = 'rg' AND c.oid <> p.oid
      """;

  /** How the comment of a tenant table that archives leave out begins. */
  public static final String NOT_ARCHIVED = "Not archived:";

  private static final String TRANSIENT =
      "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE n.nspname = 'rg' AND c.relkind = 'r'"
          + " AND starts_with(coalesce(obj_description(c.oid, 'pg_class'), ''), '"
          + NOT_ARCHIVED
          + "')";

  private final DataSource dataSource;

  TenantTables(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The tables an archive holds, in the order to load them in. */
  public List<String> archived() {
    return archived(inLoadOrder());
  }

  /** Those of {@code tables} (from {@link #inLoadOrder}) that an archive holds, in their order. */
  public List<String> archived(List<String> tables) {
    List<String> kept = new ArrayList<>(tables);
    try (Connection connection = dataSource.getConnection();
        ResultSet rows = connection.createStatement().executeQuery(TRANSIENT)) {
      while (rows.next()) {
        kept.remove(rows.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return kept;
  }

  /** Every table after the tables it refers to: the order to load in; reversed, to delete in. */
  public List<String> inLoadOrder() {
    Map<String, Set<String>> parents = new LinkedHashMap<>();
    try (Connection connection = dataSource.getConnection()) {
      try (ResultSet rows = connection.createStatement().executeQuery(TABLES)) {
        while (rows.next()) {
          parents.put(rows.getString(1), new LinkedHashSet<>());
        }
      }
      try (ResultSet rows = connection.createStatement().executeQuery(REFERENCES)) {
        while (rows.next()) {
          if (parents.containsKey(rows.getString(1)) && parents.containsKey(rows.getString(2))) {
            parents.get(rows.getString(1)).add(rows.getString(2));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    List<String> ordered = new ArrayList<>();
    while (ordered.size() < parents.size()) {
      boolean progress = false;
      for (Map.Entry<String, Set<String>> table : parents.entrySet()) {
        if (!ordered.contains(table.getKey()) && ordered.containsAll(table.getValue())) {
          ordered.add(table.getKey());
          progress = true;
        }
      }
      if (!progress) {
        throw new IllegalStateException("Foreign keys form a cycle among " + parents.keySet());
      }
    }
    return ordered;
  }
}
