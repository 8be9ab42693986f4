package org.redgovernance.api.matters;

import static org.redgovernance.database.jooq.Tables.COMMUNITY;
import static org.redgovernance.database.jooq.Tables.MATTER;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.redgovernance.api.communities.CommunityModels;
import org.redgovernance.api.readmodel.InCommunities;
import org.redgovernance.api.readmodel.ModelRef;
import org.redgovernance.api.readmodel.ObjectModel;
import org.redgovernance.database.jooq.tables.Community;
import org.redgovernance.database.jooq.tables.Matter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code Community.matterFigures}, the numbers the street office compares, as the read model
 * declares them: aggregates over the community's matters, in the statement of the community.
 * Whether a matter is overdue is {@link MatterModels#overdue}, the board's own rule.
 */
@Configuration(proxyBeanMethods = false)
class MatterFiguresModels {

  static final ModelRef<Community> FIGURES = new ModelRef<>("MatterFigures", COMMUNITY::as);
  static final ModelRef<Table<Record3<UUID, String, Integer>>> BY_STATUS =
      new ModelRef<>(
          "MatterStatusCount",
          alias -> CommunityModels.withEachValue(alias, MatterStatus.values()));
  static final ModelRef<Table<Record3<UUID, String, Integer>>> BY_CATEGORY =
      new ModelRef<>(
          "MatterCategoryCount",
          alias -> CommunityModels.withEachValue(alias, MatterCategory.values()));

  @Bean
  ObjectModel<Community> matterFiguresModel() {
    return ObjectModel.of(FIGURES)
        .rows((community, request) -> InCommunities.inScope(community.ID, request.scope()))
        .value("total", community -> total(community.ID))
        .value("open", community -> open(community.ID))
        .value("overdue", (community, request) -> overdue(community.ID, request.today()))
        .list(
            "byStatus",
            BY_STATUS,
            (community, count) -> ofCommunity(community, count, MATTER.STATUS),
            count -> List.of(count.field("position", Integer.class)))
        .list(
            "byCategory",
            BY_CATEGORY,
            (community, count) -> ofCommunity(community, count, MATTER.CATEGORY),
            count -> List.of(count.field("position", Integer.class)))
        .value("medianHoursToResolution", community -> medianHoursToResolution(community.ID))
        .value(
            "medianHoursToVerification", community -> medianHours(community.ID, MATTER.VERIFIED_AT))
        .value("averageRating", community -> averageRating(community.ID))
        .value("rated", community -> rated(community.ID))
        .build();
  }

  // --- the figures, as these and the metric catalogue (MatterMetrics) read them

  /** Matters raised in the community. */
  static Field<Integer> total(Field<UUID> community) {
    return count(community, DSL.noCondition());
  }

  /** Matters raised before {@code until}. */
  static Field<Integer> raisedBefore(Field<UUID> community, Field<OffsetDateTime> until) {
    return count(community, MATTER.REPORTED_AT.lt(until));
  }

  /** Matters neither rejected, verified nor closed. */
  static Field<Integer> open(Field<UUID> community) {
    return count(
        community,
        MATTER.STATUS.notIn(
            MatterStatus.REJECTED.name(),
            MatterStatus.CLOSED.name(),
            MatterStatus.VERIFIED.name()));
  }

  /** Matters past their due date and not resolved, {@code today}. */
  static Field<Integer> overdue(Field<UUID> community, java.time.LocalDate today) {
    return count(community, MatterModels.overdue(MATTER, today));
  }

  /** Matters resolved (whatever became of them since). */
  static Field<Integer> resolved(Field<UUID> community) {
    return count(community, MATTER.RESOLVED_AT.isNotNull());
  }

  /** Matters resolved before {@code until} (their latest resolution). */
  static Field<Integer> resolvedBefore(Field<UUID> community, Field<OffsetDateTime> until) {
    return count(community, MATTER.RESOLVED_AT.lt(until));
  }

  /** Median hours from report to resolution, over the matters resolved before {@code until}. */
  static Field<Double> medianHoursToResolutionBefore(
      Field<UUID> community, Field<OffsetDateTime> until) {
    return medianHours(community, MATTER.RESOLVED_AT, MATTER.RESOLVED_AT.lt(until));
  }

  /**
   * The average of the ratings given before {@code until} (a matter is rated as it closes), 1 to 5;
   * null before any.
   */
  static Field<Double> averageRatingBefore(Field<UUID> community, Field<OffsetDateTime> until) {
    return DSL.field(
        DSL.select(DSL.avg(MATTER.RATING).cast(SQLDataType.DOUBLE))
            .from(MATTER)
            .where(MATTER.COMMUNITY_ID.eq(community), MATTER.CLOSED_AT.lt(until)));
  }

  /** How many matters were rated before {@code until}. */
  static Field<Integer> ratedBefore(Field<UUID> community, Field<OffsetDateTime> until) {
    return DSL.field(
        DSL.select(DSL.count(MATTER.RATING))
            .from(MATTER)
            .where(MATTER.COMMUNITY_ID.eq(community), MATTER.CLOSED_AT.lt(until)));
  }

  /** Matters that had been accepted before {@code until} (a timeline entry to ACCEPTED). */
  static Field<Integer> acceptedBefore(Field<UUID> community, Field<OffsetDateTime> until) {
    return reachedBefore(community, MatterStatus.ACCEPTED, until);
  }

  /** Matters that had been resolved at least once before {@code until}. */
  static Field<Integer> everResolvedBefore(Field<UUID> community, Field<OffsetDateTime> until) {
    return reachedBefore(community, MatterStatus.RESOLVED, until);
  }

  /** Matters reopened at least once before {@code until} (the reporter disagreed). */
  static Field<Integer> reopenedBefore(Field<UUID> community, Field<OffsetDateTime> until) {
    return reachedBefore(community, MatterStatus.REOPENED, until);
  }

  /** Matters verified before {@code until}. */
  static Field<Integer> verifiedBefore(Field<UUID> community, Field<OffsetDateTime> until) {
    return count(community, MATTER.VERIFIED_AT.lt(until));
  }

  /** Matters closed before {@code until}: those whose reporter could rate them. */
  static Field<Integer> closedBefore(Field<UUID> community, Field<OffsetDateTime> until) {
    return count(community, MATTER.CLOSED_AT.lt(until));
  }

  /** The 90th percentile of hours to resolution, over the matters resolved before {@code until}. */
  static Field<Double> p90HoursToResolutionBefore(
      Field<UUID> community, Field<OffsetDateTime> until) {
    return hours(community, 0.9, MATTER.RESOLVED_AT, MATTER.RESOLVED_AT.lt(until));
  }

  /** Median hours from report to verification, over the matters verified before {@code until}. */
  static Field<Double> medianHoursToVerificationBefore(
      Field<UUID> community, Field<OffsetDateTime> until) {
    return medianHours(community, MATTER.VERIFIED_AT, MATTER.VERIFIED_AT.lt(until));
  }

  /** Matters whose timeline reached {@code status} before {@code until}. */
  private static Field<Integer> reachedBefore(
      Field<UUID> community, MatterStatus status, Field<OffsetDateTime> until) {
    org.redgovernance.database.jooq.tables.MatterEvent entry =
        org.redgovernance.database.jooq.Tables.MATTER_EVENT.as("reached_entry");
    return DSL.field(
        DSL.select(DSL.countDistinct(entry.MATTER_ID))
            .from(entry)
            .where(
                entry.COMMUNITY_ID.eq(community),
                entry.TO_STATUS.eq(status.name()),
                entry.OCCURRED_AT.lt(until)));
  }

  /** Median hours from report to resolution, over the matters resolved. */
  static Field<Double> medianHoursToResolution(Field<UUID> community) {
    return medianHours(community, MATTER.RESOLVED_AT);
  }

  /** The reporters' average rating, 1 to 5; null before any rating. */
  static Field<Double> averageRating(Field<UUID> community) {
    return DSL.field(
        DSL.select(DSL.avg(MATTER.RATING).cast(SQLDataType.DOUBLE))
            .from(MATTER)
            .where(MATTER.COMMUNITY_ID.eq(community)));
  }

  /** How many matters were rated. */
  static Field<Integer> rated(Field<UUID> community) {
    return DSL.field(
        DSL.select(DSL.count(MATTER.RATING)).from(MATTER).where(MATTER.COMMUNITY_ID.eq(community)));
  }

  @Bean
  ObjectModel<Table<Record3<UUID, String, Integer>>> statusCountModel() {
    return ObjectModel.of(BY_STATUS)
        .value("status", count -> count.field("value", String.class))
        .value("count", count -> counted(count, MATTER.STATUS))
        .build();
  }

  @Bean
  ObjectModel<Table<Record3<UUID, String, Integer>>> categoryCountModel() {
    return ObjectModel.of(BY_CATEGORY)
        .value("category", count -> count.field("value", String.class))
        .value("count", count -> counted(count, MATTER.CATEGORY))
        .build();
  }

  @Bean
  ObjectModel<Community> communityMatterFigures() {
    return ObjectModel.extension(CommunityModels.COMMUNITIES)
        .reference(
            "matterFigures",
            FIGURES,
            figures -> List.of(figures.ID),
            community -> List.of(community.ID))
        .build();
  }

  /** The counts of the community's values that some matter has. */
  private static Condition ofCommunity(
      Community community, Table<Record3<UUID, String, Integer>> count, Field<String> column) {
    Field<UUID> communityId = count.field("community_id", UUID.class);
    return communityId
        .eq(community.ID)
        .and(
            DSL.exists(
                DSL.selectOne()
                    .from(MATTER)
                    .where(
                        MATTER.COMMUNITY_ID.eq(communityId),
                        column.eq(count.field("value", String.class)))));
  }

  private static Field<Integer> counted(Table<?> count, Field<String> column) {
    return count(
        count.field("community_id", UUID.class), column.eq(count.field("value", String.class)));
  }

  private static Field<Integer> count(Field<UUID> communityId, Condition which) {
    return DSL.field(
        DSL.selectCount().from(MATTER).where(MATTER.COMMUNITY_ID.eq(communityId), which));
  }

  /** Median hours from report to {@code until}, over the community's matters that reached it. */
  private static Field<Double> medianHours(Field<UUID> community, Field<OffsetDateTime> until) {
    return medianHours(community, until, DSL.noCondition());
  }

  /** The same, over the matters {@code which} also finds. */
  private static Field<Double> medianHours(
      Field<UUID> community, Field<OffsetDateTime> until, Condition which) {
    return hours(community, 0.5, until, which);
  }

  /**
   * The {@code fraction} percentile of hours from report to {@code until}, over the community's
   * matters that reached it and {@code which} finds.
   */
  private static Field<Double> hours(
      Field<UUID> community, double fraction, Field<OffsetDateTime> until, Condition which) {
    Matter matter = MATTER;
    return DSL.field(
        DSL.select(
                DSL.field(
                    "percentile_cont({2}) within group (order by extract(epoch from ({0} - {1}))"
                        + " / 3600.0)",
                    SQLDataType.DOUBLE, until, matter.REPORTED_AT, DSL.inline(fraction)))
            .from(matter)
            .where(matter.COMMUNITY_ID.eq(community), which));
  }
}
