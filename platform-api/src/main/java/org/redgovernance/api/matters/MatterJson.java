package org.redgovernance.api.matters;

import static org.redgovernance.api.matters.MatterRepository.ASSIGNED_BODY;
import static org.redgovernance.api.matters.MatterRepository.ASSIGNED_MEMBER;
import static org.redgovernance.api.matters.MatterRepository.ASSIGNED_RESIDENT;
import static org.redgovernance.api.matters.MatterRepository.LATEST;
import static org.redgovernance.api.matters.MatterRepository.PLACE_BUILDING;
import static org.redgovernance.api.matters.MatterRepository.PLACE_HOUSEHOLD;
import static org.redgovernance.api.matters.MatterRepository.REPORTER;
import static org.redgovernance.api.matters.MatterRepository.SUB;
import static org.redgovernance.database.jooq.Tables.MATTER;
import static org.redgovernance.database.jooq.Tables.MATTER_EVENT;

import java.time.LocalDate;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.impl.DSL;
import org.redgovernance.api.readmodel.JsonShape;
import org.redgovernance.api.readmodel.JsonSql;
import org.redgovernance.api.readmodel.Renderings;

/**
 * {@code Matter} as PostgreSQL writes it for a caller who sees matters whole (staff and oversight):
 * every field of the board's statement, the same values {@link MatterRepository} and {@link
 * MatterController} give field by field. Lists below a matter (timeline, comments, attachments) are
 * not here; a selection with them is resolved field by field.
 */
final class MatterJson {

  private MatterJson() {}

  private static final JsonShape PERSON =
      JsonShape.builder()
          .value(
              "residentId",
              JsonSql.globalId(
                  MatterRepository.RESIDENT_TYPE, MATTER.COMMUNITY_ID, MATTER.REPORTER_RESIDENT_ID))
          .value("name", REPORTER.NAME)
          .value("address", REPORTER.ADDRESS)
          .build();

  private static final Field<String> ASSIGNEE_KIND =
      DSL.when(MATTER.ASSIGNEE_BODY_ID.isNotNull(), DSL.inline(Matter.AssigneeKind.BODY.name()))
          .when(
              MATTER.ASSIGNEE_RESIDENT_ID.isNotNull(),
              DSL.inline(Matter.AssigneeKind.RESIDENT.name()))
          .when(
              MATTER.ASSIGNEE_PARTY_MEMBER_ID.isNotNull(),
              DSL.inline(Matter.AssigneeKind.PARTY_MEMBER.name()));

  private static final Field<JSON> ASSIGNEE_ID =
      DSL.when(
              MATTER.ASSIGNEE_BODY_ID.isNotNull(),
              JsonSql.globalId(
                  MatterRepository.BODY_TYPE, MATTER.COMMUNITY_ID, MATTER.ASSIGNEE_BODY_ID))
          .when(
              MATTER.ASSIGNEE_RESIDENT_ID.isNotNull(),
              JsonSql.globalId(
                  MatterRepository.RESIDENT_TYPE, MATTER.COMMUNITY_ID, MATTER.ASSIGNEE_RESIDENT_ID))
          .otherwise(
              JsonSql.globalId(
                  MatterRepository.PARTY_MEMBER_TYPE,
                  MATTER.COMMUNITY_ID,
                  MATTER.ASSIGNEE_PARTY_MEMBER_ID));

  private static final JsonShape ASSIGNEE =
      JsonShape.builder()
          .value("kind", ASSIGNEE_KIND)
          .value("assigneeId", ASSIGNEE_ID)
          .value("id", ASSIGNEE_ID)
          .value(
              "name",
              DSL.when(MATTER.ASSIGNEE_BODY_ID.isNotNull(), ASSIGNED_BODY.NAME)
                  .when(MATTER.ASSIGNEE_RESIDENT_ID.isNotNull(), ASSIGNED_RESIDENT.NAME)
                  .otherwise(ASSIGNED_MEMBER.NAME))
          .build();

