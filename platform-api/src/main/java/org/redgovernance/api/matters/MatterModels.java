package org.redgovernance.api.matters;

import static org.redgovernance.database.jooq.Tables.BODY_CARD;
import static org.redgovernance.database.jooq.Tables.BUILDING_CARD;
import static org.redgovernance.database.jooq.Tables.HOUSEHOLD_CARD;
import static org.redgovernance.database.jooq.Tables.MATTER;
import static org.redgovernance.database.jooq.Tables.MATTER_ATTACHMENT;
import static org.redgovernance.database.jooq.Tables.MATTER_COMMENT;
import static org.redgovernance.database.jooq.Tables.MATTER_EVENT;
import static org.redgovernance.database.jooq.Tables.MATTER_SUBCATEGORY;
import static org.redgovernance.database.jooq.Tables.MATTER_SUPPORT;
import static org.redgovernance.database.jooq.Tables.RESIDENT_CARD;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.redgovernance.api.communities.CommunityModels;
import org.redgovernance.api.graphql.FilterValues;
import org.redgovernance.api.readmodel.Arguments;
import org.redgovernance.api.readmodel.InCommunities;
import org.redgovernance.api.readmodel.JsonSql;
import org.redgovernance.api.readmodel.Keyset;
import org.redgovernance.api.readmodel.ModelRef;
import org.redgovernance.api.readmodel.ObjectModel;
import org.redgovernance.api.readmodel.ReadRequest;
import org.redgovernance.api.roster.RosterModels;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.database.jooq.tables.Community;
import org.redgovernance.database.jooq.tables.Matter;
import org.redgovernance.database.jooq.tables.MatterComment;
import org.redgovernance.database.jooq.tables.MatterEvent;
import org.redgovernance.database.jooq.tables.MatterSubcategory;
import org.redgovernance.database.jooq.tables.ResidentCard;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code Matter} and its parts as the read model declares them, and the board on {@code Community}.
 * Who sees which matter, and how much of it, is {@link MatterVisibility} written in SQL here, once:
 * staff and oversight see every matter whole; everyone else their own matters whole and the public
 * ones once accepted, without who raised them, from which home, or the reporter's words with their
 * rating.
 */
@Configuration(proxyBeanMethods = false)
class MatterModels {

  static final ModelRef<Matter> MATTERS = new ModelRef<>(MatterTypes.MATTER, MATTER::as);
  static final ModelRef<Matter> LOCATIONS = new ModelRef<>("MatterLocation", MATTER::as);
  static final ModelRef<Matter> ASSIGNEES = new ModelRef<>("MatterAssignee", MATTER::as);
  static final ModelRef<ResidentCard> PEOPLE = new ModelRef<>("MatterPerson", RESIDENT_CARD::as);
  static final ModelRef<MatterEvent> ENTRIES =
      new ModelRef<>("MatterTimelineEntry", MATTER_EVENT::as);
  static final ModelRef<MatterComment> COMMENTS =
      new ModelRef<>(MatterTypes.COMMENT, MATTER_COMMENT::as);
  static final ModelRef<org.redgovernance.database.jooq.tables.MatterAttachment> ATTACHMENTS =
      new ModelRef<>(MatterTypes.ATTACHMENT, MATTER_ATTACHMENT::as);
  static final ModelRef<MatterSubcategory> SUBCATEGORIES =
      new ModelRef<>(MatterTypes.SUBCATEGORY, MATTER_SUBCATEGORY::as);

  /** The board's order: newest first. */
  static final Keyset<Matter> NEWEST_FIRST =
      Keyset.newestFirst(matter -> matter.REPORTED_AT, matter -> matter.ID);

  /** A conversation's order: oldest first. */
  static final Keyset<MatterComment> OLDEST_FIRST =
      Keyset.oldestFirst(comment -> comment.CREATED_AT, comment -> comment.ID);

  private static final String RESIDENT = "Resident";

