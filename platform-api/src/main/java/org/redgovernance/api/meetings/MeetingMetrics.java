package org.redgovernance.api.meetings;

import org.redgovernance.api.metrics.MetricSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The metrics of the catalogue that meetings compute: from the same SQL as {@code meetingFigures}
 * ({@link MeetingFiguresModels}), so that both say the same.
 */
@Configuration(proxyBeanMethods = false)
class MeetingMetrics {

  @Bean
  MetricSource meetingsPerWeek() {
    return MetricSource.fromHistory(
        MetricSource.of(
            "meetings_per_week",
            MeetingFiguresModels::meetingsPerWeek,
            MeetingFiguresModels::held));
  }

  @Bean
  MetricSource openActionItems() {
    return MetricSource.count(
        "open_action_items", (community, today) -> MeetingFiguresModels.openActionItems(community));
  }

  @Bean
  MetricSource overdueActionItems() {
    return MetricSource.count("overdue_action_items", MeetingFiguresModels::overdueActionItems);
  }

  @Bean
  MetricSource partyBranchAttendance() {
    return attendance("attendance_party_branch", "PARTY_BRANCH");
  }

  @Bean
  MetricSource ownersCommitteeAttendance() {
    return attendance("attendance_owners_committee", "OWNERS_COMMITTEE");
  }

  @Bean
  MetricSource supervisoryCommitteeAttendance() {
    return attendance("attendance_supervisory_committee", "SUPERVISORY_COMMITTEE");
  }

  @Bean
  MetricSource ownerRepresentativesAttendance() {
    return attendance("attendance_owner_representatives", "OWNER_REPRESENTATIVES");
  }

  @Bean
  MetricSource partyMembersAttendance() {
    return attendance("attendance_party_members", "PARTY_MEMBERS");
  }

  /** The share of a body's marks at the meetings of the last ninety days that were present. */
  private static MetricSource attendance(String key, String kind) {
    return MetricSource.fromHistory(
        MetricSource.share(
            key,
            (community, today) -> MeetingFiguresModels.marksOfKind(community, kind, today, true),
            (community, today) -> MeetingFiguresModels.marksOfKind(community, kind, today, false)));
  }
}
