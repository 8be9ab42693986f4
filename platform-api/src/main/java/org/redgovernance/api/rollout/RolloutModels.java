package org.redgovernance.api.rollout;

import static org.redgovernance.database.jooq.Tables.ROLLOUT_ACTION;
import static org.redgovernance.database.jooq.Tables.ROLLOUT_EVIDENCE;
import static org.redgovernance.database.jooq.Tables.ROLLOUT_INDICATOR;
import static org.redgovernance.database.jooq.Tables.ROLLOUT_PARTICIPANT;
import static org.redgovernance.database.jooq.Tables.ROLLOUT_PROJECT;
import static org.redgovernance.database.jooq.Tables.ROLLOUT_REVIEW;
import static org.redgovernance.database.jooq.Tables.ROLLOUT_REVIEW_VALUE;
import static org.redgovernance.database.jooq.Tables.ROLLOUT_STAGE_CHANGE;
import static org.redgovernance.database.jooq.Tables.ROLLOUT_TARGET;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Row2;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.communities.CommunityModels;
import org.redgovernance.api.metrics.MetricReadingModels;
import org.redgovernance.api.readmodel.InCommunities;
import org.redgovernance.api.readmodel.JsonSql;
import org.redgovernance.api.readmodel.Keyset;
import org.redgovernance.api.readmodel.ModelRef;
import org.redgovernance.api.readmodel.ObjectModel;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.database.jooq.tables.RolloutAction;
import org.redgovernance.database.jooq.tables.RolloutEvidence;
import org.redgovernance.database.jooq.tables.RolloutIndicator;
import org.redgovernance.database.jooq.tables.RolloutParticipant;
import org.redgovernance.database.jooq.tables.RolloutProject;
import org.redgovernance.database.jooq.tables.RolloutReview;
import org.redgovernance.database.jooq.tables.RolloutReviewValue;
import org.redgovernance.database.jooq.tables.RolloutStageChange;
import org.redgovernance.database.jooq.tables.RolloutTarget;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rollout's types as the read model declares them. A project is seen by the street office of
 * its street (street roles, platform operator) and by the staff of a community taking part; a
 * community's part in it — stage, reviews, actions — only by that community's staff and the street
 * office, so that a community's staff never see another community's progress. The overview across
 * communities is the street office's.
 */
@Configuration(proxyBeanMethods = false)
class RolloutModels {

  static final ModelRef<RolloutProject> PROJECTS =
      new ModelRef<>(RolloutTypes.PROJECT, ROLLOUT_PROJECT::as);
  static final ModelRef<RolloutIndicator> INDICATORS =
      new ModelRef<>("RolloutIndicator", ROLLOUT_INDICATOR::as);
  static final ModelRef<RolloutParticipant> PARTICIPANTS =
      new ModelRef<>(RolloutTypes.PARTICIPANT, ROLLOUT_PARTICIPANT::as);
  static final ModelRef<RolloutStageChange> STAGE_CHANGES =
      new ModelRef<>("RolloutStageChange", ROLLOUT_STAGE_CHANGE::as);
  static final ModelRef<Table<Record>> INDICATOR_STATUSES =
      new ModelRef<>("RolloutIndicatorStatus", RolloutModels::indicatorStatuses);
  static final ModelRef<RolloutReview> REVIEWS =
      new ModelRef<>(RolloutTypes.REVIEW, ROLLOUT_REVIEW::as);
  static final ModelRef<RolloutReviewValue> REVIEW_VALUES =
      new ModelRef<>("RolloutReviewValue", ROLLOUT_REVIEW_VALUE::as);
  static final ModelRef<RolloutAction> ACTIONS =
      new ModelRef<>(RolloutTypes.ACTION, ROLLOUT_ACTION::as);
  static final ModelRef<RolloutEvidence> EVIDENCE =
      new ModelRef<>(RolloutTypes.EVIDENCE, ROLLOUT_EVIDENCE::as);
  static final ModelRef<RolloutProject> OVERVIEWS =
      new ModelRef<>("RolloutOverview", ROLLOUT_PROJECT::as);
  static final ModelRef<Table<Record>> STAGE_COUNTS =
      new ModelRef<>("RolloutStageCount", RolloutModels::stageCounts);
  static final ModelRef<Table<Record>> INDICATOR_PROGRESS =
      new ModelRef<>("RolloutIndicatorProgress", RolloutModels::indicatorProgress);

