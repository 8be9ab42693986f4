package org.redgovernance.api.meetings;

import static org.redgovernance.database.jooq.Tables.ACTION_ITEM;
import static org.redgovernance.database.jooq.Tables.MEETING;
import static org.redgovernance.database.jooq.Tables.MEETING_INVITATION;
import static org.redgovernance.database.jooq.Tables.SERVICE_POST_CARD;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.redgovernance.api.notifications.RecipientRepository;
import org.redgovernance.api.readmodel.ReadRequest;
import org.springframework.stereotype.Component;

/**
 * Who the audiences of a meeting's notifications are now: the accounts of the members seated today
 * on the bodies it invites; and what templates may say of it (title, start, place).
 */
@Component
class MeetingAudienceRepository {

  private static final DateTimeFormatter STARTS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** The invited bodies' seated members, while the meeting is in one of {@code statuses}. */
  Set<String> invited(
      DSLContext dsl, UUID communityId, UUID meetingId, Set<MeetingStatus> statuses) {
    Condition meeting =
        MEETING
            .COMMUNITY_ID
            .eq(communityId)
            .and(MEETING.ID.eq(meetingId))
            .and(MEETING.STATUS.in(statuses.stream().map(Enum::name).toList()));
    return RecipientRepository.accounts(
        dsl,
        communityId,
        RecipientRepository.seatedOn(
            communityId,
            DSL.select(MEETING_INVITATION.BODY_ID)
                .from(MEETING_INVITATION)
                .join(MEETING)
                .on(
                    MEETING.COMMUNITY_ID.eq(MEETING_INVITATION.COMMUNITY_ID),
                    MEETING.ID.eq(MEETING_INVITATION.MEETING_ID))
                .where(meeting)));
  }

  /**
   * The accounts of an open action item's owner: the resident, the party member's resident, or the
   * residents seated on the body.
   */
  Set<String> actionItemOwner(DSLContext dsl, UUID communityId, UUID actionItemId) {
    return RecipientRepository.accounts(
        dsl,
        communityId,
        RecipientRepository.holders(
            communityId,
            ACTION_ITEM,
            ACTION_ITEM.OWNER_RESIDENT_ID,
            ACTION_ITEM.OWNER_PARTY_MEMBER_ID,
            ACTION_ITEM.OWNER_BODY_ID,
            ACTION_ITEM
                .COMMUNITY_ID
                .eq(communityId)
                .and(ACTION_ITEM.ID.eq(actionItemId))
                .and(ACTION_ITEM.STATUS.eq(ActionItemStatus.OPEN.name()))));
  }

  /**
   * The community's open action items past their due date on {@code today}, as reminders select
   * them.
   */
  static Select<Record2<UUID, UUID>> overdueActionItems(UUID communityId, LocalDate today) {
    return DSL.select(ACTION_ITEM.COMMUNITY_ID, ACTION_ITEM.ID)
        .from(ACTION_ITEM)
        .where(ACTION_ITEM.COMMUNITY_ID.eq(communityId), MeetingModels.overdue(ACTION_ITEM, today));
  }

  /** What templates may say of an action item: its meeting's title and its due date. */
  Map<String, String> actionItemValues(DSLContext dsl, UUID communityId, UUID actionItemId) {
    return dsl.select(MEETING.TITLE, ACTION_ITEM.DUE_ON)
        .from(ACTION_ITEM)
        .join(MEETING)
        .on(
            MEETING.COMMUNITY_ID.eq(ACTION_ITEM.COMMUNITY_ID),
            MEETING.ID.eq(ACTION_ITEM.MEETING_ID))
        .where(ACTION_ITEM.COMMUNITY_ID.eq(communityId), ACTION_ITEM.ID.eq(actionItemId))
        .fetchOptional(r -> Map.of("meeting", r.value1(), "dueOn", r.value2().toString()))
        .orElse(Map.of());
  }

  /** The meeting's title, start (where the communities are) and place; empty once it is gone. */
  Map<String, String> values(DSLContext dsl, UUID communityId, UUID meetingId) {
    return dsl.select(
            MEETING.TITLE,
            MEETING.STARTS_AT,
            DSL.coalesce(
                MEETING.PLACE_TEXT,
                DSL.field(
                    DSL.select(SERVICE_POST_CARD.NAME)
                        .from(SERVICE_POST_CARD)
                        .where(
                            SERVICE_POST_CARD.COMMUNITY_ID.eq(MEETING.COMMUNITY_ID),
                            SERVICE_POST_CARD.ID.eq(MEETING.SERVICE_POST_ID))),
                DSL.inline("")))
        .from(MEETING)
        .where(MEETING.COMMUNITY_ID.eq(communityId), MEETING.ID.eq(meetingId))
        .fetchOptional(
            r -> {
              Map<String, String> named = new LinkedHashMap<>();
              named.put("title", r.value1());
              named.put("startsAt", r.value2().atZoneSameInstant(ReadRequest.ZONE).format(STARTS));
              named.put("place", r.value3());
              return named;
            })
        .orElse(Map.of());
  }
}
