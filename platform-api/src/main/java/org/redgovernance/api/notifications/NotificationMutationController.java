package org.redgovernance.api.notifications;

import graphql.schema.DataFetchingEnvironment;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.commands.Commands;
import org.redgovernance.api.graphql.Refusal;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.readmodel.Changed;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.MutationTargets;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Marking the caller's own notifications read, as commands ({@link Commands}). Another person's
 * notification is "not found", whatever the caller's role: nobody marks someone else's inbox.
 */
@Controller
class NotificationMutationController {

  record MarkNotificationReadInput(@Nullable String id) {}

  record MarkAllNotificationsReadInput(
      @Nullable String communityKey, @Nullable OffsetDateTime until) {}

  /** Every role of a community has an inbox in it. */
  private static final MutationTargets.Rule ANY_ROLE =
      new MutationTargets.Rule(community -> true, "Only people of the community have an inbox");

  private final Commands commands;

  NotificationMutationController(Commands commands) {
    this.commands = commands;
  }

  @MutationMapping
  Map<String, Object> markNotificationRead(
      @Argument MarkNotificationReadInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return commands.run(
        environment,
        scope,
        MutationTargets.object(input.id(), NotificationTypes.NOTIFICATION, "id", scope, ANY_ROLE),
        "notification",
        command -> {
          command
              .write(
                  NotificationRepository.markRead(
                      command.community().id(),
                      command.targetId(),
                      command.scope().caller().userId()))
              .executeOr(Refusal.because(UserError.Code.NOT_FOUND, "Not found", "id"));
          return new Changed(
              NotificationTypes.NOTIFICATION, command.community().id(), command.targetId());
        });
  }

  /**
   * Marks the caller's unread notifications read: of the community named (in {@code communityKey}
   * or X-Community), or of every community they reach, one command each; those created after {@code
   * until} stay unread (what arrived after the person looked).
   */
  @MutationMapping
  Map<String, Object> markAllNotificationsRead(
      @Argument MarkAllNotificationsReadInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    List<ReachableCommunity> communities =
        input.communityKey() == null
            ? scope.communities()
            : scope.byKey(input.communityKey()).stream().toList();
    if (communities.isEmpty()) {
      return marked(
          0, List.of(UserError.of(UserError.Code.NOT_FOUND, "No such community", "communityKey")));
    }
    int marked = 0;
    List<UserError> errors = new ArrayList<>();
    for (ReachableCommunity community : communities) {
      if (!community.status().acceptsWrites()) {
        continue;
      }
      Map<String, Object> one =
          commands.count(
              scope,
              MutationTargets.community(community.key(), scope, ANY_ROLE),
              "marked",
              command ->
                  command
                      .write(
                          NotificationRepository.markAllRead(
                              command.community().id(),
                              command.scope().caller().userId(),
                              input.until()))
                      .execute()
                      .size());
      marked += (Integer) one.get("marked");
      @SuppressWarnings("unchecked")
      List<UserError> refused = (List<UserError>) one.get("errors");
      errors.addAll(refused);
    }
    return marked(marked, errors);
  }

  private static Map<String, Object> marked(int marked, List<UserError> errors) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("marked", marked);
    payload.put("errors", errors);
    return payload;
  }
}
