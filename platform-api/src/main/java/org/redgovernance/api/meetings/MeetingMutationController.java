package org.redgovernance.api.meetings;

import graphql.schema.DataFetchingEnvironment;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.audit.AuditLog;
import org.redgovernance.api.commands.Commands;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.graphql.Refusal;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.meetings.MeetingMutations.AddMeetingSeriesInput;
import org.redgovernance.api.meetings.MeetingMutations.MeetingStepInput;
import org.redgovernance.api.meetings.MeetingMutations.PublishMeetingMinutesInput;
import org.redgovernance.api.meetings.MeetingMutations.RecordMinutesInput;
import org.redgovernance.api.meetings.MeetingMutations.ScheduleMeetingInput;
import org.redgovernance.api.meetings.MeetingRepository.NewMeeting;
import org.redgovernance.api.meetings.MeetingRepository.NewSeries;
import org.redgovernance.api.notices.NoticeBoard;
import org.redgovernance.api.notifications.Notifications;
import org.redgovernance.api.readmodel.Changed;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.MutationTargets;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.database.Ids;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Scheduling meetings (one by one or as a weekly series), running them (start, end, cancel) and
 * their minutes, which can be published to residents as a notice.
 */
@Controller
class MeetingMutationController {

  static final int MAX_TITLE = 100;
  static final int MAX_PLACE = 200;
  static final int MAX_MINUTES = 20_000;

  private final MeetingRepository meetings;
  private final MeetingPlanner planner;
  private final MeetingDesk desk;
  private final NoticeBoard notices;
  private final AuditLog audit;
  private final Commands commands;

  MeetingMutationController(
      MeetingRepository meetings,
      MeetingPlanner planner,
      MeetingDesk desk,
      NoticeBoard notices,
      AuditLog audit,
      Commands commands) {
    this.commands = commands;
    this.meetings = meetings;
    this.planner = planner;
    this.desk = desk;
    this.notices = notices;
    this.audit = audit;
  }

  /** Where and with whom, checked the same way for one meeting and for a series. */
  private record Setting(
      MeetingKind kind,
      String title,
      int durationMinutes,
      @Nullable UUID servicePostId,
      @Nullable String placeText,
      String convenerName,
      List<UUID> invitedBodyIds) {}

  @MutationMapping
  Map<String, Object> scheduleMeeting(
      @Argument ScheduleMeetingInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return commands.run(
        environment,
        scope,
        MutationTargets.community(input.communityKey(), scope, MeetingRules.CONVENERS),
        "meeting",
        command -> {
          if (input.startsAt() == null) {
            throw Refusal.because(UserError.Code.INVALID_INPUT, "When does it start?", "startsAt");
          }
          DSLContext dsl = command.dsl();
          ReachableCommunity community = command.community();
          Setting setting =
              setting(
                  dsl,
                  community,
                  command.scope(),
                  input.kind(),
                  input.title(),
                  input.durationMinutes(),
                  input.servicePostId(),
                  input.placeText(),
                  input.convenerName(),
                  input.invitedBodyIds());
          UUID id = Ids.newId();
          OffsetDateTime startsAt = input.startsAt();
          meetings.insert(
              dsl,
              new NewMeeting(
                  community.id(),
                  id,
                  null,
                  setting.kind(),
                  setting.title(),
                  startsAt,
                  startsAt.plusMinutes(setting.durationMinutes()),
                  setting.servicePostId(),
                  setting.placeText(),
                  setting.convenerName(),
                  setting.invitedBodyIds()));
          command
              .write(MeetingRepository.row(community.id(), id))
              .alongside(Notifications.recorded(MeetingNotifications.scheduled(setting.kind())))
              .audited(
                  "meeting.scheduled",
                  MeetingTypes.MEETING,
                  Map.of("title", setting.title(), "kind", setting.kind().name()))
              .announced(MeetingDesk.TOPIC, "SCHEDULED")
              .execute();
          return new Changed(MeetingTypes.MEETING, community.id(), id);
        });
  }

