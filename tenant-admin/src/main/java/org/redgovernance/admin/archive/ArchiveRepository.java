package org.redgovernance.admin.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.redgovernance.database.TenantContext;
import org.springframework.stereotype.Repository;

/**
 * Reads a community's rows for the archive as tenant-admin's role, through row-level security with
 * the community as the only tenant. The tenant tables and their order come from the catalog (every
 * table of schema rg with a community_id column, parents before children), so a new table is
 * archived without anyone remembering to add it.
 */
@Repository
class ArchiveRepository {

  /** Receives the archive's tables one after the other, each row as JSON text. */
  interface ArchiveWriter {
    void beginTable(String table) throws IOException;

    void row(String json) throws IOException;
  }

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

  private final DataSource dataSource;

  ArchiveRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The tenant tables, every table after the tables it refers to. */
  List<String> tablesInLoadOrder() {
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

  /**
   * Streams the community's rows of every table to {@code writer}, in one read-only transaction so
   * that the archive is one consistent snapshot; returns the row count of each table.
   */
  Map<String, Long> stream(UUID communityId, List<String> tables, ArchiveWriter writer) {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      connection.setReadOnly(true);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try (PreparedStatement set = connection.prepareStatement(TenantContext.SET_SQL)) {
        set.setString(1, TenantContext.communityIdsLiteral(List.of(communityId)));
        set.setString(2, "tenant-admin-export");
        set.executeQuery().close();
      }
      for (String table : tables) {
        long count = 0;
        // table names come from the catalog query above, never from a request
        try (PreparedStatement query =
            connection.prepareStatement(
                "SELECT row_to_json(t)::text FROM rg.\""
                    + table
                    + "\" t"
                    + " WHERE community_id = ? ORDER BY 1")) {
          query.setFetchSize(500);
          query.setObject(1, communityId);
          writer.beginTable(table);
          try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
              writer.row(rows.getString(1));
              count++;
            }
          }
        }
        counts.put(table, count);
      }
      connection.rollback();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return counts;
  }
}
