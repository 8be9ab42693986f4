package org.redgovernance.api.notices;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.redgovernance.api.notifications.NotificationCategory;
import org.redgovernance.api.notifications.NotificationIntent;
import org.redgovernance.api.notifications.NotificationSubject;
import org.springframework.stereotype.Component;

/**
 * A published notice tells the residents of its audience who have an account; one withdrawn before
 * the news went out tells nobody.
 */
@Component
class NoticeNotifications implements NotificationSubject {

  static final String READERS = "READERS";

  static final NotificationIntent PUBLISHED =
      new NotificationIntent(
          NotificationCategory.NOTICES, "NOTICE_PUBLISHED", NoticeTypes.NOTICE, READERS);

  private final NoticeAudienceRepository audiences;

  NoticeNotifications(NoticeAudienceRepository audiences) {
    this.audiences = audiences;
  }

  @Override
  public String subjectType() {
    return NoticeTypes.NOTICE;
  }

  @Override
  public Set<String> recipients(DSLContext dsl, UUID communityId, UUID id, String audience) {
    return READERS.equals(audience) ? audiences.readers(dsl, communityId, id) : Set.of();
  }

  @Override
  public Map<String, String> values(DSLContext dsl, UUID communityId, UUID id) {
    return audiences.values(dsl, communityId, id);
  }
}
