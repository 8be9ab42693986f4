package org.redgovernance.api.meetings;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.redgovernance.api.notifications.NotificationCategory;
import org.redgovernance.api.notifications.NotificationIntent;
import org.redgovernance.api.notifications.NotificationSubject;
import org.springframework.stereotype.Component;

/**
 * An action item a meeting adds tells its owner (a body: its seated members) while it is open. Its
 * text is not repeated: it may name people; the owner reads it in the meeting.
 */
@Component
class ActionItemNotifications implements NotificationSubject {

  static final String OWNER = "OWNER";

  static final NotificationIntent ASSIGNED =
      new NotificationIntent(
          NotificationCategory.ACTION_ITEMS,
          "ACTION_ITEM_ASSIGNED",
          MeetingTypes.ACTION_ITEM,
          OWNER);

  private final MeetingAudienceRepository audiences;

  ActionItemNotifications(MeetingAudienceRepository audiences) {
    this.audiences = audiences;
  }

  @Override
  public String subjectType() {
    return MeetingTypes.ACTION_ITEM;
  }

  @Override
  public Set<String> recipients(DSLContext dsl, UUID communityId, UUID id, String audience) {
    return OWNER.equals(audience) ? audiences.actionItemOwner(dsl, communityId, id) : Set.of();
  }

  @Override
  public Map<String, String> values(DSLContext dsl, UUID communityId, UUID id) {
    return audiences.actionItemValues(dsl, communityId, id);
  }
}