  /** The latest created first: the order of the project list. */
  static final Keyset<RolloutProject> LATEST_FIRST =
      Keyset.newestFirst(project -> project.CREATED_AT, project -> project.ID);

  @Bean
  ObjectModel<RolloutProject> rolloutProjectModel() {
    return ObjectModel.of(PROJECTS)
        .rows((project, request) -> visible(project, request.scope()))
        .id(project -> project.STREET_ID, project -> project.ID)
        .reference(
            "street",
            CommunityModels.STREETS,
            street -> List.of(street.ID),
            project -> List.of(project.STREET_ID))
        .value("name", project -> project.NAME)
        .value("goal", project -> project.GOAL)
        .value("ownerName", project -> project.OWNER_NAME)
        .date("startsOn", project -> project.STARTS_ON)
        .date("targetOn", project -> project.TARGET_ON)
        .list(
            "indicators",
            INDICATORS,
            (project, indicator) -> ofProject(indicator.STREET_ID, indicator.PROJECT_ID, project),
            indicator -> List.of(indicator.POSITION))
        .list(
            "participants",
            PARTICIPANTS,
            (project, participant) ->
                ofProject(participant.STREET_ID, participant.PROJECT_ID, project),
            participant -> List.of(participant.CREATED_AT, participant.COMMUNITY_ID))
        .part(
            "overview",
            OVERVIEWS,
            (project, request) ->
                InCommunities.of(project.STREET_ID, request.scope().overseenStreetIds()))
        .value("version", project -> project.VERSION)
        .dateTime("createdAt", project -> project.CREATED_AT)
        .build();
  }

  @Bean
  ObjectModel<RolloutIndicator> rolloutIndicatorModel() {
    return ObjectModel.of(INDICATORS)
        .reference(
            "metric",
            MetricReadingModels.METRICS,
            MetricReadingModels::key,
            indicator -> List.of(indicator.METRIC_KEY))
        .value("target", indicator -> indicator.TARGET)
        .build();
  }

  @Bean
  ObjectModel<RolloutParticipant> rolloutParticipantModel() {
    return ObjectModel.of(PARTICIPANTS)
        .rows((participant, request) -> ofStaff(participant.COMMUNITY_ID, request.scope()))
        .id(participant -> participant.COMMUNITY_ID, participant -> participant.ID)
        .reference(
            "project",
            PROJECTS,
            project -> List.of(project.STREET_ID, project.ID),
            participant -> List.of(participant.STREET_ID, participant.PROJECT_ID))
        .reference(
            "community",
            CommunityModels.COMMUNITIES,
            community -> List.of(community.ID),
            participant -> List.of(participant.COMMUNITY_ID))
        .value("stage", participant -> participant.STAGE)
        .date("stageOn", participant -> participant.STAGE_ON)
        .list(
            "stageChanges",
            STAGE_CHANGES,
            (participant, change) ->
                change
                    .COMMUNITY_ID
                    .eq(participant.COMMUNITY_ID)
                    .and(change.PARTICIPANT_ID.eq(participant.ID)),
            change -> List.of(change.CREATED_AT.desc(), change.ID.desc()))
        .list(
            "indicators",
            INDICATOR_STATUSES,
            (participant, status) ->
                column(status, "community_id", UUID.class)
                    .eq(participant.COMMUNITY_ID)
                    .and(column(status, "participant_id", UUID.class).eq(participant.ID)),
            status -> List.of(column(status, "position", Integer.class)))
        .list(
            "reviews",
            REVIEWS,
            (participant, review) ->
                review
                    .COMMUNITY_ID
                    .eq(participant.COMMUNITY_ID)
                    .and(review.PARTICIPANT_ID.eq(participant.ID)),
            review -> List.of(review.QUARTER.desc()))
        .list(
            "evidence",
            EVIDENCE,
            (participant, file) ->
                file.COMMUNITY_ID
                    .eq(participant.COMMUNITY_ID)
                    .and(file.PARTICIPANT_ID.eq(participant.ID)),
            file -> List.of(file.CREATED_AT.desc(), file.ID.desc()))
        .value("version", participant -> participant.VERSION)
        .build();
  }

