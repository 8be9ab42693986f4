package org.redgovernance.api.meetings;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.JSON;
import org.jooq.Record1;
import org.jooq.Select;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.communities.Community;
import org.redgovernance.api.graphql.ApiException;
import org.redgovernance.api.graphql.ErrorCode;
import org.redgovernance.api.graphql.FilterValues;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.graphql.Page;
import org.redgovernance.api.graphql.PageRows;
import org.redgovernance.api.graphql.Selections;
import org.redgovernance.api.graphql.TimeCursor;
import org.redgovernance.api.meetings.Meeting.ActionItem;
import org.redgovernance.api.meetings.Meeting.AgendaItem;
import org.redgovernance.api.meetings.Meeting.Attendance;
import org.redgovernance.api.meetings.Meeting.Body;
import org.redgovernance.api.meetings.Meeting.BodyAttendance;
import org.redgovernance.api.readmodel.JsonShape;
import org.redgovernance.api.readmodel.NodeLookup;
import org.redgovernance.api.readmodel.RenderedJson;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.api.tenancy.TenantTransactions;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Community.meetings}, {@code Community.meetingFigures}, the fields of {@code Meeting} and
 * its parts, and {@code node(id:)} for meetings. Everyone of the community sees its meetings;
 * per-person attendance and the reporters of agenda matters only staff and oversight.
 */
@Controller
class MeetingController implements NodeLookup {

  record MeetingFilterInput(
      @Nullable OffsetDateTime from,
      @Nullable OffsetDateTime to,
      @Nullable List<MeetingKind> kinds,
      @Nullable MeetingKind kind,
      @Nullable List<MeetingStatus> statuses,
      @Nullable MeetingStatus status,
      @Nullable Boolean newestFirst) {}

  /** Where a meeting takes place. */
  record Place(
      @Nullable String servicePostId, @Nullable String servicePostName, @Nullable String text) {}

  private final TenantTransactions transactions;
  private final MeetingRepository meetings;
  private final MeetingFiguresRepository figures;
  private final Selections selections;

  MeetingController(
      TenantTransactions transactions,
      MeetingRepository meetings,
      MeetingFiguresRepository figures,
      Selections selections) {
    this.transactions = transactions;
    this.meetings = meetings;
    this.figures = figures;
    this.selections = selections;
  }

  /**
   * A page of meetings: written by PostgreSQL as it will be sent when everything selected can be
   * (the staff or the residents' shape, as for one meeting), else read and resolved field by field.
   */
  @SchemaMapping(typeName = Community.TYPE)
  Object meetings(
      Community community,
      @Argument @Nullable Integer first,
      @Argument @Nullable String after,
      @Argument @Nullable MeetingFilterInput filter,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    ReachableCommunity reachable = reachable(community, scope);
    int size = Page.size(first);
    MeetingFilterInput input =
        filter == null ? new MeetingFilterInput(null, null, null, null, null, null, null) : filter;
    MeetingRepository.Filter query =
        new MeetingRepository.Filter(
            input.from(),
            input.to(),
            FilterValues.anyOf(input.kinds(), input.kind()),
            FilterValues.anyOf(input.statuses(), input.status()),
            Boolean.TRUE.equals(input.newestFirst()));
    TimeCursor from = after == null ? null : TimeCursor.decode(after);
    Optional<Select<Record1<JSON>>> rendered =
        meetings.pageJson(
            community.id(), query, from, size, selections.below(environment), shape(reachable));
    if (rendered.isPresent()) {
      return transactions.read(
          scope.narrowedTo(reachable), dsl -> RenderedJson.fetch(dsl, rendered.get()));
    }
    boolean counted = Page.countAsked(environment.getSelectionSet());
    PageRows<Meeting> rows =
        transactions.read(
            scope.narrowedTo(reachable),
            dsl -> meetings.page(dsl, community.id(), query, from, size + 1, counted));
    return Page.of(
        new PageRows<>(
            rows.rows().stream().map(m -> shown(m, reachable)).toList(), rows.totalCount()),
        size,
        after != null,
        m -> TimeCursor.key(m.startsAt(), m.id()));
  }

  @SchemaMapping(typeName = Community.TYPE)
  MeetingFigures meetingFigures(
      Community community, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    ReachableCommunity reachable = reachable(community, scope);
    return transactions.read(
        scope.narrowedTo(reachable),
        dsl -> figures.figures(dsl, community.id(), LocalDate.now(MeetingPlanner.ZONE)));
  }

  @SchemaMapping(typeName = Meeting.TYPE, field = "id")
  String id(Meeting meeting) {
    return GlobalId.of(Meeting.TYPE, meeting.communityId(), meeting.id());
  }

  @SchemaMapping(typeName = Meeting.TYPE, field = "place")
  Place place(Meeting meeting) {
    return new Place(
        meeting.servicePostId() == null
            ? null
            : GlobalId.of("ServicePost", meeting.communityId(), meeting.servicePostId()),
        meeting.servicePostName(),
        meeting.placeText());
  }

  @SchemaMapping(typeName = Meeting.TYPE, field = "minutesPublished")
  boolean minutesPublished(Meeting meeting) {
    return meeting.minutesNoticeId() != null;
  }

  @SchemaMapping(typeName = Meeting.TYPE, field = "invitedBodies")
  List<BodyRef> invitedBodies(Meeting meeting) {
    return meeting.invitedBodies().stream().map(b -> BodyRef.of(meeting.communityId(), b)).toList();
  }