  private static final JsonShape LOCATION =
      JsonShape.builder()
          .value(
              "buildingId",
              JsonSql.globalId(
                  MatterRepository.BUILDING_TYPE, MATTER.COMMUNITY_ID, MATTER.BUILDING_ID))
          .value("building", PLACE_BUILDING.NUMBER)
          .value(
              "householdId",
              JsonSql.globalId(
                  MatterRepository.HOUSEHOLD_TYPE, MATTER.COMMUNITY_ID, MATTER.HOUSEHOLD_ID))
          .value("household", PLACE_HOUSEHOLD.ADDRESS)
          .value("description", MATTER.LOCATION_TEXT)
          .build();

  private static final JsonShape SUBCATEGORY =
      JsonShape.builder()
          .value(
              "id",
              JsonSql.globalId(Matter.SUBCATEGORY_TYPE, MATTER.COMMUNITY_ID, MATTER.SUBCATEGORY_ID))
          .value("category", MATTER.CATEGORY)
          .value("name", SUB.NAME)
          .build();

  private static final JsonShape TIMELINE_ENTRY =
      JsonShape.builder()
          .dateTime("at", LATEST.field(MATTER_EVENT.OCCURRED_AT))
          .value("actorName", LATEST.field(MATTER_EVENT.ACTOR_NAME))
          .value("from", LATEST.field(MATTER_EVENT.FROM_STATUS))
          .value("to", LATEST.field(MATTER_EVENT.TO_STATUS))
          .value("note", LATEST.field(MATTER_EVENT.NOTE))
          .build();

  /** What {@link #whole} rendered for each selection; the same for every caller and day. */
  private static final Renderings WHOLE = new Renderings();

  /** How many selections of {@link #whole} are kept rendered. */
  static int remembered() {
    return WHOLE.size();
  }

  /**
   * The matter for a caller who sees it whole; {@code userId} and {@code today} as on the board.
   * They are bound, never inlined: a selection of a field that uses them is rendered every time.
   */
  static JsonShape whole(String userId, LocalDate today) {
    return JsonShape.builder()
        .remembered(WHOLE)
        .value("id", JsonSql.globalId(Matter.TYPE, MATTER.COMMUNITY_ID, MATTER.ID))
        .value("title", MATTER.TITLE)
        .value("description", MATTER.DESCRIPTION)
        .value("category", MATTER.CATEGORY)
        .object("subcategory", MATTER.SUBCATEGORY_ID.isNotNull(), SUBCATEGORY)
        .value("source", MATTER.SOURCE)
        .value("status", MATTER.STATUS)
        .value("isPublic", MATTER.PUBLIC)
        .object("reporter", MATTER.REPORTER_RESIDENT_ID.isNotNull(), PERSON)
        .value("raisedByName", MATTER.RAISED_BY_NAME)
        .object("location", LOCATION)
        .object("assignee", ASSIGNEE_KIND.isNotNull(), ASSIGNEE)
        .date("dueOn", MATTER.DUE_ON)
        .value(
            "overdue", DSL.coalesce(DSL.field(MatterRepository.overdue(today)), DSL.inline(false)))
        .value("resolution", MATTER.RESOLUTION)
        .value("rating", MATTER.RATING)
        .value("ratingComment", MATTER.RATING_COMMENT)
        .dateTime("reportedAt", MATTER.REPORTED_AT)
        .dateTime("resolvedAt", MATTER.RESOLVED_AT)
        .dateTime("verifiedAt", MATTER.VERIFIED_AT)
        .dateTime("closedAt", MATTER.CLOSED_AT)
        .object("latestEntry", LATEST.field(MATTER_EVENT.ID).isNotNull(), TIMELINE_ENTRY)
        .value("supportCount", MatterRepository.SUPPORTERS)
        .value("supportedByMe", MatterRepository.supportedBy(userId))
        .value("mine", MatterRepository.mineOrFalse(userId))
        .value("version", MATTER.VERSION)
        .dateTime("createdAt", MATTER.CREATED_AT)
        .dateTime("updatedAt", MATTER.UPDATED_AT)
        .build();
  }
}
