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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.redgovernance.api.commands.Write;
import org.redgovernance.api.metrics.MetricReadingModels;
import org.redgovernance.database.Ids;
import org.springframework.stereotype.Repository;

/**
 * Writing projects, participants, stage changes, targets, reviews and actions, and what the
 * rollout's rules read; everything is read for answers through the read model ({@link
 * RolloutModels}). Every method runs inside a tenant transaction.
 */
@Repository
class RolloutRepository {

  /** Those of {@code keys} that are no metric of the catalogue. */
  List<String> unknownMetrics(DSLContext dsl, Collection<String> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    Field<String> key = DSL.field(DSL.name("given", "key"), String.class);
    return dsl.select(key)
        .from(
            DSL.values(keys.stream().map(DSL::row).toArray(org.jooq.Row1[]::new))
                .as("given", "key"))
        .where(DSL.not(MetricReadingModels.inCatalogue(key)))
        .fetch(key);
  }

  Optional<RolloutState.Project> project(DSLContext dsl, UUID streetId, UUID id) {
    return dsl.selectFrom(ROLLOUT_PROJECT)
        .where(ROLLOUT_PROJECT.STREET_ID.eq(streetId), ROLLOUT_PROJECT.ID.eq(id))
        .fetchOptional()
        .map(
            project ->
                new RolloutState.Project(
                    new RolloutPlan(
                        project.getName(),
                        project.getGoal(),
                        project.getOwnerName(),
                        project.getStartsOn(),
                        project.getTargetOn(),
                        dsl.select(ROLLOUT_INDICATOR.METRIC_KEY, ROLLOUT_INDICATOR.TARGET)
                            .from(ROLLOUT_INDICATOR)
                            .where(
                                ROLLOUT_INDICATOR.STREET_ID.eq(streetId),
                                ROLLOUT_INDICATOR.PROJECT_ID.eq(id))
                            .orderBy(ROLLOUT_INDICATOR.POSITION)
                            .fetch(row -> new RolloutPlan.Indicator(row.value1(), row.value2()))),
                    project.getVersion(),
                    dsl.select(ROLLOUT_PARTICIPANT.COMMUNITY_ID)
                        .from(ROLLOUT_PARTICIPANT)
                        .where(
                            ROLLOUT_PARTICIPANT.STREET_ID.eq(streetId),
                            ROLLOUT_PARTICIPANT.PROJECT_ID.eq(id))
                        .fetch(ROLLOUT_PARTICIPANT.COMMUNITY_ID)));
  }

  Optional<RolloutState.Participant> participant(DSLContext dsl, UUID communityId, UUID id) {
    return dsl.select(ROLLOUT_PARTICIPANT.asterisk(), ROLLOUT_PROJECT.STARTS_ON)
        .from(ROLLOUT_PARTICIPANT)
        .join(ROLLOUT_PROJECT)
        .on(
            ROLLOUT_PROJECT.STREET_ID.eq(ROLLOUT_PARTICIPANT.STREET_ID),
            ROLLOUT_PROJECT.ID.eq(ROLLOUT_PARTICIPANT.PROJECT_ID))
        .where(ROLLOUT_PARTICIPANT.COMMUNITY_ID.eq(communityId), ROLLOUT_PARTICIPANT.ID.eq(id))
        .fetchOptional()
        .map(
            row -> {
              var participant = row.into(ROLLOUT_PARTICIPANT);
              return new RolloutState.Participant(
                  participant.getStreetId(),
                  participant.getProjectId(),
                  row.get(ROLLOUT_PROJECT.STARTS_ON),
                  RolloutStage.valueOf(participant.getStage()),
                  participant.getStageOn(),
                  participant.getVersion(),
                  dsl.select(ROLLOUT_INDICATOR.METRIC_KEY)
                      .from(ROLLOUT_INDICATOR)
                      .where(
                          ROLLOUT_INDICATOR.STREET_ID.eq(participant.getStreetId()),
                          ROLLOUT_INDICATOR.PROJECT_ID.eq(participant.getProjectId()))
                      .fetch(ROLLOUT_INDICATOR.METRIC_KEY));
            });
  }

