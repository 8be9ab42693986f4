package org.redgovernance.api.meetings;

import graphql.schema.DataFetchingEnvironment;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.redgovernance.api.audit.AuditLog;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.graphql.Refusal;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.matters.MatterSteps;
import org.redgovernance.api.meetings.MeetingMutations.AddActionItemInput;
import org.redgovernance.api.meetings.MeetingMutations.AddAgendaItemInput;
import org.redgovernance.api.meetings.MeetingMutations.AttendanceEntryInput;
import org.redgovernance.api.meetings.MeetingMutations.DecideAgendaItemInput;
import org.redgovernance.api.meetings.MeetingMutations.RecordAttendanceInput;
import org.redgovernance.api.meetings.MeetingMutations.UpdateActionItemInput;
import org.redgovernance.api.readmodel.Changed;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.MutationTargets;
import org.redgovernance.database.Ids;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * What happens in a meeting: the agenda (a matter put on it is SCHEDULED), decisions (deciding on a
 * matter with an assignee and a due date puts it IN_PROGRESS), attendance marked by body, and
 * action items.
 */
@Controller
class AgendaMutationController {

  static final int MAX_TOPIC = 200;
  static final int MAX_DECISION = 2000;
  static final int MAX_ENTRIES = 200;

  private final MeetingRepository meetings;
  private final MeetingDesk desk;
  private final MatterSteps matters;
  private final AuditLog audit;

  AgendaMutationController(
      MeetingRepository meetings, MeetingDesk desk, MatterSteps matters, AuditLog audit) {
    this.meetings = meetings;
    this.desk = desk;
    this.matters = matters;
    this.audit = audit;
  }

  @MutationMapping
  Map<String, Object> addAgendaItem(
      @Argument AddAgendaItemInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    String topic = input.topic() == null ? null : input.topic().strip();
    return desk.change(
        environment,
        input.meetingId(),
        "meetingId",
        scope,
        "agenda-item-added",
        (dsl, one, community, meeting) -> {
          if (meeting.status() == MeetingStatus.HELD
              || meeting.status() == MeetingStatus.CANCELLED) {
            throw Refusal.because(
                UserError.Code.ILLEGAL_TRANSITION,
                "The agenda of a " + meeting.status() + " meeting is closed",
                "meetingId");
          }
          if ((input.matterId() == null) == (topic == null)) {
            throw Refusal.because(
                UserError.Code.INVALID_INPUT, "Give either a matter or a topic", "topic");
          }
          UUID matter = null;
          if (input.matterId() != null) {
            matter =
                MeetingDesk.local(input.matterId(), community, "Matter")
                    .map(GlobalId::id)
                    .filter(id -> meetings.matterExists(dsl, community.id(), id))
                    .orElseThrow(
                        () ->
                            Refusal.because(
                                UserError.Code.NOT_FOUND, "No such matter", "matterId"));
          } else if (topic.isEmpty() || topic.length() > MAX_TOPIC) {
            throw Refusal.because(
                UserError.Code.INVALID_INPUT,
                "A topic of 1 to " + MAX_TOPIC + " characters",
                "topic");
          }
          if (!meetings.addAgendaItem(
              dsl, community.id(), meeting.id(), Ids.newId(), matter, topic)) {
            throw Refusal.because(
                UserError.Code.DUPLICATE, "The matter is on this agenda already", "matterId");
          }
          if (matter != null) {
            Optional<UserError> refused =
                matters.putOnAgenda(dsl, one, community, matter, meeting.title());
            if (refused.isPresent()) {
              throw new Refusal(refused.get());
            }
          }
        });
  }

