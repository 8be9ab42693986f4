package org.redgovernance.api.notices;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.audit.AuditLog;
import org.redgovernance.api.events.ChangeEvent;
import org.redgovernance.api.events.ChangeEvents;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.notices.NoticeMutations.PublishNoticeInput;
import org.redgovernance.api.notices.NoticeMutations.PublishNoticePayload;
import org.redgovernance.api.notices.NoticeMutations.WithdrawNoticeInput;
import org.redgovernance.api.notices.NoticeMutations.WithdrawNoticePayload;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.api.tenancy.TenantTransactions;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Publishing and withdrawing notices. Every refusal comes back as a typed {@link UserError} and
 * changes nothing; a community outside the caller's scope is "not found", whether or not it exists.
 */
@Controller
class NoticeMutationController {

  static final int MAX_TITLE = 200;
  static final int MAX_BODY = 20_000;
  static final int MAX_REASON = 500;

  private final TenantTransactions transactions;
  private final NoticeRepository notices;
  private final AuditLog audit;
  private final ChangeEvents changes;
  private final NoticeBoard board;

  NoticeMutationController(
      TenantTransactions transactions,
      NoticeRepository notices,
      AuditLog audit,
      ChangeEvents changes,
      NoticeBoard board) {
    this.transactions = transactions;
    this.notices = notices;
    this.audit = audit;
    this.changes = changes;
    this.board = board;
  }

  @MutationMapping
  PublishNoticePayload publishNotice(
      @Argument PublishNoticeInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    Optional<ReachableCommunity> target = targetCommunity(input.communityKey(), scope);
    if (target.isEmpty()) {
      return PublishNoticePayload.failed(
          input.communityKey() == null
              ? UserError.of(
                  UserError.Code.COMMUNITY_REQUIRED,
                  "Name the community in communityKey or in the X-Community header",
                  "communityKey")
              : UserError.of(UserError.Code.NOT_FOUND, "No such community", "communityKey"));
    }
    ReachableCommunity community = target.get();
    Optional<UserError> refused = mayWrite(community);
    if (refused.isPresent()) {
      return PublishNoticePayload.failed(refused.get());
    }
    String title = trimmed(input.title());
    String body = trimmed(input.body());
    if (title.isEmpty() || title.length() > MAX_TITLE) {
      return PublishNoticePayload.failed(
          UserError.of(
              UserError.Code.INVALID_INPUT,
              "Title must have 1 to " + MAX_TITLE + " characters",
              "title"));
    }
    if (body.isEmpty() || body.length() > MAX_BODY) {
      return PublishNoticePayload.failed(
          UserError.of(
              UserError.Code.INVALID_INPUT,
              "Body must have 1 to " + MAX_BODY + " characters",
              "body"));
    }
    NoticeAudience audience = input.audience() == null ? NoticeAudience.EVERYONE : input.audience();
    AccessScope one = scope.narrowedTo(community);
    UUID id =
        transactions.write(one, dsl -> board.publish(dsl, one, community, title, body, audience));
    return PublishNoticePayload.of(community.id(), id);
  }

  @MutationMapping
  WithdrawNoticePayload withdrawNotice(
      @Argument WithdrawNoticeInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    UserError notFound = UserError.of(UserError.Code.NOT_FOUND, "No such notice", "id");
    Optional<GlobalId> id = GlobalId.decode(input.id(), NoticeTypes.NOTICE);
    Optional<ReachableCommunity> target = id.flatMap(global -> scope.byId(global.communityId()));
    if (target.isEmpty()) {
      return WithdrawNoticePayload.failed(notFound);
    }
    ReachableCommunity community = target.get();
    String reason = trimmed(input.reason());
    if (reason.isEmpty() || reason.length() > MAX_REASON) {
      return WithdrawNoticePayload.failed(
          UserError.of(
              UserError.Code.INVALID_INPUT,
              "Reason must have 1 to " + MAX_REASON + " characters",
              "reason"));
    }
    AccessScope one = scope.narrowedTo(community);
    return transactions.write(
        one,
        dsl -> {
          Optional<NoticeState> current = notices.find(dsl, community.id(), id.get().id());
          if (current.isEmpty() || !NoticeVisibility.of(community).allows(current.get())) {
            return WithdrawNoticePayload.failed(notFound);
          }
          Optional<UserError> refused = mayWrite(community);
          if (refused.isPresent()) {
            return WithdrawNoticePayload.failed(refused.get());
          }
          if (current.get().status() == NoticeStatus.WITHDRAWN) {
            return WithdrawNoticePayload.failed(
                UserError.of(UserError.Code.CONFLICT, "The notice is already withdrawn", "id"));
          }
          int expected =
              input.expectedVersion() == null ? current.get().version() : input.expectedVersion();
          UUID withdrawn = id.get().id();
          if (!notices.withdraw(dsl, community.id(), withdrawn, expected, reason)) {
            return WithdrawNoticePayload.failed(
                UserError.of(
                    UserError.Code.CONFLICT,
                    "The notice was changed by someone else; reload it and try again",
                    "expectedVersion"));
          }
          audit.record(
              dsl,
              one,
              community.id(),
              "notice.withdrawn",
              NoticeTypes.NOTICE,
              withdrawn,
              Map.of("reason", reason));
          changes.publish(
              dsl,
              new ChangeEvent(NoticeEventController.TOPIC, community.id(), withdrawn, "WITHDRAWN"));
          return WithdrawNoticePayload.of(community.id(), withdrawn);
        });
  }

  private static Optional<ReachableCommunity> targetCommunity(
      @Nullable String key, AccessScope scope) {
    if (key != null) {
      return scope.byKey(key);
    }
    return scope.communities().size() == 1
        ? Optional.of(scope.communities().get(0))
        : Optional.empty();
  }

  private static Optional<UserError> mayWrite(ReachableCommunity community) {
    if (!NoticeVisibility.mayPublish(community)) {
      return Optional.of(
          UserError.of(
              UserError.Code.FORBIDDEN,
              "Only the community's admin or secretary may publish or withdraw notices"));
    }
    if (!community.status().acceptsWrites()) {
      return Optional.of(
          UserError.of(
              UserError.Code.COMMUNITY_READ_ONLY,
              "The community is " + community.status().name().toLowerCase() + " and read-only"));
    }
    return Optional.empty();
  }

  private static String trimmed(@Nullable String value) {
    return value == null ? "" : value.strip();
  }
}