  @Bean
  ObjectModel<RolloutStageChange> rolloutStageChangeModel() {
    return ObjectModel.of(STAGE_CHANGES)
        .value("stage", change -> change.STAGE)
        .date("changedOn", change -> change.CHANGED_ON)
        .value("note", change -> change.NOTE)
        .value("changedByName", change -> change.CHANGED_BY_NAME)
        .dateTime("recordedAt", change -> change.CREATED_AT)
        .list(
            "evidence",
            EVIDENCE,
            (change, file) ->
                file.COMMUNITY_ID.eq(change.COMMUNITY_ID).and(file.STAGE_CHANGE_ID.eq(change.ID)),
            file -> List.of(file.CREATED_AT, file.ID))
        .build();
  }

  @Bean
  ObjectModel<RolloutEvidence> rolloutEvidenceModel() {
    return ObjectModel.of(EVIDENCE)
        .rows((file, request) -> ofStaff(file.COMMUNITY_ID, request.scope()))
        .id(file -> file.COMMUNITY_ID, file -> file.ID)
        .value("fileName", file -> file.FILE_NAME)
        .value("contentType", file -> file.CONTENT_TYPE)
        .value("size", file -> file.SIZE_BYTES)
        .value(
            "url",
            file ->
                JsonSql.globalId(
                    RolloutEvidenceController.PATH,
                    RolloutTypes.EVIDENCE,
                    file.COMMUNITY_ID,
                    file.ID))
        .value("filed", file -> DSL.field(file.STAGE_CHANGE_ID.isNotNull()))
        .value("uploadedByName", file -> file.UPLOADED_BY_NAME)
        .dateTime("uploadedAt", file -> file.CREATED_AT)
        .build();
  }

  @Bean
  ObjectModel<Table<Record>> rolloutIndicatorStatusModel() {
    return ObjectModel.of(INDICATOR_STATUSES)
        .reference(
            "metric",
            MetricReadingModels.METRICS,
            MetricReadingModels::key,
            status -> List.of(column(status, "metric_key", String.class)))
        .value("target", status -> column(status, "target", Double.class))
        .value("ownTarget", status -> column(status, "own_target", Boolean.class))
        .value("value", RolloutModels::latestValue)
        .date(
            "asOf",
            status ->
                MetricReadingModels.latestDay(
                    column(status, "community_id", UUID.class),
                    column(status, "metric_key", String.class)))
        .value(
            "onTarget",
            status ->
                MetricReadingModels.meets(
                    column(status, "metric_key", String.class),
                    latestValue(status),
                    column(status, "target", Double.class)))
        .build();
  }

  @Bean
  ObjectModel<RolloutReview> rolloutReviewModel() {
    return ObjectModel.of(REVIEWS)
        .rows((review, request) -> ofStaff(review.COMMUNITY_ID, request.scope()))
        .id(review -> review.COMMUNITY_ID, review -> review.ID)
        .value("quarter", review -> review.QUARTER)
        .date("reviewedOn", review -> review.REVIEWED_ON)
        .value("rating", review -> review.RATING)
        .value("findings", review -> review.FINDINGS)
        .list(
            "values",
            REVIEW_VALUES,
            (review, value) ->
                value.COMMUNITY_ID.eq(review.COMMUNITY_ID).and(value.REVIEW_ID.eq(review.ID)),
            value -> List.of(value.POSITION))
        .list(
            "actions",
            ACTIONS,
            (review, action) ->
                action.COMMUNITY_ID.eq(review.COMMUNITY_ID).and(action.REVIEW_ID.eq(review.ID)),
            action -> List.of(action.POSITION))
        .value("reviewerName", review -> review.REVIEWER_NAME)
        .dateTime("recordedAt", review -> review.CREATED_AT)
        .build();
  }