  @Bean
  ObjectModel<Matter> matterModel() {
    return ObjectModel.of(MATTERS)
        .rows((matter, request) -> visible(matter, request.scope()))
        .id(matter -> matter.COMMUNITY_ID, matter -> matter.ID)
        .value("title", matter -> matter.TITLE)
        .value("description", matter -> matter.DESCRIPTION)
        .value("category", matter -> matter.CATEGORY)
        .reference(
            "subcategory",
            SUBCATEGORIES,
            sub -> List.of(sub.COMMUNITY_ID, sub.ID),
            matter -> List.of(matter.COMMUNITY_ID, matter.SUBCATEGORY_ID))
        .value("source", matter -> matter.SOURCE)
        .value("status", matter -> matter.STATUS)
        .value("isPublic", matter -> matter.PUBLIC)
        .object(
            "reporter",
            PEOPLE,
            (matter, person, request) ->
                person
                    .COMMUNITY_ID
                    .eq(matter.COMMUNITY_ID)
                    .and(person.ID.eq(matter.REPORTER_RESIDENT_ID))
                    .and(whole(matter, request.scope())))
        .value("raisedByName", (matter, request) -> ifWhole(matter, request, matter.RAISED_BY_NAME))
        .part("location", LOCATIONS, (matter, request) -> DSL.trueCondition())
        .part("assignee", ASSIGNEES, (matter, request) -> assigned(matter))
        .date("dueOn", matter -> matter.DUE_ON)
        .value(
            "overdue",
            (matter, request) ->
                DSL.coalesce(DSL.field(overdue(matter, request.today())), DSL.inline(false)))
        .value("resolution", matter -> matter.RESOLUTION)
        .value("rating", matter -> matter.RATING)
        .value(
            "ratingComment", (matter, request) -> ifWhole(matter, request, matter.RATING_COMMENT))
        .dateTime("reportedAt", matter -> matter.REPORTED_AT)
        .dateTime("resolvedAt", matter -> matter.RESOLVED_AT)
        .dateTime("verifiedAt", matter -> matter.VERIFIED_AT)
        .dateTime("closedAt", matter -> matter.CLOSED_AT)
        .object(
            "latestEntry",
            ENTRIES,
            MatterModels::entryOf,
            entry -> List.of(entry.OCCURRED_AT.desc(), entry.ID.desc()))
        .list(
            "timeline",
            ENTRIES,
            MatterModels::entryOf,
            entry -> List.of(entry.OCCURRED_AT, entry.ID))
        .value("supportCount", MatterModels::supporters)
        .value("supportedByMe", MatterModels::supportedByCaller)
        .value(
            "mine", (matter, request) -> DSL.field(mine(matter, request.scope().caller().userId())))
        .connection(
            "comments",
            COMMENTS,
            (matter, comment) ->
                comment.COMMUNITY_ID.eq(matter.COMMUNITY_ID).and(comment.MATTER_ID.eq(matter.ID)),
            OLDEST_FIRST,
            (comment, arguments) -> DSL.noCondition())
        .list(
            "attachments",
            ATTACHMENTS,
            (matter, attachment) ->
                attachment
                    .COMMUNITY_ID
                    .eq(matter.COMMUNITY_ID)
                    .and(attachment.MATTER_ID.eq(matter.ID)),
            attachment -> List.of(attachment.CREATED_AT, attachment.ID))
        .value("version", matter -> matter.VERSION)
        .dateTime("createdAt", matter -> matter.CREATED_AT)
        .dateTime("updatedAt", matter -> matter.UPDATED_AT)
        .build();
  }

  @Bean
  ObjectModel<Matter> matterLocationModel() {
    return ObjectModel.of(LOCATIONS)
        .value(
            "buildingId",
            matter -> JsonSql.globalId("Building", matter.COMMUNITY_ID, matter.BUILDING_ID))
        .value("building", MatterModels::buildingNumber)
        // the household says whose home it is: hidden like the reporter
        .value(
            "householdId",
            (matter, request) ->
                ifWhole(
                    matter,
                    request,
                    JsonSql.globalId("Household", matter.COMMUNITY_ID, matter.HOUSEHOLD_ID)))
        .value("household", (matter, request) -> ifWhole(matter, request, householdAddress(matter)))
        .value("description", matter -> matter.LOCATION_TEXT)
        .build();
  }

  @Bean
  ObjectModel<Matter> matterAssigneeModel() {
    return ObjectModel.of(ASSIGNEES)
        .value(
            "kind",
            matter ->
                DSL.when(matter.ASSIGNEE_BODY_ID.isNotNull(), DSL.inline("BODY"))
                    .when(matter.ASSIGNEE_RESIDENT_ID.isNotNull(), DSL.inline("RESIDENT"))
                    .otherwise(DSL.inline("PARTY_MEMBER")))
        .value("assigneeId", MatterModels::assigneeId)
        .value("id", MatterModels::assigneeId)
        .value(
            "name",
            matter ->
                DSL.when(
                        matter.ASSIGNEE_BODY_ID.isNotNull(),
                        DSL.field(
                            DSL.select(BODY_CARD.NAME)
                                .from(BODY_CARD)
                                .where(
                                    BODY_CARD.COMMUNITY_ID.eq(matter.COMMUNITY_ID),
                                    BODY_CARD.ID.eq(matter.ASSIGNEE_BODY_ID))))
                    .otherwise(
                        RosterModels.personName(
                            matter.COMMUNITY_ID,
                            matter.ASSIGNEE_RESIDENT_ID,
                            matter.ASSIGNEE_PARTY_MEMBER_ID)))
        .build();
  }

