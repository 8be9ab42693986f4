package org.redgovernance.admin.archive;

import static org.redgovernance.database.jooq.Tables.COMMUNITY;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.redgovernance.database.TenantContext;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * Loads an archive's rows into a community, as tenant-admin's role through row-level security with
 * that community as the only tenant. Runs inside the caller's transaction (the connection is the
 * transaction's), so a bad row anywhere leaves nothing behind.
 */
@Repository
class ArchiveImportRepository {

  /** Rows per INSERT statement. */
  private static final int BATCH = 500;

  /** An archive row PostgreSQL refused; the message says which and why. */
  static final class RowRefused extends RuntimeException {
    RowRefused(String table, SQLException cause) {
      super(table + ": " + cause.getMessage(), cause, false, false);
    }
  }

  private final DataSource dataSource;
  private final DSLContext dsl;

  ArchiveImportRepository(DataSource dataSource, DSLContext dsl) {
    this.dataSource = dataSource;
    this.dsl = dsl;
  }

  /**
   * Locks the community's registry row and sets it as this transaction's only tenant; the status it
   * had when locked.
   */
  String lockAsTenant(UUID communityId) {
    String status =
        dsl.select(COMMUNITY.STATUS)
            .from(COMMUNITY)
            .where(COMMUNITY.ID.eq(communityId))
            .forUpdate()
            .fetchSingle(COMMUNITY.STATUS);
    try {
      TenantContext.apply(connection(), List.of(communityId), "tenant-admin-import");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return status;
  }

  /** Whether any tenant table has a row of the community. */
  boolean hasData(UUID communityId, List<String> tables) {
    for (String table : tables) {
      // table names come from the catalog (TenantTables), never from a request or an archive
      if (dsl.fetchExists(
          DSL.selectOne()
              .from(DSL.table(DSL.name("rg", table)))
              .where(DSL.field(DSL.name("community_id"), UUID.class).eq(communityId)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Inserts the JSON-lines rows of one table into the community (whatever community the rows came
   * from); returns how many.
   */
  long load(UUID communityId, String table, InputStream jsonLines) {
    String insert =
        "INSERT INTO rg.\""
            + table
            + "\" SELECT p.* FROM jsonb_array_elements(?::jsonb) r,"
            + " LATERAL jsonb_populate_record(NULL::rg.\""
            + table
            + "\", r || jsonb_build_object('community_id', ?::uuid)) p";
    long count = 0;
    try (BufferedReader lines =
            new BufferedReader(new InputStreamReader(jsonLines, StandardCharsets.UTF_8));
        PreparedStatement statement = connection().prepareStatement(insert)) {
      StringBuilder batch = new StringBuilder("[");
      int inBatch = 0;
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        batch.append(inBatch == 0 ? "" : ",").append(line);
        inBatch++;
        count++;
        if (inBatch == BATCH) {
          insert(statement, batch, communityId);
          batch.setLength(1);
          inBatch = 0;
        }
      }
      if (inBatch > 0) {
        insert(statement, batch, communityId);
      }
    } catch (SQLException e) {
      throw new RowRefused(table, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return count;
  }

  private static void insert(PreparedStatement statement, StringBuilder batch, UUID communityId)
      throws SQLException {
    statement.setString(1, batch.append(']').toString());
    statement.setObject(2, communityId);
    statement.executeUpdate();
  }

  /**
   * The imported community waits SUSPENDED for its street to look at it and reactivate it; the
   * erased statistics and the last export no longer describe it.
   */
  void markRestored(UUID communityId, String reason) {
    dsl.update(COMMUNITY)
        .set(COMMUNITY.STATUS, "SUSPENDED")
        .set(COMMUNITY.STATUS_REASON, reason)
        .set(COMMUNITY.STATUS_CHANGED_AT, DSL.currentOffsetDateTime())
        .setNull(COMMUNITY.ERASED_STATISTICS)
        .setNull(COMMUNITY.EXPORTED_AT)
        .setNull(COMMUNITY.EXPORTED_ROWS)
        .where(COMMUNITY.ID.eq(communityId))
        .execute();
  }

  private Connection connection() {
    return DataSourceUtils.getConnection(dataSource);
  }
}
