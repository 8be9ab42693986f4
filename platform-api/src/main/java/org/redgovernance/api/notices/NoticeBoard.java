package org.redgovernance.api.notices;

import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.redgovernance.api.audit.AuditLog;
import org.redgovernance.api.events.ChangeEvent;
import org.redgovernance.api.events.ChangeEvents;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.database.Ids;
import org.springframework.stereotype.Component;

/**
 * Posting to a community's notice board from another feature (e.g. a meeting's minutes), inside
 * that feature's transaction: the same row, audit entry and live event as {@code publishNotice}.
 * The caller has checked that the caller may publish.
 */
@Component
public class NoticeBoard {

  private final NoticeRepository notices;
  private final AuditLog audit;
  private final ChangeEvents changes;

  NoticeBoard(NoticeRepository notices, AuditLog audit, ChangeEvents changes) {
    this.notices = notices;
    this.audit = audit;
    this.changes = changes;
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
    notices.insert(
        dsl,
        community.id(),
        id,
        title,
        body,
        audience,
        scope.caller().userId(),
        scope.caller().displayName());
    audit.record(
        dsl,
        scope,
        community.id(),
        "notice.published",
        NoticeTypes.NOTICE,
        id,
        Map.of("title", title, "audience", audience.name()));
    changes.publish(
        dsl, new ChangeEvent(NoticeEventController.TOPIC, community.id(), id, "PUBLISHED"));
    return id;
  }
}