  @Bean
  ObjectModel<ResidentCard> matterPersonModel() {
    return ObjectModel.of(PEOPLE)
        .value("residentId", person -> JsonSql.globalId(RESIDENT, person.COMMUNITY_ID, person.ID))
        .value("name", person -> person.NAME)
        .value("address", person -> person.ADDRESS)
        .build();
  }

  @Bean
  ObjectModel<MatterEvent> timelineEntryModel() {
    return ObjectModel.of(ENTRIES)
        .dateTime("at", entry -> entry.OCCURRED_AT)
        .value("actorName", MatterModels::actorName)
        .value("from", entry -> entry.FROM_STATUS)
        .value("to", entry -> entry.TO_STATUS)
        .value("note", entry -> entry.NOTE)
        .build();
  }

  @Bean
  ObjectModel<MatterSubcategory> subcategoryModel() {
    return ObjectModel.of(SUBCATEGORIES)
        .rows((sub, request) -> InCommunities.inScope(sub.COMMUNITY_ID, request.scope()))
        .id(sub -> sub.COMMUNITY_ID, sub -> sub.ID)
        .value("category", sub -> sub.CATEGORY)
        .value("name", sub -> sub.NAME)
        .build();
  }

  @Bean
  ObjectModel<MatterComment> commentModel() {
    return ObjectModel.of(COMMENTS)
        .rows(
            (comment, request) -> ofVisibleMatter(comment.COMMUNITY_ID, comment.MATTER_ID, request))
        .id(comment -> comment.COMMUNITY_ID, comment -> comment.ID)
        .value("authorName", MatterModels::authorName)
        .value("staff", comment -> comment.STAFF)
        .value("body", comment -> comment.BODY)
        .dateTime("createdAt", comment -> comment.CREATED_AT)
        .build();
  }

  @Bean
  ObjectModel<org.redgovernance.database.jooq.tables.MatterAttachment> attachmentModel(
      AttachmentLinks links) {
    return ObjectModel.of(ATTACHMENTS)
        .rows(
            (attachment, request) ->
                ofVisibleMatter(attachment.COMMUNITY_ID, attachment.MATTER_ID, request))
        .id(attachment -> attachment.COMMUNITY_ID, attachment -> attachment.ID)
        .value("fileName", attachment -> attachment.FILE_NAME)
        .value("contentType", attachment -> attachment.CONTENT_TYPE)
        .value("size", attachment -> attachment.SIZE_BYTES)
        .dateTime("uploadedAt", attachment -> attachment.CREATED_AT)
        .value(
            "url",
            attachment ->
                JsonSql.globalId(
                    AttachmentLinks.PATH,
                    MatterTypes.ATTACHMENT,
                    attachment.COMMUNITY_ID,
                    attachment.ID))
        // signed in Java (AttachmentLinks), expiring with the request's one clock
        .computed(
            "signedUrl",
            AttachmentLinks.KIND,
            (attachment, request) ->
                DSL.val(Long.toString(links.expiry(request.now().toInstant()).getEpochSecond())))
        .value(
            "signedUrlExpiresAt",
            (attachment, request) ->
                DSL.val(
                    links.expiry(request.now().toInstant()).atOffset(ZoneOffset.UTC).toString()))
        .build();
  }

  /** The board, the community's subcategories. */
  @Bean
  ObjectModel<Community> communityMatters() {
    return ObjectModel.extension(CommunityModels.COMMUNITIES)
        .connection(
            "matters",
            MATTERS,
            (community, matter) -> matter.COMMUNITY_ID.eq(community.ID),
            NEWEST_FIRST,
            (matter, arguments, request) -> boardFilter(matter, arguments, request))
        .list(
            "matterSubcategories",
            SUBCATEGORIES,
            (community, sub) -> sub.COMMUNITY_ID.eq(community.ID),
            sub -> List.of(sub.CATEGORY, sub.NAME))
        .build();
  }

  // --- who sees what: MatterVisibility in SQL

