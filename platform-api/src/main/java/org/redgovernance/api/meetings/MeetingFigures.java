package org.redgovernance.api.meetings;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The GraphQL {@code MeetingFigures} of one community: how regularly the bodies meet, how well each
 * attends, and whether what they decide gets done.
 */
record MeetingFigures(
    double meetingsPerWeek,
    int heldInLast8Weeks,
    int openActionItems,
    int overdueActionItems,
    List<BodyRate> attendanceByBody) {

  /** Present among those marked, over the meetings held in the last 90 days. */
  record BodyRate(String bodyId, String kind, String name, int marked, @Nullable Double rate) {}
}
