package org.redgovernance.api.meetings;

/** GraphQL type names of meetings and their parts, as encoded in global IDs. */
final class MeetingTypes {
  static final String MEETING = "Meeting";
  static final String AGENDA_ITEM = "AgendaItem";
  static final String ACTION_ITEM = "ActionItem";

  private MeetingTypes() {}
}
