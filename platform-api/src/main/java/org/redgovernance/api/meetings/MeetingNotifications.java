package org.redgovernance.api.meetings;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.redgovernance.api.commands.Write;
import org.redgovernance.api.notifications.NotificationCategory;
import org.redgovernance.api.notifications.NotificationIntent;
import org.redgovernance.api.notifications.NotificationSubject;
import org.redgovernance.api.notifications.Notifications;
import org.redgovernance.api.readmodel.Changed;
import org.springframework.stereotype.Component;

/**
 * Who hears of what happens to a meeting: the members seated today on the bodies it invites, told
 * when it is scheduled (while it is still planned: a meeting cancelled before the news went out
 * tells nobody it was scheduled), cancelled, and when its minutes are published. Meetings a series
 * rolls out weeks ahead tell nobody: they are the series' routine. An action item added to it tells
 * its owner ({@link ActionItemNotifications}).
 */
@Component
class MeetingNotifications implements NotificationSubject {

  static final String INVITED = "INVITED";
  static final String INVITED_WHILE_PLANNED = "INVITED_WHILE_PLANNED";

  static final NotificationIntent SCHEDULED =
      meetingNews("MEETING_SCHEDULED", INVITED_WHILE_PLANNED);

  private final MeetingAudienceRepository audiences;

  MeetingNotifications(MeetingAudienceRepository audiences) {
    this.audiences = audiences;
  }

  /**
   * What a change to a meeting ({@code action}, as audited, showing {@code shown}) tells whom, as
   * intents to write beside it.
   */
  static List<Function<Write.Row, Query>> of(String action, Changed shown) {
    return switch (action) {
      case "cancelled" ->
          List.of(Notifications.recorded(meetingNews("MEETING_CANCELLED", INVITED)));
      case "minutes-published" ->
          List.of(Notifications.recorded(meetingNews("MEETING_MINUTES_PUBLISHED", INVITED)));
      case "action-item-added" ->
          List.of(Notifications.recorded(ActionItemNotifications.ASSIGNED, shown.id()));
      default -> List.of();
    };
  }

  private static NotificationIntent meetingNews(String kind, String audience) {
    return new NotificationIntent(
        NotificationCategory.MEETINGS, kind, MeetingTypes.MEETING, audience);
  }

  @Override
  public String subjectType() {
    return MeetingTypes.MEETING;
  }

  @Override
  public Set<String> recipients(DSLContext dsl, UUID communityId, UUID id, String audience) {
    return switch (audience) {
      case INVITED -> audiences.invited(dsl, communityId, id, EnumSet.allOf(MeetingStatus.class));
      case INVITED_WHILE_PLANNED ->
          audiences.invited(dsl, communityId, id, EnumSet.of(MeetingStatus.PLANNED));
      default -> Set.of();
    };
  }

  @Override
  public Map<String, String> values(DSLContext dsl, UUID communityId, UUID id) {
    return audiences.values(dsl, communityId, id);
  }
}
