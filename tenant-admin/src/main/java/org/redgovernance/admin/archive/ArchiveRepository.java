package org.redgovernance.admin.archive;

import static org.redgovernance.database.jooq.Tables.COMMUNITY;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.redgovernance.database.TenantContext;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a community's rows for the archive as tenant-admin's role, through row-level security with
 * the community as the only tenant, and notes the export in the registry.
 */
@Repository
class ArchiveRepository {

  /** Receives the archive's tables one after the other, each row as JSON text. */
  interface ArchiveWriter {
    void beginTable(String table) throws IOException;

    void row(String json) throws IOException;
  }

  private final DataSource dataSource;
  private final DSLContext dsl;
  private final JsonMapper json;

  ArchiveRepository(DataSource dataSource, DSLContext dsl, JsonMapper json) {
    this.dataSource = dataSource;
    this.dsl = dsl;
    this.json = json;
  }

  /** What an export wrote: rows per table, as of the snapshot taken at {@code snapshotAt}. */
  record Exported(Map<String, Long> counts, OffsetDateTime snapshotAt) {}

  /**
   * Streams the community's rows of every table to {@code writer}, in one read-only transaction so
   * that the archive is one consistent snapshot.
   */
  Exported stream(UUID communityId, List<String> tables, ArchiveWriter writer) {
    Map<String, Long> counts = new LinkedHashMap<>();
    OffsetDateTime snapshotAt;
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      connection.setReadOnly(true);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      TenantContext.apply(connection, List.of(communityId), "tenant-admin-export");
      try (ResultSet now = connection.createStatement().executeQuery("SELECT now()")) {
        now.next();
        snapshotAt = now.getObject(1, OffsetDateTime.class);
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
    return new Exported(counts, snapshotAt);
  }

  /**
   * Notes a finished export in the registry: erasing the community requires one taken after it was
   * closed, with the row counts it still has.
   */
  void recordExport(UUID communityId, Exported exported) {
    dsl.update(COMMUNITY)
        .set(COMMUNITY.EXPORTED_AT, exported.snapshotAt())
        .set(COMMUNITY.EXPORTED_ROWS, JSONB.valueOf(json.writeValueAsString(exported.counts())))
        .where(COMMUNITY.ID.eq(communityId))
        .execute();
  }
}