  /**
   * The series and the meetings it plans now, each with its audit record and event, in one
   * transaction; the payload shows each meeting made.
   */
  @MutationMapping
  Map<String, Object> addMeetingSeries(
      @Argument AddMeetingSeriesInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return commands.runEach(
        environment,
        scope,
        MutationTargets.community(input.communityKey(), scope, MeetingRules.CONVENERS),
        "meetings",
        command -> {
          if (input.weekday() == null) {
            throw Refusal.because(UserError.Code.INVALID_INPUT, "On which weekday?", "weekday");
          }
          LocalTime time = time(input.time());
          java.time.LocalDate today = java.time.LocalDate.now(MeetingPlanner.ZONE);
          java.time.LocalDate startsOn = input.startsOn() == null ? today : input.startsOn();
          if (input.endsOn() != null && input.endsOn().isBefore(startsOn)) {
            throw Refusal.because(
                UserError.Code.INVALID_INPUT, "The series cannot end before it starts", "endsOn");
          }
          DSLContext dsl = command.dsl();
          ReachableCommunity community = command.community();
          Setting setting =
              setting(
                  dsl,
                  community,
                  command.scope(),
                  input.kind(),
                  input.title(),
                  input.durationMinutes(),
                  input.servicePostId(),
                  input.placeText(),
                  input.convenerName(),
                  input.invitedBodyIds());
          NewSeries series =
              new NewSeries(
                  community.id(),
                  Ids.newId(),
                  setting.kind(),
                  setting.title(),
                  input.weekday().getValue(),
                  time,
                  setting.durationMinutes(),
                  setting.servicePostId(),
                  setting.placeText(),
                  setting.convenerName(),
                  setting.invitedBodyIds(),
                  startsOn,
                  input.endsOn());
          meetings.insertSeries(dsl, series);
          List<UUID> created = planner.plan(dsl, series, today);
          audit.record(
              dsl,
              command.scope(),
              community.id(),
              "meeting-series.added",
              "MeetingSeries",
              series.id(),
              Map.of("title", series.title(), "weekday", input.weekday().name()));
          List<Changed> made = new ArrayList<>();
          for (UUID id : created) {
            desk.announce(dsl, community.id(), id, "SCHEDULED");
            made.add(new Changed(MeetingTypes.MEETING, community.id(), id));
          }
          return made;
        });
  }

  @MutationMapping
  Map<String, Object> startMeeting(
      @Argument MeetingStepInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return move(
        environment,
        input,
        scope,
        MeetingStatus.PLANNED,
        MeetingStatus.IN_PROGRESS,
        "started",
        null);
  }

  @MutationMapping
  Map<String, Object> endMeeting(
      @Argument MeetingStepInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return move(
        environment, input, scope, MeetingStatus.IN_PROGRESS, MeetingStatus.HELD, "ended", null);
  }

  @MutationMapping
  Map<String, Object> cancelMeeting(
      @Argument MeetingStepInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    String reason = input.reason() == null ? "" : input.reason().strip();
    if (reason.isEmpty() || reason.length() > 500) {
      return Commands.failed(
          "meeting",
          UserError.of(UserError.Code.INVALID_INPUT, "Say why: 1 to 500 characters", "reason"));
    }
    return move(
        environment,
        input,
        scope,
        MeetingStatus.PLANNED,
        MeetingStatus.CANCELLED,
        "cancelled",
        reason);
  }

  @MutationMapping
  Map<String, Object> recordMinutes(
      @Argument RecordMinutesInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    String minutes = input.minutes() == null ? "" : input.minutes().strip();
    return desk.change(
        environment,
        input.meetingId(),
        "meetingId",
        scope,
        "minutes-recorded",
        (dsl, one, community, meeting) -> {
          if (minutes.isEmpty() || minutes.length() > MAX_MINUTES) {
            throw Refusal.because(
                UserError.Code.INVALID_INPUT,
                "Minutes of 1 to " + MAX_MINUTES + " characters",
                "minutes");
          }
          if (meeting.status() == MeetingStatus.PLANNED
              || meeting.status() == MeetingStatus.CANCELLED) {
            throw Refusal.because(
                UserError.Code.ILLEGAL_TRANSITION,
                "Minutes are taken at or after the meeting",
                "meetingId");
          }
          MeetingDesk.expectVersion(input.expectedVersion(), meeting.version(), "meeting");
          if (!meetings.setMinutes(
              dsl, community.id(), meeting.id(), meeting.version(), minutes, null)) {
            throw changedMeanwhile();
          }
        });
  }

  @MutationMapping
  Map<String, Object> publishMeetingMinutes(
      @Argument PublishMeetingMinutesInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return desk.change(
        environment,
        input.meetingId(),
        "meetingId",
        scope,
        "minutes-published",
        (dsl, one, community, meeting) -> {
          if (meeting.status() != MeetingStatus.HELD || meeting.minutes() == null) {
            throw Refusal.because(
                UserError.Code.ILLEGAL_TRANSITION,
                "Only the minutes of a meeting that was held can be published",
                "meetingId");
          }
          if (meeting.minutesNoticeId() != null) {
            throw Refusal.because(
                UserError.Code.DUPLICATE, "The minutes are published already", "meetingId");
          }
          UUID notice =
              notices.publishToEveryone(
                  dsl,
                  one,
                  community,
                  meeting.title() + " 会议纪要",
                  minutesNotice(
                      meetings.minutesLines(dsl, community.id(), meeting.id()), meeting.minutes()));
          if (!meetings.setMinutes(
              dsl, community.id(), meeting.id(), meeting.version(), meeting.minutes(), notice)) {
            throw changedMeanwhile();
          }
        });
  }