  Optional<RolloutState.Action> action(DSLContext dsl, UUID communityId, UUID id) {
    return dsl.select(ROLLOUT_ACTION.DONE_ON, ROLLOUT_ACTION.VERSION)
        .from(ROLLOUT_ACTION)
        .where(ROLLOUT_ACTION.COMMUNITY_ID.eq(communityId), ROLLOUT_ACTION.ID.eq(id))
        .fetchOptional(row -> new RolloutState.Action(row.value1(), row.value2()));
  }

  /** The insert of a new project, for a street's {@code Write}. */
  static ResultQuery<? extends Record> insertProject(UUID streetId, UUID id, RolloutPlan plan) {
    return DSL.insertInto(ROLLOUT_PROJECT)
        .set(ROLLOUT_PROJECT.STREET_ID, streetId)
        .set(ROLLOUT_PROJECT.ID, id)
        .set(ROLLOUT_PROJECT.NAME, plan.name())
        .set(ROLLOUT_PROJECT.GOAL, plan.goal())
        .set(ROLLOUT_PROJECT.OWNER_NAME, plan.ownerName())
        .set(ROLLOUT_PROJECT.STARTS_ON, plan.startsOn())
        .set(ROLLOUT_PROJECT.TARGET_ON, plan.targetOn())
        .returningResult(ROLLOUT_PROJECT.STREET_ID, ROLLOUT_PROJECT.ID);
  }

  /**
   * The update of a project to {@code plan} if it is still at {@code expectedVersion}, for a
   * street's {@code Write}: nothing returned when it is not. Every change of the project's rows
   * (its indicators, its communities) goes through it, so that a stale form always fails.
   */
  static ResultQuery<? extends Record> updateProject(
      UUID streetId, UUID id, RolloutPlan plan, int expectedVersion) {
    return DSL.update(ROLLOUT_PROJECT)
        .set(ROLLOUT_PROJECT.NAME, plan.name())
        .set(ROLLOUT_PROJECT.GOAL, plan.goal())
        .set(ROLLOUT_PROJECT.OWNER_NAME, plan.ownerName())
        .set(ROLLOUT_PROJECT.STARTS_ON, plan.startsOn())
        .set(ROLLOUT_PROJECT.TARGET_ON, plan.targetOn())
        .set(ROLLOUT_PROJECT.VERSION, ROLLOUT_PROJECT.VERSION.plus(1))
        .set(ROLLOUT_PROJECT.UPDATED_AT, DSL.currentOffsetDateTime())
        .where(
            ROLLOUT_PROJECT.STREET_ID.eq(streetId),
            ROLLOUT_PROJECT.ID.eq(id),
            ROLLOUT_PROJECT.VERSION.eq(expectedVersion))
        .returningResult(ROLLOUT_PROJECT.STREET_ID, ROLLOUT_PROJECT.ID);
  }

  /** The project's indicators, written beside the project the write made or changed. */
  static Query indicators(Write.Row project, List<RolloutPlan.Indicator> indicators) {
    List<Select<? extends Record>> rows = new ArrayList<>();
    for (int i = 0; i < indicators.size(); i++) {
      RolloutPlan.Indicator indicator = indicators.get(i);
      rows.add(
          DSL.select(
                  project.communityId(),
                  project.id(),
                  DSL.val(indicator.metricKey()),
                  DSL.val(i + 1),
                  DSL.val(indicator.target()))
              .from(project.table()));
    }
    return DSL.insertInto(
            ROLLOUT_INDICATOR,
            ROLLOUT_INDICATOR.STREET_ID,
            ROLLOUT_INDICATOR.PROJECT_ID,
            ROLLOUT_INDICATOR.METRIC_KEY,
            ROLLOUT_INDICATOR.POSITION,
            ROLLOUT_INDICATOR.TARGET)
        .select(Write.eachOf(rows));
  }

  /** Removes a project's indicators, before the ones that replace them are written. */
  static void removeIndicators(DSLContext dsl, UUID streetId, UUID projectId) {
    dsl.deleteFrom(ROLLOUT_INDICATOR)
        .where(ROLLOUT_INDICATOR.STREET_ID.eq(streetId), ROLLOUT_INDICATOR.PROJECT_ID.eq(projectId))
        .execute();
  }