  @Bean
  ObjectModel<RolloutReviewValue> rolloutReviewValueModel() {
    return ObjectModel.of(REVIEW_VALUES)
        .reference(
            "metric",
            MetricReadingModels.METRICS,
            MetricReadingModels::key,
            value -> List.of(value.METRIC_KEY))
        .value("target", value -> value.TARGET)
        .value("value", value -> value.VALUE)
        .value("sample", value -> value.SAMPLE)
        .value("sufficient", value -> value.SUFFICIENT)
        .date("day", value -> value.DAY)
        .value("onTarget", value -> value.ON_TARGET)
        .build();
  }

  @Bean
  ObjectModel<RolloutAction> rolloutActionModel() {
    return ObjectModel.of(ACTIONS)
        .rows((action, request) -> ofStaff(action.COMMUNITY_ID, request.scope()))
        .id(action -> action.COMMUNITY_ID, action -> action.ID)
        .value("description", action -> action.DESCRIPTION)
        .value("ownerName", action -> action.OWNER_NAME)
        .date("dueOn", action -> action.DUE_ON)
        .date("doneOn", action -> action.DONE_ON)
        .value("doneNote", action -> action.DONE_NOTE)
        .value("overdue", (action, request) -> DSL.field(overdue(action, DSL.val(request.today()))))
        .value("version", action -> action.VERSION)
        .build();
  }

  @Bean
  ObjectModel<RolloutProject> rolloutOverviewModel() {
    return ObjectModel.of(OVERVIEWS)
        .list(
            "stages",
            STAGE_COUNTS,
            (project, count) ->
                column(count, "street_id", UUID.class)
                    .eq(project.STREET_ID)
                    .and(column(count, "project_id", UUID.class).eq(project.ID)),
            count -> List.of(column(count, "position", Integer.class)))
        .list(
            "indicators",
            INDICATOR_PROGRESS,
            (project, progress) ->
                column(progress, "street_id", UUID.class)
                    .eq(project.STREET_ID)
                    .and(column(progress, "project_id", UUID.class).eq(project.ID)),
            progress -> List.of(column(progress, "position", Integer.class)))
        .value(
            "overdueActions",
            (project, request) -> overdueActions(project, DSL.val(request.today())))
        .build();
  }

  @Bean
  ObjectModel<Table<Record>> rolloutStageCountModel() {
    return ObjectModel.of(STAGE_COUNTS)
        .value("stage", count -> column(count, "stage", String.class))
        .value("communities", count -> column(count, "communities", Integer.class))
        .build();
  }

  @Bean
  ObjectModel<Table<Record>> rolloutIndicatorProgressModel() {
    return ObjectModel.of(INDICATOR_PROGRESS)
        .reference(
            "metric",
            MetricReadingModels.METRICS,
            MetricReadingModels::key,
            progress -> List.of(column(progress, "metric_key", String.class)))
        .value("target", progress -> column(progress, "target", Double.class))
        .value("onTarget", progress -> column(progress, "on_target", Integer.class))
        .value("offTarget", progress -> column(progress, "off_target", Integer.class))
        .value("noValue", progress -> column(progress, "no_value", Integer.class))
        .build();
  }

  /**
   * The projects of the {@code rolloutProjects} filter: of one street (null: any) among those the
   * caller may see.
   */
  static Function<RolloutProject, Condition> matching(AccessScope scope, @Nullable String street) {
    List<UUID> streets =
        street == null
            ? null
            : scope.street(street).map(found -> List.of(found.id())).orElse(List.of());
    return project ->
        streets == null ? DSL.noCondition() : InCommunities.of(project.STREET_ID, streets);
  }

