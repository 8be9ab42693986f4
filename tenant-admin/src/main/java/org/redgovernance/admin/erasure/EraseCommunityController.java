package org.redgovernance.admin.erasure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.redgovernance.admin.archive.RoleHolders;
import org.redgovernance.admin.archive.TenantTables;
import org.redgovernance.admin.audit.AdminAuditRepository;
import org.redgovernance.admin.erasure.ErasureRepository.Candidate;
import org.redgovernance.admin.registry.ErasedStatistics;
import org.redgovernance.admin.security.Operator;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClientException;

/**
 * {@code eraseCommunity}: the street's admins erase a closed, exported community. The rows go and
 * the registry keeps the statistics in one transaction, checked against the export (a row count
 * that changed since means the export is not complete: EXPORT_OUTDATED); then every role holder
 * leaves the community's Keycloak groups. If Keycloak fails there, the community is ERASED and the
 * same call finishes the dismissals.
 */
@Controller
class EraseCommunityController {

  static final int MAX_REASON = 500;
  private static final Set<String> CLOSED = Set.of("SUSPENDED", "ARCHIVED");

  record EraseCommunityInput(@Nullable String communityKey, @Nullable String reason) {}

  record AdminError(String code, String message, @Nullable List<String> field) {}

  record EraseCommunityPayload(
      @Nullable String communityKey,
      @Nullable ErasedStatistics statistics,
      int roleHoldersDismissed,
      List<AdminError> errors) {}

  private final ErasureRepository communities;
  private final TenantTables tenantTables;
  private final RoleHolders roleHolders;
  private final AdminAuditRepository audit;
  private final TransactionTemplate transactions;

  EraseCommunityController(
      ErasureRepository communities,
      TenantTables tenantTables,
      RoleHolders roleHolders,
      AdminAuditRepository audit,
      TransactionTemplate transactions) {
    this.communities = communities;
    this.tenantTables = tenantTables;
    this.roleHolders = roleHolders;
    this.audit = audit;
    this.transactions = transactions;
  }

  @MutationMapping
  EraseCommunityPayload eraseCommunity(
      @Argument EraseCommunityInput input, @AuthenticationPrincipal Jwt token) {
    Operator operator = Operator.of(token);
    Optional<Candidate> found =
        input.communityKey() == null ? Optional.empty() : communities.find(input.communityKey());
    if (found.isEmpty()) {
      return failed("NOT_FOUND", "No such community", List.of("communityKey"));
    }
    Candidate community = found.get();
    if (!operator.oversees(community.streetKey())) {
      // told "not found"; the street's admins see the attempt
      return refused(
          operator,
          community,
          new AdminError("NOT_FOUND", "No such community", List.of("communityKey")));
    }
    String reason = input.reason() == null ? "" : input.reason().strip();
    Optional<AdminError> refusal = refusal(operator, community, reason);
    if (refusal.isPresent()) {
      return refused(operator, community, refusal.get());
    }
    ErasedStatistics statistics;
    try {
      statistics =
          "ERASED".equals(community.status())
              ? null
              : transactions.execute(status -> erase(operator, community.key(), reason));
    } catch (Refused late) {
      return refused(operator, community, late.error);
    }
    try {
      int dismissed = roleHolders.dismissAll(community.key());
      return new EraseCommunityPayload(community.key(), statistics, dismissed, List.of());
    } catch (RestClientException keycloakDown) {
      return new EraseCommunityPayload(
          community.key(),
          statistics,
          0,
          List.of(
              new AdminError(
                  "UNAVAILABLE",
                  "The data is erased; Keycloak could not take the roles away yet. Call"
                      + " eraseCommunity again to finish.",
                  null)));
    }
  }

  /** In the transaction: checks again under the lock, counts, keeps the statistics, deletes. */
  private ErasedStatistics erase(Operator operator, String key, String reason) {
    Candidate community = communities.lockAsTenant(key);
    if (!CLOSED.contains(community.status()) || !community.exportedSinceClosed()) {
      throw new Refused(
          new AdminError(
              "CONFLICT", "The community changed meanwhile; look again", List.of("communityKey")));
    }
    List<String> tables = tenantTables.inLoadOrder();
    Map<String, Long> rows = communities.rowCounts(community.id(), tables);
    Map<String, Long> exported = community.exportedRows();
    boolean sameAsExported =
        exported != null
            && tenantTables.archived(tables).stream()
                .allMatch(t -> rows.get(t).equals(exported.getOrDefault(t, 0L)));
    if (!sameAsExported) {
      throw new Refused(
          new AdminError(
              "EXPORT_OUTDATED",
              "The community's data changed after the last export; export it again first",
              List.of("communityKey")));
    }
    ErasedStatistics statistics = communities.statistics(community.id(), rows);
    communities.deleteAll(community.id(), tables);
    communities.markErased(community.id(), reason, statistics);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("from", community.status());
    details.put("rows", rows.values().stream().mapToLong(Long::longValue).sum());
    details.put("exportedAt", String.valueOf(community.exportedAt()));
    audit.record(operator, "community.erased", community.streetKey(), key, "OK", reason, details);
    return statistics;
  }

  private static Optional<AdminError> refusal(
      Operator operator, Candidate community, String reason) {
    if (!operator.administers(community.streetKey())) {
      return Optional.of(
          new AdminError("FORBIDDEN", "Only the street's admins erase its communities", null));
    }
    if (reason.isEmpty() || reason.length() > MAX_REASON) {
      return Optional.of(
          new AdminError(
              "INVALID_INPUT",
              "Give the reason in 1 to " + MAX_REASON + " characters",
              List.of("reason")));
    }
    if ("ERASED".equals(community.status())) {
      return Optional.empty();
    }
    if (!CLOSED.contains(community.status())) {
      return Optional.of(
          new AdminError(
              "ILLEGAL_TRANSITION",
              "Suspend or archive the community first, then export it, then erase it",
              List.of("communityKey")));
    }
    if (!community.exportedSinceClosed()) {
      return Optional.of(
          new AdminError(
              "EXPORT_REQUIRED",
              "Export the community (GET /communities/"
                  + community.key()
                  + "/archive) after it was closed, then erase it",
              List.of("communityKey")));
    }
    return Optional.empty();
  }

  private EraseCommunityPayload refused(Operator operator, Candidate community, AdminError error) {
    transactions.executeWithoutResult(
        status ->
            audit.record(
                operator,
                "community.erased",
                community.streetKey(),
                community.key(),
                "REFUSED",
                null,
                Map.of("code", error.code())));
    return new EraseCommunityPayload(null, null, 0, List.of(error));
  }

  private static EraseCommunityPayload failed(String code, String message, List<String> field) {
    return new EraseCommunityPayload(null, null, 0, List.of(new AdminError(code, message, field)));
  }

  /** A refusal found under the lock; the transaction rolls back. */
  private static final class Refused extends RuntimeException {
    private final AdminError error;

    Refused(AdminError error) {
      super(error.message(), null, false, false);
      this.error = error;
    }
  }
}