  /** Writes the project's indicators (after {@link #removeIndicators} when they replace others). */
  static void writeIndicators(
      DSLContext dsl, UUID streetId, UUID projectId, List<RolloutPlan.Indicator> indicators) {
    for (int i = 0; i < indicators.size(); i++) {
      dsl.insertInto(ROLLOUT_INDICATOR)
          .set(ROLLOUT_INDICATOR.STREET_ID, streetId)
          .set(ROLLOUT_INDICATOR.PROJECT_ID, projectId)
          .set(ROLLOUT_INDICATOR.METRIC_KEY, indicators.get(i).metricKey())
          .set(ROLLOUT_INDICATOR.POSITION, i + 1)
          .set(ROLLOUT_INDICATOR.TARGET, indicators.get(i).target())
          .execute();
    }
  }

  /**
   * The communities joining the project the write made or changed, each at stage PLANNED from
   * {@code today}, written beside it.
   */
  static Query participants(Write.Row project, List<Joining> joining, LocalDate today) {
    List<Select<? extends Record>> rows = new ArrayList<>();
    for (Joining community : joining) {
      rows.add(
          DSL.select(
                  DSL.val(community.communityId()),
                  DSL.val(community.participantId()),
                  project.communityId(),
                  project.id(),
                  DSL.inline(RolloutStage.PLANNED.name()),
                  DSL.val(today))
              .from(project.table()));
    }
    return DSL.insertInto(
            ROLLOUT_PARTICIPANT,
            ROLLOUT_PARTICIPANT.COMMUNITY_ID,
            ROLLOUT_PARTICIPANT.ID,
            ROLLOUT_PARTICIPANT.STREET_ID,
            ROLLOUT_PARTICIPANT.PROJECT_ID,
            ROLLOUT_PARTICIPANT.STAGE,
            ROLLOUT_PARTICIPANT.STAGE_ON)
        .select(Write.eachOf(rows));
  }

  /** The first stage change of each community joining, written beside the project's write. */
  static Query joined(
      Write.Row project, List<Joining> joining, LocalDate today, String userId, String userName) {
    List<Select<? extends Record>> rows = new ArrayList<>();
    for (Joining community : joining) {
      rows.add(
          DSL.select(
                  DSL.val(community.communityId()),
                  DSL.val(Ids.newId()),
                  DSL.val(community.participantId()),
                  DSL.inline(RolloutStage.PLANNED.name()),
                  DSL.val(today),
                  DSL.val(userId),
                  DSL.val(userName))
              .from(project.table()));
    }
    return DSL.insertInto(
            ROLLOUT_STAGE_CHANGE,
            ROLLOUT_STAGE_CHANGE.COMMUNITY_ID,
            ROLLOUT_STAGE_CHANGE.ID,
            ROLLOUT_STAGE_CHANGE.PARTICIPANT_ID,
            ROLLOUT_STAGE_CHANGE.STAGE,
            ROLLOUT_STAGE_CHANGE.CHANGED_ON,
            ROLLOUT_STAGE_CHANGE.CHANGED_BY_ID,
            ROLLOUT_STAGE_CHANGE.CHANGED_BY_NAME)
        .select(Write.eachOf(rows));
  }

  /** A community joining a project, with the id its part gets. */
  record Joining(UUID communityId, UUID participantId) {}

  /**
   * The move of a participant to {@code stage} on {@code on} if it is still at {@code
   * expectedVersion}, for a {@code Write}: nothing returned when it is not.
   */
  static ResultQuery<? extends Record> moveStage(
      UUID communityId, UUID id, RolloutStage stage, LocalDate on, int expectedVersion) {
    return DSL.update(ROLLOUT_PARTICIPANT)
        .set(ROLLOUT_PARTICIPANT.STAGE, stage.name())
        .set(ROLLOUT_PARTICIPANT.STAGE_ON, on)
        .set(ROLLOUT_PARTICIPANT.VERSION, ROLLOUT_PARTICIPANT.VERSION.plus(1))
        .set(ROLLOUT_PARTICIPANT.UPDATED_AT, DSL.currentOffsetDateTime())
        .where(
            ROLLOUT_PARTICIPANT.COMMUNITY_ID.eq(communityId),
            ROLLOUT_PARTICIPANT.ID.eq(id),
            ROLLOUT_PARTICIPANT.VERSION.eq(expectedVersion))
        .returningResult(ROLLOUT_PARTICIPANT.COMMUNITY_ID, ROLLOUT_PARTICIPANT.ID);
  }