  /** The matters the caller may see, community by community. */
  static Condition visible(Matter matter, AccessScope scope) {
    List<UUID> whole = seeingAll(scope, true);
    List<UUID> others = seeingAll(scope, false);
    Condition seen = InCommunities.of(matter.COMMUNITY_ID, whole);
    if (others.isEmpty()) {
      return seen;
    }
    return seen.or(
        InCommunities.of(matter.COMMUNITY_ID, others)
            .and(mine(matter, scope.caller().userId()).or(publiclyVisible(matter))));
  }

  /** Whether the caller sees this matter whole: staff and oversight, or its reporter. */
  private static Condition whole(Matter matter, AccessScope scope) {
    List<UUID> others = seeingAll(scope, false);
    if (others.isEmpty()) {
      return DSL.trueCondition();
    }
    return InCommunities.notOf(matter.COMMUNITY_ID, others)
        .or(mine(matter, scope.caller().userId()));
  }

  /** Raised by the caller, or raised for the resident their login is linked to. */
  static Condition mine(Matter matter, String userId) {
    ResidentCard reporter = RESIDENT_CARD.as("mine_reporter");
    return matter
        .RAISED_BY_USER_ID
        .eq(userId)
        .or(
            DSL.exists(
                DSL.selectOne()
                    .from(reporter)
                    .where(
                        reporter.COMMUNITY_ID.eq(matter.COMMUNITY_ID),
                        reporter.ID.eq(matter.REPORTER_RESIDENT_ID),
                        reporter.USER_ID.eq(userId))));
  }

  /** Public and accepted: what every resident of the community may see. */
  static Condition publiclyVisible(Matter matter) {
    return matter
        .PUBLIC
        .isTrue()
        .and(matter.STATUS.notIn(MatterStatus.REPORTED.name(), MatterStatus.REJECTED.name()));
  }

  /** Past its due date and not resolved. */
  static Condition overdue(Matter matter, LocalDate today) {
    return matter
        .DUE_ON
        .lt(today)
        .and(matter.STATUS.in(MatterStatus.IN_PROGRESS.name(), MatterStatus.REOPENED.name()));
  }

  /** The caller's communities where their roles show them every matter (or do not). */
  private static List<UUID> seeingAll(AccessScope scope, boolean seesAll) {
    return InCommunities.ids(scope, community -> MatterVisibility.seesAll(community) == seesAll);
  }

  private static <V> Field<V> ifWhole(Matter matter, ReadRequest request, Field<V> value) {
    AccessScope scope = request.scope();
    return seeingAll(scope, false).isEmpty() ? value : DSL.when(whole(matter, scope), value);
  }

  /** A part of a matter the caller may see: a comment or a file of a matter they see. */
  private static Condition ofVisibleMatter(
      Field<UUID> communityId, Field<UUID> matterId, ReadRequest request) {
    if (seeingAll(request.scope(), false).isEmpty()) {
      return InCommunities.inScope(communityId, request.scope());
    }
    Matter matter = MATTER.as("part_of");
    return DSL.exists(
        DSL.selectOne()
            .from(matter)
            .where(
                matter.COMMUNITY_ID.eq(communityId),
                matter.ID.eq(matterId),
                visible(matter, request.scope())));
  }

  // --- the parts' SQL

  private static Condition entryOf(Matter matter, MatterEvent entry) {
    return entry.COMMUNITY_ID.eq(matter.COMMUNITY_ID).and(entry.MATTER_ID.eq(matter.ID));
  }

  /**
   * Who took a step, except the raiser's own steps to a caller who may not know who raised the
   * matter.
   */
  private static Field<String> actorName(MatterEvent entry, ReadRequest request) {
    if (seeingAll(request.scope(), false).isEmpty()) {
      return entry.ACTOR_NAME;
    }
    Matter matter = MATTER.as("entry_of");
    Condition hidden =
        DSL.exists(
            DSL.selectOne()
                .from(matter)
                .where(
                    matter.COMMUNITY_ID.eq(entry.COMMUNITY_ID),
                    matter.ID.eq(entry.MATTER_ID),
                    matter.RAISED_BY_USER_ID.eq(entry.ACTOR_ID),
                    DSL.not(whole(matter, request.scope()))));
    return DSL.when(hidden, DSL.inline((String) null)).otherwise(entry.ACTOR_NAME);
  }