  @MutationMapping
  Map<String, Object> decideAgendaItem(
      @Argument DecideAgendaItemInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    String decision = input.decision() == null ? "" : input.decision().strip();
    UUID itemId =
        GlobalId.decode(input.id(), MeetingTypes.AGENDA_ITEM).map(GlobalId::id).orElse(null);
    return desk.run(
        environment,
        MutationTargets.object(
            input.id(), MeetingTypes.AGENDA_ITEM, "id", scope, MeetingRules.CONVENERS),
        scope,
        "id",
        "meeting",
        "decided",
        command ->
            Optional.of(
                meetings
                    .agendaItem(command.dsl(), command.community().id(), command.targetId())
                    .map(MeetingState.AgendaItemState::meetingId)
                    .orElseThrow(
                        () ->
                            Refusal.because(
                                UserError.Code.NOT_FOUND, "No such agenda item", "id"))),
        MeetingDesk.showingTheMeeting(
            (dsl, one, c, meeting) -> {
              if (meeting.status() != MeetingStatus.IN_PROGRESS
                  && meeting.status() != MeetingStatus.HELD) {
                throw Refusal.because(
                    UserError.Code.ILLEGAL_TRANSITION,
                    "Decisions are taken at the meeting or recorded after it",
                    "id");
              }
              if (decision.isEmpty() || decision.length() > MAX_DECISION) {
                throw Refusal.because(
                    UserError.Code.INVALID_INPUT,
                    "A decision of 1 to " + MAX_DECISION + " characters",
                    "decision");
              }
              MeetingState.AgendaItemState current =
                  meetings.agendaItem(dsl, c.id(), itemId).orElseThrow();
              MeetingDesk.expectVersion(input.expectedVersion(), current.version(), "agenda item");
              if (!meetings.decide(dsl, c.id(), current.id(), current.version(), decision)) {
                throw Refusal.because(
                    UserError.Code.CONFLICT,
                    "The agenda item was changed by someone else; reload it and try again",
                    "expectedVersion");
              }
              if (input.assigneeId() != null) {
                if (current.matterId() == null) {
                  throw Refusal.because(
                      UserError.Code.INVALID_INPUT,
                      "Only a matter is assigned; record a free topic's work as an action item",
                      "assigneeId");
                }
                Optional<UserError> refused =
                    matters.assign(
                        dsl,
                        one,
                        c,
                        current.matterId(),
                        input.assigneeId(),
                        input.dueOn(),
                        decision);
                if (refused.isPresent()) {
                  throw new Refusal(refused.get());
                }
              }
            }));
  }

  @MutationMapping
  Map<String, Object> recordAttendance(
      @Argument RecordAttendanceInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    List<AttendanceEntryInput> entries = input.entries() == null ? List.of() : input.entries();
    return desk.change(
        environment,
        input.meetingId(),
        "meetingId",
        scope,
        "attendance-recorded",
        (dsl, one, community, meeting) -> {
          if (entries.isEmpty() || entries.size() > MAX_ENTRIES) {
            throw Refusal.because(
                UserError.Code.INVALID_INPUT, "1 to " + MAX_ENTRIES + " entries", "entries");
          }
          if (meeting.status() == MeetingStatus.PLANNED
              || meeting.status() == MeetingStatus.CANCELLED) {
            throw Refusal.because(
                UserError.Code.ILLEGAL_TRANSITION,
                "Attendance is taken once the meeting has started",
                "meetingId");
          }
          for (int i = 0; i < entries.size(); i++) {
            AttendanceEntryInput entry = entries.get(i);
            String at = String.valueOf(i);
            UUID body =
                MeetingDesk.local(entry.bodyId(), community, "GovernanceBody")
                    .map(GlobalId::id)
                    .orElseThrow(
                        () ->
                            Refusal.because(
                                UserError.Code.NOT_FOUND, "No such body", at, "bodyId"));
            GlobalId person =
                MeetingDesk.local(entry.personId(), community, "Resident", "PartyMember")
                    .orElseThrow(
                        () ->
                            Refusal.because(
                                UserError.Code.NOT_FOUND,
                                "No such person",
                                "entries",
                                at,
                                "personId"));
            UUID resident = person.type().equals("Resident") ? person.id() : null;
            UUID member = resident == null ? person.id() : null;
            if (!meetings.sitsOn(dsl, community.id(), body, resident, member)) {
              throw Refusal.because(
                  UserError.Code.INVALID_INPUT,
                  "The person does not sit on that body now",
                  "entries",
                  at,
                  "personId");
            }
            if (entry.status() == null) {
              throw Refusal.because(
                  UserError.Code.INVALID_INPUT,
                  "Present, absent or excused?",
                  "entries",
                  at,
                  "status");
            }
            meetings.mark(
                dsl, community.id(), meeting.id(), body, resident, member, entry.status());
          }
        });
  }

