package org.redgovernance.api.meetings;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The GraphQL {@code Meeting}, read whole in one statement: where and when, who is invited, the
 * agenda with its matters, attendance and action items.
 */
public record Meeting(
    UUID communityId,
    UUID id,
    @Nullable UUID seriesId,
    MeetingKind kind,
    String title,
    OffsetDateTime startsAt,
    OffsetDateTime endsAt,
    @Nullable UUID servicePostId,
    @Nullable String servicePostName,
    @Nullable String placeText,
    String convenerName,
    MeetingStatus status,
    @Nullable String minutes,
    @Nullable UUID minutesNoticeId,
    List<Body> invitedBodies,
    List<AgendaItem> agenda,
    List<Attendance> attendance,
    List<ActionItem> actionItems,
    int version,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  public static final String TYPE = "Meeting";
  static final String AGENDA_ITEM_TYPE = "AgendaItem";
  static final String ACTION_ITEM_TYPE = "ActionItem";

  record Body(UUID id, String kind, String name) {}

  /** A matter as an agenda shows it; the reporter's name only for staff. */
  record AgendaMatter(
      UUID communityId,
      UUID id,
      String title,
      String status,
      String category,
      boolean isPublic,
      @Nullable String reporterName) {}

  record AgendaItem(
      UUID communityId,
      UUID id,
      UUID meetingId,
      int position,
      @Nullable AgendaMatter matter,
      @Nullable String topic,
      @Nullable String decision,
      @Nullable OffsetDateTime decidedAt,
      int version) {}

  /** One person's mark, for the body they sat for (invited or not). */
  record Attendance(
      Body body,
      @Nullable UUID residentId,
      @Nullable UUID partyMemberId,
      String name,
      AttendanceStatus status) {}

  /** Who owns an action item: a body, a resident or a party member. */
  record Owner(String kind, UUID id, String name) {}

  record ActionItem(
      UUID communityId,
      UUID id,
      UUID meetingId,
      @Nullable UUID agendaItemId,
      String description,
      Owner owner,
      LocalDate dueOn,
      ActionItemStatus status,
      @Nullable OffsetDateTime doneAt,
      int version) {}

  /** Attendance of one body: how many came, were absent, were excused. */
  record BodyAttendance(Body body, int present, int absent, int excused) {
    /** Present among those marked; null before anyone is marked. */
    @Nullable Double rate() {
      int marked = present + absent + excused;
      return marked == 0 ? null : (double) present / marked;
    }
  }

  /**
   * Attendance summed up per invited body, then per any other body someone was marked for, in the
   * order of their first mark. {@code MeetingJson} writes the same in SQL.
   */
  List<BodyAttendance> attendanceByBody() {
    Map<Body, int[]> counts = new LinkedHashMap<>();
    for (Body body : invitedBodies) {
      counts.put(body, new int[3]);
    }
    for (Attendance entry : attendance) {
      counts.computeIfAbsent(entry.body(), body -> new int[3])[entry.status().ordinal()]++;
    }
    List<BodyAttendance> result = new ArrayList<>();
    counts.forEach((body, c) -> result.add(new BodyAttendance(body, c[0], c[1], c[2])));
    return result;
  }

  /** The meeting as a resident sees it: no per-person attendance, agenda without reporters. */
  Meeting forResidents() {
    return new Meeting(
        communityId,
        id,
        seriesId,
        kind,
        title,
        startsAt,
        endsAt,
        servicePostId,
        servicePostName,
        placeText,
        convenerName,
        status,
        minutes,
        minutesNoticeId,
        invitedBodies,
        agenda.stream()
            .map(
                item ->
                    new AgendaItem(
                        item.communityId(),
                        item.id(),
                        item.meetingId(),
                        item.position(),
                        item.matter() == null || !item.matter().isPublic()
                            ? null
                            : new AgendaMatter(
                                item.communityId(),
                                item.matter().id(),
                                item.matter().title(),
                                item.matter().status(),
                                item.matter().category(),
                                true,
                                null),
                        item.matter() != null && !item.matter().isPublic()
                            ? "居民反映事项"
                            : item.topic(),
                        item.decision(),
                        item.decidedAt(),
                        item.version()))
            .toList(),
        attendance,
        actionItems,
        version,
        createdAt,
        updatedAt);
  }
}
