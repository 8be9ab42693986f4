package org.redgovernance.admin.lifecycle;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redgovernance.admin.audit.AdminAuditRepository;
import org.redgovernance.admin.lifecycle.LifecycleRepository.CommunityState;
import org.redgovernance.admin.security.Operator;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code suspendCommunity}, {@code reactivateCommunity}, {@code archiveCommunity}. A community of a
 * street the caller does not oversee is "not found"; one they only view is "forbidden". The change
 * and its audit entry commit together; a refusal is audited on its own and changes nothing.
 * platform-api sees the new status within its directory cache time (10 s).
 */
@Controller
class CommunityStatusController {

  static final int MAX_REASON = 500;

  record CommunityStatusInput(@Nullable String communityKey, @Nullable String reason) {}

  record AdminError(String code, String message, @Nullable List<String> field) {}

  record CommunityStatusPayload(@Nullable CommunityState community, List<AdminError> errors) {}

  private final LifecycleRepository communities;
  private final AdminAuditRepository audit;
  private final TransactionTemplate transactions;

  CommunityStatusController(
      LifecycleRepository communities,
      AdminAuditRepository audit,
      TransactionTemplate transactions) {
    this.communities = communities;
    this.audit = audit;
    this.transactions = transactions;
  }

  @MutationMapping
  CommunityStatusPayload suspendCommunity(
      @Argument CommunityStatusInput input, @AuthenticationPrincipal Jwt token) {
    return change(input, Operator.of(token), CommunityStatusChange.SUSPEND);
  }

  @MutationMapping
  CommunityStatusPayload reactivateCommunity(
      @Argument CommunityStatusInput input, @AuthenticationPrincipal Jwt token) {
    return change(input, Operator.of(token), CommunityStatusChange.REACTIVATE);
  }

  @MutationMapping
  CommunityStatusPayload archiveCommunity(
      @Argument CommunityStatusInput input, @AuthenticationPrincipal Jwt token) {
    return change(input, Operator.of(token), CommunityStatusChange.ARCHIVE);
  }

  private CommunityStatusPayload change(
      CommunityStatusInput input, Operator operator, CommunityStatusChange change) {
    Optional<CommunityState> found =
        input.communityKey() == null ? Optional.empty() : communities.find(input.communityKey());
    if (found.isEmpty()) {
      return failed("NOT_FOUND", "No such community", "communityKey");
    }
    CommunityState community = found.get();
    String reason = input.reason() == null ? "" : input.reason().strip();
    // Someone from outside the street is told "not found", and the street's admins see the attempt.
    Optional<AdminError> refusal =
        operator.oversees(community.streetKey())
            ? refusal(operator, community, change, reason)
            : Optional.of(
                new AdminError("NOT_FOUND", "No such community", List.of("communityKey")));
    if (refusal.isPresent()) {
      transactions.executeWithoutResult(
          status ->
              audit.record(
                  operator,
                  change.action(),
                  community.streetKey(),
                  community.key(),
                  "REFUSED",
                  reason.isEmpty() ? null : truncated(reason),
                  Map.of("code", refusal.get().code())));
      return new CommunityStatusPayload(null, List.of(refusal.get()));
    }
    return transactions.execute(
        status -> {
          if (!communities.changeStatus(community.key(), community.status(), change.to(), reason)) {
            status.setRollbackOnly();
            return failed(
                "CONFLICT",
                "The community's status was changed meanwhile; reload it and try again",
                "communityKey");
          }
          audit.record(
              operator,
              change.action(),
              community.streetKey(),
              community.key(),
              "OK",
              reason,
              Map.of("from", community.status(), "to", change.to()));
          return new CommunityStatusPayload(
              communities.find(community.key()).orElseThrow(), List.of());
        });
  }

  private static Optional<AdminError> refusal(
      Operator operator, CommunityState community, CommunityStatusChange change, String reason) {
    if (!operator.administers(community.streetKey())) {
      return Optional.of(
          new AdminError(
              "FORBIDDEN", "Only the street's admins change its communities' status", null));
    }
    if (reason.isEmpty() || reason.length() > MAX_REASON) {
      return Optional.of(
          new AdminError(
              "INVALID_INPUT",
              "Give the reason in 1 to " + MAX_REASON + " characters",
              List.of("reason")));
    }
    if (!change.from().contains(community.status())) {
      return Optional.of(
          new AdminError(
              "ILLEGAL_TRANSITION",
              "A community that is " + community.status() + " cannot become " + change.to(),
              List.of("communityKey")));
    }
    return Optional.empty();
  }

  private static String truncated(String reason) {
    return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
  }

  private static CommunityStatusPayload failed(String code, String message, String field) {
    return new CommunityStatusPayload(null, List.of(new AdminError(code, message, List.of(field))));
  }
}
