package org.redgovernance.api.meetings;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jooq.Query;
import org.redgovernance.api.commands.Write;
import org.redgovernance.api.notifications.NotificationCategory;
import org.redgovernance.api.notifications.NotificationIntent;
import org.redgovernance.api.notifications.NotificationSubject;
import org.redgovernance.api.notifications.Notifications;
import org.redgovernance.api.readmodel.Changed;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who hears of what happens to a meeting: the members seated today on the bodies it invites, told
 * when it is scheduled (while it is still planned: a meeting cancelled before the news went out
 * tells nobody it was scheduled), cancelled, and when its minutes are published. Meetings a series
 * rolls out weeks ahead tell nobody: they are the series' routine. An action item a meeting adds
 * tells its owner (a body: its seated members) while it is open; its text is not repeated, as it
 * may name people: the owner reads it in the meeting.
 */
@Configuration(proxyBeanMethods = false)
class MeetingNotifications {

  static final String INVITED = "INVITED";
  static final String INVITED_WHILE_PLANNED = "INVITED_WHILE_PLANNED";
  static final String OWNER = "OWNER";

  static final NotificationIntent SCHEDULED =
      meetingNews("MEETING_SCHEDULED", INVITED_WHILE_PLANNED);

  /**
   * An owners' assembly convened is a legal notice: the owners must be told beforehand, so it goes
   * out on every channel and nobody's preferences mute it.
   */
  static final NotificationIntent ASSEMBLY_CONVENED =
      new NotificationIntent(
          NotificationCategory.LEGAL_NOTICES,
          "MEETING_SCHEDULED",
          MeetingTypes.MEETING,
          INVITED_WHILE_PLANNED);

  static final NotificationIntent ACTION_ITEM_ASSIGNED =
      new NotificationIntent(
          NotificationCategory.ACTION_ITEMS,
          "ACTION_ITEM_ASSIGNED",
          MeetingTypes.ACTION_ITEM,
          OWNER);

  /** An open action item past its due date reminds its owner, once a day. */
  static final NotificationIntent ACTION_ITEM_OVERDUE =
      new NotificationIntent(
          NotificationCategory.ACTION_ITEMS,
          "ACTION_ITEM_OVERDUE",
          MeetingTypes.ACTION_ITEM,
          OWNER);

  @Bean
  NotificationSubject meetingSubject(MeetingAudienceRepository audiences) {
    return NotificationSubject.of(
        MeetingTypes.MEETING,
        Map.of(
            INVITED,
            (dsl, community, id) ->
                audiences.invited(dsl, community, id, EnumSet.allOf(MeetingStatus.class)),
            INVITED_WHILE_PLANNED,
            (dsl, community, id) ->
                audiences.invited(dsl, community, id, EnumSet.of(MeetingStatus.PLANNED))),
        audiences::values);
  }

  @Bean
  NotificationSubject actionItemSubject(MeetingAudienceRepository audiences) {
    return NotificationSubject.of(
        MeetingTypes.ACTION_ITEM,
        Map.of(OWNER, audiences::actionItemOwner),
        audiences::actionItemValues);
  }

  /** What scheduling a meeting of {@code kind} tells its invited. */
  static NotificationIntent scheduled(MeetingKind kind) {
    return kind == MeetingKind.OWNERS_ASSEMBLY ? ASSEMBLY_CONVENED : SCHEDULED;
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
      case "action-item-added" -> List.of(Notifications.recorded(ACTION_ITEM_ASSIGNED, shown.id()));
      default -> List.of();
    };
  }

  private static NotificationIntent meetingNews(String kind, String audience) {
    return new NotificationIntent(
        NotificationCategory.MEETINGS, kind, MeetingTypes.MEETING, audience);
  }
}