  /** Residents see a neighbour's surname only, so that they talk openly without exposure. */
  private static Field<String> authorName(MatterComment comment, ReadRequest request) {
    List<UUID> others = seeingAll(request.scope(), false);
    if (others.isEmpty()) {
      return comment.AUTHOR_NAME;
    }
    Condition shown =
        InCommunities.notOf(comment.COMMUNITY_ID, others)
            .or(comment.STAFF.isTrue())
            .or(comment.AUTHOR_ID.eq(request.scope().caller().userId()));
    return DSL.when(shown, comment.AUTHOR_NAME)
        .when(comment.AUTHOR_NAME.eq(""), DSL.inline("居民"))
        .otherwise(DSL.substring(comment.AUTHOR_NAME, 1, 1).concat(DSL.inline("**")));
  }

  private static Field<Integer> supporters(Matter matter) {
    return DSL.field(
        DSL.selectCount()
            .from(MATTER_SUPPORT)
            .where(
                MATTER_SUPPORT.COMMUNITY_ID.eq(matter.COMMUNITY_ID),
                MATTER_SUPPORT.MATTER_ID.eq(matter.ID)));
  }

  private static Field<Boolean> supportedByCaller(Matter matter, ReadRequest request) {
    return DSL.field(
        DSL.exists(
            DSL.selectOne()
                .from(MATTER_SUPPORT)
                .join(RESIDENT_CARD)
                .on(
                    RESIDENT_CARD.COMMUNITY_ID.eq(MATTER_SUPPORT.COMMUNITY_ID),
                    RESIDENT_CARD.ID.eq(MATTER_SUPPORT.RESIDENT_ID))
                .where(
                    MATTER_SUPPORT.COMMUNITY_ID.eq(matter.COMMUNITY_ID),
                    MATTER_SUPPORT.MATTER_ID.eq(matter.ID),
                    RESIDENT_CARD.USER_ID.eq(request.scope().caller().userId()))));
  }

  private static Condition assigned(Matter matter) {
    return matter
        .ASSIGNEE_BODY_ID
        .isNotNull()
        .or(matter.ASSIGNEE_RESIDENT_ID.isNotNull())
        .or(matter.ASSIGNEE_PARTY_MEMBER_ID.isNotNull());
  }

  private static Field<?> assigneeId(Matter matter) {
    return DSL.when(
            matter.ASSIGNEE_BODY_ID.isNotNull(),
            JsonSql.globalId("GovernanceBody", matter.COMMUNITY_ID, matter.ASSIGNEE_BODY_ID))
        .when(
            matter.ASSIGNEE_RESIDENT_ID.isNotNull(),
            JsonSql.globalId(RESIDENT, matter.COMMUNITY_ID, matter.ASSIGNEE_RESIDENT_ID))
        .otherwise(
            JsonSql.globalId("PartyMember", matter.COMMUNITY_ID, matter.ASSIGNEE_PARTY_MEMBER_ID));
  }

  private static Field<String> buildingNumber(Matter matter) {
    return DSL.field(
        DSL.select(BUILDING_CARD.NUMBER)
            .from(BUILDING_CARD)
            .where(
                BUILDING_CARD.COMMUNITY_ID.eq(matter.COMMUNITY_ID),
                BUILDING_CARD.ID.eq(matter.BUILDING_ID)));
  }

  private static Field<String> householdAddress(Matter matter) {
    return DSL.field(
        DSL.select(HOUSEHOLD_CARD.ADDRESS)
            .from(HOUSEHOLD_CARD)
            .where(
                HOUSEHOLD_CARD.COMMUNITY_ID.eq(matter.COMMUNITY_ID),
                HOUSEHOLD_CARD.ID.eq(matter.HOUSEHOLD_ID)));
  }

  // --- the board's filter: every field left out matches all

  @SuppressWarnings("unchecked")
  private static Condition boardFilter(
      Matter matter, Map<String, Object> arguments, ReadRequest request) {
    Map<String, Object> filter = Arguments.input(arguments, "filter");
    Condition where = DSL.noCondition();
    List<String> statuses =
        FilterValues.anyOf((List<String>) filter.get("statuses"), (String) null);
    if (statuses != null) {
      where = where.and(matter.STATUS.in(statuses));
    }
    List<String> categories =
        FilterValues.anyOf((List<String>) filter.get("categories"), (String) null);
    if (categories != null) {
      where = where.and(matter.CATEGORY.in(categories));
    }
    List<String> sources =
        FilterValues.anyOf((List<String>) filter.get("sources"), (String) filter.get("source"));
    if (sources != null) {
      where = where.and(matter.SOURCE.in(sources));
    }
    if (Boolean.TRUE.equals(filter.get("mine"))) {
      where = where.and(mine(matter, request.scope().caller().userId()));
    }
    if (Boolean.TRUE.equals(filter.get("overdue"))) {
      where = where.and(overdue(matter, request.today()));
    }
    return where;
  }
}