  /** The stage change the write made, written beside it. */
  static Query stageChange(
      Write.Row participant,
      UUID id,
      RolloutStage stage,
      LocalDate on,
      String note,
      String userId,
      String userName) {
    return DSL.insertInto(
            ROLLOUT_STAGE_CHANGE,
            ROLLOUT_STAGE_CHANGE.COMMUNITY_ID,
            ROLLOUT_STAGE_CHANGE.ID,
            ROLLOUT_STAGE_CHANGE.PARTICIPANT_ID,
            ROLLOUT_STAGE_CHANGE.STAGE,
            ROLLOUT_STAGE_CHANGE.CHANGED_ON,
            ROLLOUT_STAGE_CHANGE.NOTE,
            ROLLOUT_STAGE_CHANGE.CHANGED_BY_ID,
            ROLLOUT_STAGE_CHANGE.CHANGED_BY_NAME)
        .select(
            DSL.select(
                    participant.communityId(),
                    DSL.val(id),
                    participant.id(),
                    DSL.val(stage.name()),
                    DSL.val(on),
                    DSL.val(note),
                    DSL.val(userId),
                    DSL.val(userName))
                .from(participant.table()));
  }

  /** How many files of evidence the community's part holds. */
  int evidenceOf(DSLContext dsl, UUID communityId, UUID participantId) {
    return dsl.fetchCount(
        ROLLOUT_EVIDENCE,
        ROLLOUT_EVIDENCE.COMMUNITY_ID.eq(communityId),
        ROLLOUT_EVIDENCE.PARTICIPANT_ID.eq(participantId));
  }

  Optional<EvidenceFile> evidence(DSLContext dsl, UUID communityId, UUID id) {
    return dsl.selectFrom(ROLLOUT_EVIDENCE)
        .where(ROLLOUT_EVIDENCE.COMMUNITY_ID.eq(communityId), ROLLOUT_EVIDENCE.ID.eq(id))
        .fetchOptional(
            row ->
                new EvidenceFile(
                    row.getCommunityId(),
                    row.getId(),
                    row.getParticipantId(),
                    row.getFileName(),
                    row.getContentType(),
                    row.getSizeBytes(),
                    row.getSha256(),
                    row.getStorageKey()));
  }

  /**
   * The insert of an uploaded file of evidence, for a {@code Write}: nothing returned when the
   * community's part holds the same file already.
   */
  static ResultQuery<? extends Record> insertEvidence(
      EvidenceFile evidence, String userId, String userName) {
    return DSL.insertInto(ROLLOUT_EVIDENCE)
        .set(ROLLOUT_EVIDENCE.COMMUNITY_ID, evidence.communityId())
        .set(ROLLOUT_EVIDENCE.ID, evidence.id())
        .set(ROLLOUT_EVIDENCE.PARTICIPANT_ID, evidence.participantId())
        .set(ROLLOUT_EVIDENCE.FILE_NAME, evidence.fileName())
        .set(ROLLOUT_EVIDENCE.CONTENT_TYPE, evidence.contentType())
        .set(ROLLOUT_EVIDENCE.SIZE_BYTES, evidence.size())
        .set(ROLLOUT_EVIDENCE.SHA256, evidence.sha256())
        .set(ROLLOUT_EVIDENCE.STORAGE_KEY, evidence.storageKey())
        .set(ROLLOUT_EVIDENCE.UPLOADED_BY_ID, userId)
        .set(ROLLOUT_EVIDENCE.UPLOADED_BY_NAME, userName)
        .onConflictDoNothing()
        .returningResult(ROLLOUT_EVIDENCE.COMMUNITY_ID, ROLLOUT_EVIDENCE.ID);
  }

  /**
   * Files the participant's evidence {@code files} with the stage change {@code change}: only files
   * of that participant not filed yet. How many were filed.
   */
  static int file(
      DSLContext dsl, UUID communityId, UUID participantId, UUID change, List<UUID> files) {
    if (files.isEmpty()) {
      return 0;
    }
    return dsl.update(ROLLOUT_EVIDENCE)
        .set(ROLLOUT_EVIDENCE.STAGE_CHANGE_ID, change)
        .where(
            ROLLOUT_EVIDENCE.COMMUNITY_ID.eq(communityId),
            ROLLOUT_EVIDENCE.PARTICIPANT_ID.eq(participantId),
            ROLLOUT_EVIDENCE.ID.in(files),
            ROLLOUT_EVIDENCE.STAGE_CHANGE_ID.isNull())
        .execute();
  }