  /**
   * A project is the street office's of its street, and the staff's of a community taking part in
   * it.
   */
  private static Condition visible(RolloutProject project, AccessScope scope) {
    RolloutParticipant taking = ROLLOUT_PARTICIPANT.as("taking_part");
    return InCommunities.of(project.STREET_ID, scope.overseenStreetIds())
        .or(
            DSL.exists(
                DSL.selectOne()
                    .from(taking)
                    .where(
                        taking.STREET_ID.eq(project.STREET_ID),
                        taking.PROJECT_ID.eq(project.ID),
                        ofStaff(taking.COMMUNITY_ID, scope))));
  }

  /** A community's part in a project is its staff's and the street office's. */
  private static Condition ofStaff(Field<UUID> community, AccessScope scope) {
    return InCommunities.where(community, scope, ReachableCommunity::staffOrOverseen);
  }

  private static Condition ofProject(
      Field<UUID> street, Field<UUID> projectId, RolloutProject project) {
    return street.eq(project.STREET_ID).and(projectId.eq(project.ID));
  }

  /** An action past its due day and not done: its one definition. */
  static Condition overdue(RolloutAction action, Field<LocalDate> today) {
    return action.DONE_ON.isNull().and(action.DUE_ON.lt(today));
  }

  private static Field<Integer> overdueActions(RolloutProject project, Field<LocalDate> today) {
    RolloutAction action = ROLLOUT_ACTION.as("overdue_action");
    RolloutReview review = ROLLOUT_REVIEW.as("overdue_review");
    RolloutParticipant participant = ROLLOUT_PARTICIPANT.as("overdue_participant");
    return DSL.field(
        DSL.selectCount()
            .from(action)
            .join(review)
            .on(review.COMMUNITY_ID.eq(action.COMMUNITY_ID), review.ID.eq(action.REVIEW_ID))
            .join(participant)
            .on(
                participant.COMMUNITY_ID.eq(review.COMMUNITY_ID),
                participant.ID.eq(review.PARTICIPANT_ID))
            .where(
                participant.STREET_ID.eq(project.STREET_ID),
                participant.PROJECT_ID.eq(project.ID),
                overdue(action, today)));
  }

  private static Field<Double> latestValue(Table<Record> status) {
    return MetricReadingModels.latestValue(
        column(status, "community_id", UUID.class), column(status, "metric_key", String.class));
  }

  /**
   * Each community's target of each indicator of its project: its own where it has one, else the
   * project's (columns community_id, participant_id, metric_key, position, target, own_target).
   */
  private static Table<Record> indicatorStatuses(String alias) {
    return untyped(targets().asTable(alias));
  }

  /** The targets of one community's part in a project ({@link #indicatorStatuses}' columns). */
  static Table<Record> targetsOf(UUID community, UUID participantId) {
    Table<Record> all = untyped(targets().asTable("participant_target"));
    return untyped(
        DSL.selectFrom(all)
            .where(
                column(all, "community_id", UUID.class).eq(community),
                column(all, "participant_id", UUID.class).eq(participantId))
            .asTable("own_targets"));
  }

  private static org.jooq.Select<? extends Record> targets() {
    RolloutParticipant participant = ROLLOUT_PARTICIPANT.as("targeted_participant");
    RolloutIndicator indicator = ROLLOUT_INDICATOR.as("targeted_indicator");
    RolloutTarget own = ROLLOUT_TARGET.as("own_target");
    return DSL.select(
            participant.COMMUNITY_ID.as("community_id"),
            participant.ID.as("participant_id"),
            participant.STREET_ID.as("street_id"),
            participant.PROJECT_ID.as("project_id"),
            indicator.METRIC_KEY.as("metric_key"),
            indicator.POSITION.as("position"),
            DSL.coalesce(own.TARGET, indicator.TARGET).as("target"),
            DSL.field(own.TARGET.isNotNull()).as("own_target"))
        .from(participant)
        .join(indicator)
        .on(
            indicator.STREET_ID.eq(participant.STREET_ID),
            indicator.PROJECT_ID.eq(participant.PROJECT_ID))
        .leftJoin(own)
        .on(
            own.COMMUNITY_ID.eq(participant.COMMUNITY_ID),
            own.PARTICIPANT_ID.eq(participant.ID),
            own.METRIC_KEY.eq(indicator.METRIC_KEY));
  }

