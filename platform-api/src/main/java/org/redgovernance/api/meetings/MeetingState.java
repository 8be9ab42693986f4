package org.redgovernance.api.meetings;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the meeting desk decides on: where a meeting stands. What a meeting shows is the read
 * model's ({@link MeetingModels}).
 */
record MeetingState(
    UUID communityId,
    UUID id,
    String title,
    MeetingStatus status,
    int version,
    @Nullable String minutes,
    @Nullable UUID minutesNoticeId) {

  /** An agenda item, as a decision on it needs it. */
  record AgendaItemState(UUID id, UUID meetingId, @Nullable UUID matterId, int version) {}

  /** An action item, as a change of its status needs it. */
  record ActionItemState(UUID id, UUID meetingId, String description, int version) {}

  /** One line of the minutes as residents read them: the item, and what was decided. */
  record MinutesLine(int position, String subject, @Nullable String decision) {}
}