  /** A participant's version moved on: the write its target's change goes beside. */
  static ResultQuery<? extends Record> touch(UUID communityId, UUID id) {
    return DSL.update(ROLLOUT_PARTICIPANT)
        .set(ROLLOUT_PARTICIPANT.VERSION, ROLLOUT_PARTICIPANT.VERSION.plus(1))
        .set(ROLLOUT_PARTICIPANT.UPDATED_AT, DSL.currentOffsetDateTime())
        .where(ROLLOUT_PARTICIPANT.COMMUNITY_ID.eq(communityId), ROLLOUT_PARTICIPANT.ID.eq(id))
        .returningResult(ROLLOUT_PARTICIPANT.COMMUNITY_ID, ROLLOUT_PARTICIPANT.ID);
  }

  /** The community's own target of the metric, set or replaced beside the write. */
  static Query setTarget(Write.Row participant, String metricKey, double target) {
    return DSL.insertInto(
            ROLLOUT_TARGET,
            ROLLOUT_TARGET.COMMUNITY_ID,
            ROLLOUT_TARGET.PARTICIPANT_ID,
            ROLLOUT_TARGET.METRIC_KEY,
            ROLLOUT_TARGET.TARGET)
        .select(
            DSL.select(
                    participant.communityId(),
                    participant.id(),
                    DSL.val(metricKey),
                    DSL.val(target))
                .from(participant.table()))
        .onConflict(
            ROLLOUT_TARGET.COMMUNITY_ID, ROLLOUT_TARGET.PARTICIPANT_ID, ROLLOUT_TARGET.METRIC_KEY)
        .doUpdate()
        .set(ROLLOUT_TARGET.TARGET, DSL.excluded(ROLLOUT_TARGET.TARGET));
  }

  /** The community's own target of the metric removed beside the write: the project's again. */
  static Query clearTarget(Write.Row participant, String metricKey) {
    return DSL.deleteFrom(ROLLOUT_TARGET)
        .where(
            DSL.row(ROLLOUT_TARGET.COMMUNITY_ID, ROLLOUT_TARGET.PARTICIPANT_ID)
                .in(
                    DSL.select(participant.communityId(), participant.id())
                        .from(participant.table())),
            ROLLOUT_TARGET.METRIC_KEY.eq(metricKey));
  }

  /** The insert of a review, for a {@code Write}. */
  static ResultQuery<? extends Record> insertReview(
      UUID communityId,
      UUID id,
      UUID participantId,
      RolloutReviewDraft review,
      String reviewerId,
      String reviewerName) {
    return DSL.insertInto(ROLLOUT_REVIEW)
        .set(ROLLOUT_REVIEW.COMMUNITY_ID, communityId)
        .set(ROLLOUT_REVIEW.ID, id)
        .set(ROLLOUT_REVIEW.PARTICIPANT_ID, participantId)
        .set(ROLLOUT_REVIEW.QUARTER, review.quarter())
        .set(ROLLOUT_REVIEW.REVIEWED_ON, review.reviewedOn())
        .set(ROLLOUT_REVIEW.RATING, review.rating().name())
        .set(ROLLOUT_REVIEW.FINDINGS, review.findings())
        .set(ROLLOUT_REVIEW.REVIEWER_ID, reviewerId)
        .set(ROLLOUT_REVIEW.REVIEWER_NAME, reviewerName)
        .returningResult(ROLLOUT_REVIEW.COMMUNITY_ID, ROLLOUT_REVIEW.ID);
  }

