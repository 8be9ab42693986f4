package org.redgovernance.api.matters;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The GraphQL {@code MatterFigures} of one community, the numbers the street office compares:
 * matters by status and category, how fast they are resolved and verified, and how satisfied the
 * reporters are.
 */
record MatterFigures(
    int total,
    int open,
    int overdue,
    List<StatusCount> byStatus,
    List<CategoryCount> byCategory,
    @Nullable Double medianHoursToResolution,
    @Nullable Double medianHoursToVerification,
    @Nullable Double averageRating,
    int rated) {

  record StatusCount(MatterStatus status, int count) {}

  record CategoryCount(MatterCategory category, int count) {}
}