  /**
   * How many of a project's communities are at each stage, every stage with its position (columns
   * street_id, project_id, stage, position, communities).
   */
  private static Table<Record> stageCounts(String alias) {
    RolloutProject project = ROLLOUT_PROJECT.as("counted_project");
    RolloutParticipant participant = ROLLOUT_PARTICIPANT.as("counted_participant");
    @SuppressWarnings("unchecked")
    Row2<String, Integer>[] rows =
        Arrays.stream(RolloutStage.values())
            .map(stage -> DSL.row(stage.name(), stage.ordinal()))
            .toArray(Row2[]::new);
    Table<?> stages = DSL.values(rows).as("all_stages", "stage", "position");
    Field<String> stage = stages.field("stage", String.class);
    return untyped(
        DSL.select(
                project.STREET_ID.as("street_id"),
                project.ID.as("project_id"),
                stage.as("stage"),
                stages.field("position", Integer.class).as("position"),
                DSL.field(
                        DSL.selectCount()
                            .from(participant)
                            .where(
                                participant.STREET_ID.eq(project.STREET_ID),
                                participant.PROJECT_ID.eq(project.ID),
                                participant.STAGE.eq(stage)))
                    .as("communities"))
            .from(project)
            .crossJoin(stages)
            .asTable(alias));
  }

  /**
   * How a project's communities stand on each indicator against their targets, from their latest
   * snapshots (columns street_id, project_id, metric_key, position, target, on_target, off_target,
   * no_value).
   */
  private static Table<Record> indicatorProgress(String alias) {
    RolloutIndicator indicator = ROLLOUT_INDICATOR.as("progress_indicator");
    Table<Record> targets = untyped(targets().asTable("progress_target"));
    Field<Boolean> meets =
        MetricReadingModels.meets(
            column(targets, "metric_key", String.class),
            MetricReadingModels.latestValue(
                column(targets, "community_id", UUID.class),
                column(targets, "metric_key", String.class)),
            column(targets, "target", Double.class));
    Table<?> judged =
        DSL.select(meets.as("meets"))
            .from(targets)
            .where(
                column(targets, "street_id", UUID.class).eq(indicator.STREET_ID),
                column(targets, "project_id", UUID.class).eq(indicator.PROJECT_ID),
                column(targets, "metric_key", String.class).eq(indicator.METRIC_KEY))
            .asTable("judged");
    Field<Boolean> met = DSL.field(DSL.name("judged", "meets"), Boolean.class);
    Table<?> counts =
        DSL.lateral(
            DSL.select(
                    DSL.count().filterWhere(met.isTrue()).as("on_target"),
                    DSL.count().filterWhere(met.isFalse()).as("off_target"),
                    DSL.count().filterWhere(met.isNull()).as("no_value"))
                .from(judged)
                .asTable("judged_counts"));
    return untyped(
        DSL.select(
                indicator.STREET_ID.as("street_id"),
                indicator.PROJECT_ID.as("project_id"),
                indicator.METRIC_KEY.as("metric_key"),
                indicator.POSITION.as("position"),
                indicator.TARGET.as("target"),
                DSL.field(DSL.name("judged_counts", "on_target"), Integer.class).as("on_target"),
                DSL.field(DSL.name("judged_counts", "off_target"), Integer.class).as("off_target"),
                DSL.field(DSL.name("judged_counts", "no_value"), Integer.class).as("no_value"))
            .from(indicator)
            .crossJoin(counts)
            .asTable(alias));
  }

  /** A derived table as the read model's refs hold them: its columns are read by name. */
  @SuppressWarnings("unchecked")
  private static Table<Record> untyped(Table<? extends Record> table) {
    return (Table<Record>) table;
  }

  private static <V> Field<V> column(Table<?> table, String name, Class<V> type) {
    return DSL.field(DSL.name(table.getName(), name), type);
  }
}