  /**
   * The indicators' values frozen in the review the write made: for each of the participant's
   * targets, the community's snapshot as of the review's day, and whether it met the target.
   */
  static Query frozenValues(Write.Row review, UUID communityId, UUID participantId, LocalDate day) {
    Table<Record> targets = RolloutModels.targetsOf(communityId, participantId);
    Field<String> metric = DSL.field(DSL.name(targets.getName(), "metric_key"), String.class);
    Field<Integer> position = DSL.field(DSL.name(targets.getName(), "position"), Integer.class);
    Field<Double> target = DSL.field(DSL.name(targets.getName(), "target"), Double.class);
    Table<?> snapshot =
        DSL.lateral(MetricReadingModels.asOf(communityId, metric, day).asTable("frozen"));
    Field<Double> value = DSL.field(DSL.name("frozen", "value"), Double.class);
    return DSL.insertInto(
            ROLLOUT_REVIEW_VALUE,
            ROLLOUT_REVIEW_VALUE.COMMUNITY_ID,
            ROLLOUT_REVIEW_VALUE.REVIEW_ID,
            ROLLOUT_REVIEW_VALUE.METRIC_KEY,
            ROLLOUT_REVIEW_VALUE.POSITION,
            ROLLOUT_REVIEW_VALUE.TARGET,
            ROLLOUT_REVIEW_VALUE.DAY,
            ROLLOUT_REVIEW_VALUE.VALUE,
            ROLLOUT_REVIEW_VALUE.SAMPLE,
            ROLLOUT_REVIEW_VALUE.SUFFICIENT,
            ROLLOUT_REVIEW_VALUE.ON_TARGET)
        .select(
            DSL.select(
                    review.communityId(),
                    review.id(),
                    metric,
                    position,
                    target,
                    DSL.field(DSL.name("frozen", "day"), LocalDate.class),
                    value,
                    DSL.coalesce(
                        DSL.field(DSL.name("frozen", "sample"), Integer.class), DSL.inline(0)),
                    DSL.coalesce(
                        DSL.field(DSL.name("frozen", "sufficient"), Boolean.class),
                        DSL.inline(false)),
                    MetricReadingModels.meets(metric, value, target))
                .from(review.table())
                .crossJoin(targets)
                .leftJoin(snapshot)
                .on(DSL.trueCondition()));
  }

  /** The review's follow-up actions, written beside it. */
  static Query actions(Write.Row review, List<RolloutReviewDraft.Action> actions) {
    List<Select<? extends Record>> rows = new ArrayList<>();
    for (int i = 0; i < actions.size(); i++) {
      RolloutReviewDraft.Action action = actions.get(i);
      rows.add(
          DSL.select(
                  review.communityId(),
                  DSL.val(Ids.newId()),
                  review.id(),
                  DSL.val(i + 1),
                  DSL.val(action.description()),
                  DSL.val(action.ownerName()),
                  DSL.val(action.dueOn()))
              .from(review.table()));
    }
    return DSL.insertInto(
            ROLLOUT_ACTION,
            ROLLOUT_ACTION.COMMUNITY_ID,
            ROLLOUT_ACTION.ID,
            ROLLOUT_ACTION.REVIEW_ID,
            ROLLOUT_ACTION.POSITION,
            ROLLOUT_ACTION.DESCRIPTION,
            ROLLOUT_ACTION.OWNER_NAME,
            ROLLOUT_ACTION.DUE_ON)
        .select(Write.eachOf(rows));
  }

  /**
   * The action marked done on {@code on} if it is still open and at {@code expectedVersion}, for a
   * {@code Write}: nothing returned when it is not.
   */
  static ResultQuery<? extends Record> complete(
      UUID communityId, UUID id, LocalDate on, String note, int expectedVersion) {
    return DSL.update(ROLLOUT_ACTION)
        .set(ROLLOUT_ACTION.DONE_ON, on)
        .set(ROLLOUT_ACTION.DONE_NOTE, note)
        .set(ROLLOUT_ACTION.VERSION, ROLLOUT_ACTION.VERSION.plus(1))
        .set(ROLLOUT_ACTION.UPDATED_AT, DSL.currentOffsetDateTime())
        .where(
            ROLLOUT_ACTION.COMMUNITY_ID.eq(communityId),
            ROLLOUT_ACTION.ID.eq(id),
            ROLLOUT_ACTION.VERSION.eq(expectedVersion),
            ROLLOUT_ACTION.DONE_ON.isNull())
        .returningResult(ROLLOUT_ACTION.COMMUNITY_ID, ROLLOUT_ACTION.ID);
  }
}