  @SchemaMapping(typeName = Meeting.TYPE, field = "attendance")
  List<AttendanceRef> attendance(
      Meeting meeting, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    boolean detail = scope.byId(meeting.communityId()).map(MeetingRules::seesDetail).orElse(false);
    if (!detail) {
      return List.of();
    }
    return meeting.attendance().stream()
        .map(a -> AttendanceRef.of(meeting.communityId(), a))
        .toList();
  }

  @SchemaMapping(typeName = Meeting.TYPE, field = "attendanceByBody")
  List<BodyAttendanceRef> attendanceByBody(Meeting meeting) {
    return meeting.attendanceByBody().stream()
        .map(b -> BodyAttendanceRef.of(meeting.communityId(), b))
        .toList();
  }

  @SchemaMapping(typeName = "AgendaItem", field = "id")
  String agendaItemId(AgendaItem item) {
    return GlobalId.of(Meeting.AGENDA_ITEM_TYPE, item.communityId(), item.id());
  }

  @SchemaMapping(typeName = "AgendaMatter", field = "matterId")
  String agendaMatterId(Meeting.AgendaMatter matter) {
    return GlobalId.of("Matter", matter.communityId(), matter.id());
  }

  @SchemaMapping(typeName = "AgendaMatter", field = "id")
  String agendaMatterDeprecatedId(Meeting.AgendaMatter matter) {
    return agendaMatterId(matter);
  }

  @SchemaMapping(typeName = "ActionItem", field = "id")
  String actionItemId(ActionItem item) {
    return GlobalId.of(Meeting.ACTION_ITEM_TYPE, item.communityId(), item.id());
  }

  @SchemaMapping(typeName = "ActionItem", field = "owner")
  OwnerRef owner(ActionItem item) {
    String type =
        switch (item.owner().kind()) {
          case "BODY" -> "GovernanceBody";
          case "RESIDENT" -> "Resident";
          default -> "PartyMember";
        };
    return new OwnerRef(
        item.owner().kind(),
        GlobalId.of(type, item.communityId(), item.owner().id()),
        item.owner().name());
  }

  @SchemaMapping(typeName = "ActionItem", field = "overdue")
  boolean overdue(ActionItem item) {
    return item.status() == ActionItemStatus.OPEN
        && item.dueOn().isBefore(LocalDate.now(MeetingPlanner.ZONE));
  }

  @Override
  public Set<String> types() {
    return Set.of(Meeting.TYPE);
  }

  @Override
  public Optional<Object> find(GlobalId id, AccessScope scope) {
    Optional<ReachableCommunity> community = scope.byId(id.communityId());
    if (community.isEmpty()) {
      return Optional.empty();
    }
    return transactions
        .read(
            scope.narrowedTo(community.get()), dsl -> meetings.find(dsl, id.communityId(), id.id()))
        .map(m -> shown(m, community.get()));
  }

  /**
   * The meeting written by PostgreSQL when it can write everything selected — one statement, sent
   * on unparsed — else read whole and resolved field by field.
   */
  @Override
  public Optional<Object> find(GlobalId id, AccessScope scope, List<SelectedField> selection) {
    Optional<ReachableCommunity> community = scope.byId(id.communityId());
    if (community.isEmpty()) {
      return Optional.empty();
    }
    Optional<Select<Record1<JSON>>> rendered =
        meetings.findJson(id.communityId(), id.id(), shape(community.get()), selection);
    if (rendered.isEmpty()) {
      return find(id, scope);
    }
    return transactions
        .read(
            scope.narrowedTo(community.get()),
            dsl -> RenderedJson.fetchOptional(dsl, rendered.get()))
        .map(Object.class::cast);
  }

  record BodyRef(String id, String kind, String name) {
    /** The body's global ID, under the name that says whose it is. */
    public String bodyId() {
      return id;
    }

    static BodyRef of(UUID community, Body body) {
      return new BodyRef(
          GlobalId.of("GovernanceBody", community, body.id()), body.kind(), body.name());
    }
  }

  record AttendanceRef(String bodyId, String personId, String name, AttendanceStatus status) {
    static AttendanceRef of(UUID community, Attendance a) {
      String person =
          a.residentId() != null
              ? GlobalId.of("Resident", community, a.residentId())
              : GlobalId.of("PartyMember", community, a.partyMemberId());
      return new AttendanceRef(
          GlobalId.of("GovernanceBody", community, a.body().id()), person, a.name(), a.status());
    }
  }

  record BodyAttendanceRef(
      BodyRef body, int present, int absent, int excused, @Nullable Double rate) {
    static BodyAttendanceRef of(UUID community, BodyAttendance b) {
      return new BodyAttendanceRef(
          BodyRef.of(community, b.body()), b.present(), b.absent(), b.excused(), b.rate());
    }
  }

  record OwnerRef(String kind, String id, String name) {
    /** The owner's global ID, under the name that says whose it is. */
    public String ownerId() {
      return id;
    }
  }

  /** How PostgreSQL writes a meeting for the caller: as {@link #shown} shows it. */
  private static JsonShape shape(ReachableCommunity community) {
    return MeetingRules.seesDetail(community) ? MeetingJson.FOR_STAFF : MeetingJson.FOR_RESIDENTS;
  }

  private static Meeting shown(Meeting meeting, ReachableCommunity community) {
    return MeetingRules.shown(meeting, community);
  }

  private static ReachableCommunity reachable(Community community, AccessScope scope) {
    return scope
        .byId(community.id())
        .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No such community"));
  }
}
