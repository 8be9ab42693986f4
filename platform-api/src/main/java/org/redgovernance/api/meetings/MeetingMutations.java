package org.redgovernance.api.meetings;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Inputs and payloads of the meeting mutations. */
final class MeetingMutations {

  private MeetingMutations() {}

  record ScheduleMeetingInput(
      @Nullable String communityKey,
      @Nullable MeetingKind kind,
      @Nullable String title,
      @Nullable OffsetDateTime startsAt,
      @Nullable Integer durationMinutes,
      @Nullable String servicePostId,
      @Nullable String placeText,
      @Nullable String convenerName,
      @Nullable List<String> invitedBodyIds) {}

  record AddMeetingSeriesInput(
      @Nullable String communityKey,
      @Nullable MeetingKind kind,
      @Nullable String title,
      @Nullable DayOfWeek weekday,
      @Nullable String time,
      @Nullable Integer durationMinutes,
      @Nullable String servicePostId,
      @Nullable String placeText,
      @Nullable String convenerName,
      @Nullable List<String> invitedBodyIds,
      @Nullable LocalDate startsOn,
      @Nullable LocalDate endsOn) {}

  record MeetingStepInput(
      @Nullable String id, @Nullable Integer expectedVersion, @Nullable String reason) {}

  record AddAgendaItemInput(
      @Nullable String meetingId, @Nullable String matterId, @Nullable String topic) {}

  record DecideAgendaItemInput(
      @Nullable String id,
      @Nullable Integer expectedVersion,
      @Nullable String decision,
      @Nullable String assigneeId,
      @Nullable LocalDate dueOn) {}

  record AttendanceEntryInput(
      @Nullable String bodyId, @Nullable String personId, @Nullable AttendanceStatus status) {}

  record RecordAttendanceInput(
      @Nullable String meetingId, @Nullable List<AttendanceEntryInput> entries) {}

  record RecordMinutesInput(
      @Nullable String meetingId, @Nullable Integer expectedVersion, @Nullable String minutes) {}

  record PublishMeetingMinutesInput(@Nullable String meetingId) {}

  record AddActionItemInput(
      @Nullable String meetingId,
      @Nullable String agendaItemId,
      @Nullable String description,
      @Nullable String ownerId,
      @Nullable LocalDate dueOn) {}

  record UpdateActionItemInput(
      @Nullable String id, @Nullable Integer expectedVersion, @Nullable ActionItemStatus status) {}
}
