package org.redgovernance.api.notices;

import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.commands.Commands;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.graphql.Refusal;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.notices.NoticeMutations.PublishNoticeInput;
import org.redgovernance.api.notices.NoticeMutations.WithdrawNoticeInput;
import org.redgovernance.api.readmodel.Changed;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.MutationTargets;
import org.redgovernance.api.tenancy.MutationTargets.Denial;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Publishing and withdrawing notices, as commands ({@link Commands}). Every refusal comes back as a
 * typed {@link UserError} and changes nothing; a community outside the caller's scope is "not
 * found", whether or not it exists.
 */
@Controller
class NoticeMutationController {

  static final int MAX_TITLE = 200;
  static final int MAX_BODY = 20_000;
  static final int MAX_REASON = 500;

  private final NoticeRepository notices;
  private final NoticeBoard board;
  private final Commands commands;

  NoticeMutationController(NoticeRepository notices, NoticeBoard board, Commands commands) {
    this.notices = notices;
    this.board = board;
    this.commands = commands;
  }

  @MutationMapping
  Map<String, Object> publishNotice(
      @Argument PublishNoticeInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    Optional<ReachableCommunity> target = targetCommunity(input.communityKey(), scope);
    MutationTargets.Target located =
        target.isEmpty()
            ? refused(
                input.communityKey() == null
                    ? new Denial(
                        Denial.Reason.COMMUNITY_REQUIRED,
                        "Name the community in communityKey or in the X-Community header",
                        "communityKey")
                    : new Denial(Denial.Reason.NOT_FOUND, "No such community", "communityKey"))
            : mayWrite(target.get())
                .map(NoticeMutationController::refused)
                .orElseGet(() -> new MutationTargets.Target(target.get(), target.get().id(), null));
    return commands.run(
        environment,
        scope,
        located,
        "notice",
        command -> {
          String title = trimmed(input.title());
          String body = trimmed(input.body());
          if (title.isEmpty() || title.length() > MAX_TITLE) {
            throw invalid("Title must have 1 to " + MAX_TITLE + " characters", "title");
          }
          if (body.isEmpty() || body.length() > MAX_BODY) {
            throw invalid("Body must have 1 to " + MAX_BODY + " characters", "body");
          }
          NoticeAudience audience =
              input.audience() == null ? NoticeAudience.EVERYONE : input.audience();
          UUID id =
              board.publish(
                  command.dsl(), command.scope(), command.community(), title, body, audience);
          return new Changed(NoticeTypes.NOTICE, command.community().id(), id);
        });
  }

  @MutationMapping
  Map<String, Object> withdrawNotice(
      @Argument WithdrawNoticeInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    Optional<GlobalId> id = GlobalId.decode(input.id(), NoticeTypes.NOTICE);
    Optional<ReachableCommunity> target = id.flatMap(global -> scope.byId(global.communityId()));
    return commands.run(
        environment,
        scope,
        target.isEmpty()
            ? refused(NO_SUCH_NOTICE)
            : new MutationTargets.Target(target.get(), id.get().id(), null),
        "notice",
        command -> {
          ReachableCommunity community = command.community();
          String reason = trimmed(input.reason());
          if (reason.isEmpty() || reason.length() > MAX_REASON) {
            throw invalid("Reason must have 1 to " + MAX_REASON + " characters", "reason");
          }
          NoticeState current =
              notices
                  .find(command.dsl(), community.id(), command.targetId())
                  .filter(NoticeVisibility.of(community)::allows)
                  .orElseThrow(() -> new Refusal(Commands.refused(NO_SUCH_NOTICE)));
          Optional<Denial> refused = mayWrite(community);
          if (refused.isPresent()) {
            throw new Refusal(Commands.refused(refused.get()));
          }
          if (current.status() == NoticeStatus.WITHDRAWN) {
            throw Refusal.because(UserError.Code.CONFLICT, "The notice is already withdrawn", "id");
          }
          int expected =
              input.expectedVersion() == null ? current.version() : input.expectedVersion();
          boolean withdrawn =
              !command
                  .write(NoticeRepository.withdraw(community.id(), current.id(), expected, reason))
                  .audited("notice.withdrawn", NoticeTypes.NOTICE, Map.of("reason", reason))
                  .announced(NoticeEventController.TOPIC, "WITHDRAWN")
                  .execute()
                  .isEmpty();
          if (!withdrawn) {
            throw Refusal.because(
                UserError.Code.CONFLICT,
                "The notice was changed by someone else; reload it and try again",
                "expectedVersion");
          }
          return new Changed(NoticeTypes.NOTICE, community.id(), current.id());
        });
  }

  private static final Denial NO_SUCH_NOTICE =
      new Denial(Denial.Reason.NOT_FOUND, "No such notice", "id");

  private static MutationTargets.Target refused(Denial denial) {
    return new MutationTargets.Target(null, null, denial);
  }

  private static Refusal invalid(String message, String field) {
    return Refusal.because(UserError.Code.INVALID_INPUT, message, field);
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

  private static Optional<Denial> mayWrite(ReachableCommunity community) {
    if (!NoticeVisibility.mayPublish(community)) {
      return Optional.of(
          new Denial(
              Denial.Reason.FORBIDDEN,
              "Only the community's admin or secretary may publish or withdraw notices",
              null));
    }
    if (!community.status().acceptsWrites()) {
      return Optional.of(
          new Denial(
              Denial.Reason.READ_ONLY,
              "The community is " + community.status().name().toLowerCase() + " and read-only",
              null));
    }
    return Optional.empty();
  }

  private static String trimmed(@Nullable String value) {
    return value == null ? "" : value.strip();
  }
}