  @MutationMapping
  Map<String, Object> addActionItem(
      @Argument AddActionItemInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    String description = input.description() == null ? "" : input.description().strip();
    return desk.run(
        environment,
        MutationTargets.object(
            input.meetingId(), MeetingTypes.MEETING, "meetingId", scope, MeetingRules.CONVENERS),
        scope,
        "meetingId",
        "actionItem",
        "action-item-added",
        command -> Optional.of(command.targetId()),
        (dsl, one, community, meeting) -> {
          if (description.isEmpty() || description.length() > 1000) {
            throw Refusal.because(
                UserError.Code.INVALID_INPUT, "1 to 1000 characters", "description");
          }
          UUID agendaItem = null;
          if (input.agendaItemId() != null) {
            agendaItem =
                MeetingDesk.local(input.agendaItemId(), community, MeetingTypes.AGENDA_ITEM)
                    .map(GlobalId::id)
                    .filter(
                        id ->
                            meetings
                                .agendaItem(dsl, community.id(), id)
                                .filter(a -> a.meetingId().equals(meeting.id()))
                                .isPresent())
                    .orElseThrow(
                        () ->
                            Refusal.because(
                                UserError.Code.NOT_FOUND,
                                "No such item on this meeting's agenda",
                                "agendaItemId"));
          }
          GlobalId owner =
              MeetingDesk.local(
                      input.ownerId(), community, "GovernanceBody", "Resident", "PartyMember")
                  .orElseThrow(
                      () -> Refusal.because(UserError.Code.NOT_FOUND, "No such owner", "ownerId"));
          String kind =
              switch (owner.type()) {
                case "GovernanceBody" -> "BODY";
                case "Resident" -> "RESIDENT";
                default -> "PARTY_MEMBER";
              };
          if (!meetings.ownerExists(dsl, community.id(), kind, owner.id())) {
            throw Refusal.because(UserError.Code.NOT_FOUND, "No such owner", "ownerId");
          }
          LocalDate dueOn = input.dueOn();
          if (dueOn == null || dueOn.isBefore(LocalDate.now(MeetingPlanner.ZONE))) {
            throw Refusal.because(
                UserError.Code.INVALID_INPUT, "A due date, today or later", "dueOn");
          }
          UUID created =
              meetings.addActionItem(
                  dsl,
                  community.id(),
                  meeting.id(),
                  agendaItem,
                  description,
                  kind,
                  owner.id(),
                  dueOn);
          return new Changed(MeetingTypes.ACTION_ITEM, community.id(), created);
        });
  }

  @MutationMapping
  Map<String, Object> updateActionItem(
      @Argument UpdateActionItemInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    UUID itemId =
        GlobalId.decode(input.id(), MeetingTypes.ACTION_ITEM).map(GlobalId::id).orElse(null);
    return desk.run(
        environment,
        MutationTargets.object(
            input.id(), MeetingTypes.ACTION_ITEM, "id", scope, MeetingRules.CONVENERS),
        scope,
        "id",
        "actionItem",
        "action-item-updated",
        command ->
            Optional.of(
                meetings
                    .actionItem(command.dsl(), command.community().id(), command.targetId())
                    .map(MeetingState.ActionItemState::meetingId)
                    .orElseThrow(
                        () ->
                            Refusal.because(
                                UserError.Code.NOT_FOUND, "No such action item", "id"))),
        (dsl, one, c, meeting) -> {
          if (input.status() == null) {
            throw Refusal.because(UserError.Code.INVALID_INPUT, "Which status?", "status");
          }
          MeetingState.ActionItemState current =
              meetings.actionItem(dsl, c.id(), itemId).orElseThrow();
          MeetingDesk.expectVersion(input.expectedVersion(), current.version(), "action item");
          if (!meetings.setActionItemStatus(
              dsl, c.id(), current.id(), current.version(), input.status())) {
            throw Refusal.because(
                UserError.Code.CONFLICT,
                "The action item was changed by someone else; reload it and try again",
                "expectedVersion");
          }
          audit.record(
              dsl,
              one,
              c.id(),
              "action-item." + input.status().name().toLowerCase(),
              MeetingTypes.ACTION_ITEM,
              current.id(),
              Map.of("description", current.description()));
          return new Changed(MeetingTypes.ACTION_ITEM, c.id(), current.id());
        });
  }
}