  private Map<String, Object> move(
      DataFetchingEnvironment environment,
      MeetingStepInput input,
      AccessScope scope,
      MeetingStatus from,
      MeetingStatus to,
      String action,
      @Nullable String reason) {
    return desk.change(
        environment,
        input.id(),
        "id",
        scope,
        action,
        (dsl, one, community, meeting) -> {
          MeetingDesk.expectVersion(input.expectedVersion(), meeting.version(), "meeting");
          if (meeting.status() != from) {
            throw Refusal.because(
                UserError.Code.ILLEGAL_TRANSITION,
                "A " + meeting.status() + " meeting cannot become " + to,
                "id");
          }
          if (!meetings.setStatus(dsl, community.id(), meeting.id(), meeting.version(), from, to)) {
            throw changedMeanwhile();
          }
          if (reason != null) {
            audit.record(
                dsl,
                one,
                community.id(),
                "meeting." + action + ".reason",
                MeetingTypes.MEETING,
                meeting.id(),
                Map.of("reason", reason));
          }
        });
  }

  /** The minutes as residents read them: the decisions first, then the minutes themselves. */
  private static String minutesNotice(List<MeetingState.MinutesLine> agenda, String minutes) {
    StringBuilder text = new StringBuilder();
    for (MeetingState.MinutesLine line : agenda) {
      text.append(line.position()).append(". ").append(line.subject());
      if (line.decision() != null) {
        text.append("：").append(line.decision());
      }
      text.append('\n');
    }
    if (!text.isEmpty()) {
      text.append('\n');
    }
    return text.append(minutes).toString();
  }

  private Setting setting(
      DSLContext dsl,
      ReachableCommunity community,
      AccessScope scope,
      @Nullable MeetingKind kind,
      @Nullable String title,
      @Nullable Integer durationMinutes,
      @Nullable String servicePostId,
      @Nullable String placeText,
      @Nullable String convenerName,
      @Nullable List<String> invitedBodyIds) {
    if (kind == null) {
      throw Refusal.because(UserError.Code.INVALID_INPUT, "What kind of meeting?", "kind");
    }
    String name = title == null ? "" : title.strip();
    if (name.isEmpty() || name.length() > MAX_TITLE) {
      throw Refusal.because(
          UserError.Code.INVALID_INPUT, "A title of 1 to " + MAX_TITLE + " characters", "title");
    }
    int minutes = durationMinutes == null ? 90 : durationMinutes;
    if (minutes < 15 || minutes > 600) {
      throw Refusal.because(UserError.Code.INVALID_INPUT, "15 to 600 minutes", "durationMinutes");
    }
    UUID post = null;
    if (servicePostId != null) {
      post =
          MeetingDesk.local(servicePostId, community, "ServicePost")
              .map(GlobalId::id)
              .filter(id -> meetings.servicePostExists(dsl, community.id(), id))
              .orElseThrow(
                  () ->
                      Refusal.because(
                          UserError.Code.NOT_FOUND, "No such service post", "servicePostId"));
    }
    String place = placeText == null ? null : placeText.strip();
    if (place != null && (place.isEmpty() || place.length() > MAX_PLACE)) {
      throw Refusal.because(
          UserError.Code.INVALID_INPUT, "1 to " + MAX_PLACE + " characters", "placeText");
    }
    if (post == null && place == null) {
      throw Refusal.because(
          UserError.Code.INVALID_INPUT, "Where? Name a service post or a place", "placeText");
    }
    String convener = convenerName == null ? scope.caller().displayName() : convenerName.strip();
    if (convener.isEmpty() || convener.length() > 100) {
      throw Refusal.because(UserError.Code.INVALID_INPUT, "1 to 100 characters", "convenerName");
    }
    List<UUID> bodies = new ArrayList<>();
    for (String bodyId : invitedBodyIds == null ? List.<String>of() : invitedBodyIds) {
      UUID body =
          MeetingDesk.local(bodyId, community, "GovernanceBody")
              .map(GlobalId::id)
              .orElseThrow(
                  () ->
                      Refusal.because(UserError.Code.NOT_FOUND, "No such body", "invitedBodyIds"));
      if (!bodies.contains(body)) {
        bodies.add(body);
      }
    }
    if (!meetings.bodiesExist(dsl, community.id(), bodies)) {
      throw Refusal.because(UserError.Code.NOT_FOUND, "No such body", "invitedBodyIds");
    }
    return new Setting(kind, name, minutes, post, place, convener, bodies);
  }

  private static LocalTime time(@Nullable String value) {
    try {
      return LocalTime.parse(value == null ? "" : value);
    } catch (DateTimeParseException e) {
      throw Refusal.because(UserError.Code.INVALID_INPUT, "A time like 19:00", "time");
    }
  }

  private static Refusal changedMeanwhile() {
    return Refusal.because(
        UserError.Code.CONFLICT,
        "The meeting was changed by someone else; reload it and try again",
        "expectedVersion");
  }
}
