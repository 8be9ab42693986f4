package org.redgovernance.api.notices;

import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.redgovernance.api.commands.Commands;
import org.redgovernance.api.notifications.Notifications;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.database.Ids;
import org.springframework.stereotype.Component;

/**
 * Posting to a community's notice board from another feature (e.g. a meeting's minutes), inside
 * that feature's transaction: the same row, audit entry and live event as {@code publishNotice},
 * written in one statement. The caller has checked that the caller may publish.
 */
@Component
public class NoticeBoard {

  private final Commands commands;

  NoticeBoard(Commands commands) {
    this.commands = commands;
  }

  /** Publishes to every resident of the community; returns the notice's id. */
  public UUID publishToEveryone(
      DSLContext dsl, AccessScope scope, ReachableCommunity community, String title, String body) {
    return publish(dsl, scope, community, title, body, NoticeAudience.EVERYONE);
  }

  /** Publishes a notice for {@code audience}; returns its id. */
  UUID publish(
      DSLContext dsl,
      AccessScope scope,
      ReachableCommunity community,
      String title,
      String body,
      NoticeAudience audience) {
    UUID id = Ids.newId();
    commands
        .write(
            dsl,
            scope,
            NoticeRepository.insert(
                community.id(),
                id,
                title,
                body,
                audience,
                scope.caller().userId(),
                scope.caller().displayName()))
        .alongside(Notifications.recorded(NoticeNotifications.PUBLISHED))
        .audited(
            "notice.published",
            NoticeTypes.NOTICE,
            Map.of("title", title, "audience", audience.name()))
        .announced(NoticeEventController.TOPIC, "PUBLISHED")
        .execute();
    return id;
  }
}
