package org.redgovernance.api.meetings;

/** What sort of meeting. */
public enum MeetingKind {
  /** 通报会: the weekly briefing of the five bodies. */
  WEEKLY_BRIEFING,
  /** 议事会 */
  DELIBERATION,
  /** 主题党日 */
  THEME_PARTY_DAY,
  OWNERS_ASSEMBLY
}
