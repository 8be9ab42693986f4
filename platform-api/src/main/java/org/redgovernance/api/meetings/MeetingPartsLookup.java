package org.redgovernance.api.meetings;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.readmodel.NodeLookup;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.api.tenancy.TenantTransactions;
import org.springframework.stereotype.Component;

/**
 * {@code node(id:)} for an agenda item or action item: the item exactly as its meeting shows it to
 * the caller (a resident sees a non-public matter's agenda item without the matter).
 */
@Component
class MeetingPartsLookup implements NodeLookup {

  private final TenantTransactions transactions;
  private final MeetingRepository meetings;

  MeetingPartsLookup(TenantTransactions transactions, MeetingRepository meetings) {
    this.transactions = transactions;
    this.meetings = meetings;
  }

  @Override
  public Set<String> types() {
    return Set.of(Meeting.AGENDA_ITEM_TYPE, Meeting.ACTION_ITEM_TYPE);
  }

  @Override
  public Optional<Object> find(GlobalId id, AccessScope scope) {
    Optional<ReachableCommunity> community = scope.byId(id.communityId());
    if (community.isEmpty()) {
      return Optional.empty();
    }
    boolean agendaItem = id.type().equals(Meeting.AGENDA_ITEM_TYPE);
    return transactions
        .read(scope.narrowedTo(community.get()), dsl -> meetingOf(dsl, id, agendaItem))
        .map(meeting -> MeetingRules.shown(meeting, community.get()))
        .flatMap(
            meeting -> agendaItem ? agendaItem(meeting, id.id()) : actionItem(meeting, id.id()));
  }

  private Optional<Meeting> meetingOf(DSLContext dsl, GlobalId id, boolean agendaItem) {
    Optional<UUID> meeting =
        agendaItem
            ? meetings.meetingOfAgendaItem(dsl, id.communityId(), id.id())
            : meetings.meetingOfActionItem(dsl, id.communityId(), id.id());
    return meeting.flatMap(m -> meetings.find(dsl, id.communityId(), m));
  }

  private static Optional<Object> agendaItem(Meeting meeting, UUID id) {
    return meeting.agenda().stream()
        .filter(i -> i.id().equals(id))
        .findFirst()
        .map(Object.class::cast);
  }

  private static Optional<Object> actionItem(Meeting meeting, UUID id) {
    return meeting.actionItems().stream()
        .filter(i -> i.id().equals(id))
        .findFirst()
        .map(Object.class::cast);
  }
}
