package org.redgovernance.admin.erasure;

import static org.redgovernance.database.jooq.Tables.COMMUNITY;
import static org.redgovernance.database.jooq.Tables.STREET;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jspecify.annotations.Nullable;
import org.redgovernance.admin.registry.ErasedStatistics;
import org.redgovernance.database.TenantContext;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry row of the community to erase and its tenant rows, as tenant-admin's role through
 * row-level security with that community as the only tenant. Runs in the caller's transaction.
 */
@Repository
class ErasureRepository {

  /** The registry row as erasing needs it. */
  record Candidate(
      UUID id,
      String key,
      String streetKey,
      String status,
      @Nullable OffsetDateTime statusChangedAt,
      @Nullable OffsetDateTime exportedAt,
      @Nullable Map<String, Long> exportedRows) {

    /** An export was taken after the community was closed, so nothing written since is missing. */
    boolean exportedSinceClosed() {
      return exportedAt != null
          && exportedRows != null
          && (statusChangedAt == null || exportedAt.isAfter(statusChangedAt));
    }
  }

  private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {};

  private final DataSource dataSource;
  private final DSLContext dsl;
  private final JsonMapper json;

  ErasureRepository(DataSource dataSource, DSLContext dsl, JsonMapper json) {
    this.dataSource = dataSource;
    this.dsl = dsl;
    this.json = json;
  }

  Optional<Candidate> find(String key) {
    return fetch(key, false);
  }

  /** The row, locked until the transaction ends, and the community as its only tenant. */
  Candidate lockAsTenant(String key) {
    Candidate candidate = fetch(key, true).orElseThrow();
    try {
      TenantContext.apply(connection(), List.of(candidate.id()), "tenant-admin-erase");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return candidate;
  }

  private Optional<Candidate> fetch(String key, boolean lock) {
    var query =
        dsl.select(
                COMMUNITY.ID,
                COMMUNITY.KEY,
                STREET.KEY,
                COMMUNITY.STATUS,
                COMMUNITY.STATUS_CHANGED_AT,
                COMMUNITY.EXPORTED_AT,
                COMMUNITY.EXPORTED_ROWS)
            .from(COMMUNITY)
            .join(STREET)
            .on(STREET.ID.eq(COMMUNITY.STREET_ID))
            .where(COMMUNITY.KEY.eq(key));
    return (lock ? query.forUpdate().of(COMMUNITY) : query)
        .fetchOptional(
            r ->
                new Candidate(
                    r.value1(),
                    r.value2(),
                    r.value3(),
                    r.value4(),
                    r.value5(),
                    r.value6(),
                    r.value7() == null ? null : json.readValue(r.value7().data(), COUNTS)));
  }

  /** Rows per tenant table, in the given order. */
  Map<String, Long> rowCounts(UUID communityId, List<String> tables) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : tables) {
      counts.put(
          table,
          single("SELECT count(*) FROM rg.\"" + table + "\" WHERE community_id = ?", communityId));
    }
    return counts;
  }

  /** The anonymous figures kept of the community. */
  ErasedStatistics statistics(UUID communityId, Map<String, Long> rows) {
    List<ErasedStatistics.TableRows> tables = new ArrayList<>();
    rows.forEach((table, count) -> tables.add(new ErasedStatistics.TableRows(table, count)));
    return new ErasedStatistics(
        OffsetDateTime.now(),
        rows.getOrDefault("household", 0L),
        single(
            "SELECT count(*) FROM rg.resident WHERE community_id = ? AND status = 'ACTIVE'",
            communityId),
        single(
            "SELECT count(*) FROM rg.party_member WHERE community_id = ? AND status = 'ACTIVE'",
            communityId),
        rows.getOrDefault("matter", 0L),
        single(
            "SELECT count(*) FROM rg.matter WHERE community_id = ?"
                + " AND status IN ('RESOLVED', 'VERIFIED', 'CLOSED')",
            communityId),
        single(
            "SELECT count(*) FROM rg.meeting WHERE community_id = ? AND status = 'HELD'",
            communityId),
        tables);
  }

  /** Deletes every row of the community, children before parents. */
  void deleteAll(UUID communityId, List<String> tablesInLoadOrder) {
    List<String> reversed = new ArrayList<>(tablesInLoadOrder);
    Collections.reverse(reversed);
    for (String table : reversed) {
      // table names come from the catalog (TenantTables), never from a request
      try (PreparedStatement delete =
          connection()
              .prepareStatement("DELETE FROM rg.\"" + table + "\" WHERE community_id = ?")) {
        delete.setObject(1, communityId);
        delete.executeUpdate();
      } catch (SQLException e) {
        throw new IllegalStateException("Could not erase " + table, e);
      }
    }
  }

  void markErased(UUID communityId, String reason, ErasedStatistics statistics) {
    dsl.update(COMMUNITY)
        .set(COMMUNITY.STATUS, "ERASED")
        .set(COMMUNITY.STATUS_REASON, reason)
        .set(COMMUNITY.STATUS_CHANGED_AT, statistics.erasedAt())
        .set(COMMUNITY.ERASED_STATISTICS, JSONB.valueOf(json.writeValueAsString(statistics)))
        .where(COMMUNITY.ID.eq(communityId))
        .execute();
  }

  private long single(String sql, UUID communityId) {
    try (PreparedStatement query = connection().prepareStatement(sql)) {
      query.setObject(1, communityId);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private Connection connection() {
    return DataSourceUtils.getConnection(dataSource);
  }
}
