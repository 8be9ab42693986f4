package org.redgovernance.api.matters;

import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.commands.Commands;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.graphql.Refusal;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.matters.MatterMutations.AddMatterSubcategoryInput;
import org.redgovernance.api.matters.MatterMutations.CommentOnMatterInput;
import org.redgovernance.api.matters.MatterMutations.MatterIdInput;
import org.redgovernance.api.matters.MatterMutations.ReportMatterInput;
import org.redgovernance.api.matters.MatterRepository.NewMatter;
import org.redgovernance.api.notifications.Notifications;
import org.redgovernance.api.readmodel.Changed;
import org.redgovernance.api.security.CommunityRole;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.MutationTargets;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.database.Ids;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Raising a matter, "me too" support, comments and the community's subcategories, each a command
 * ({@link Commands}). A resident raises matters for themselves (their login must be linked to their
 * roster entry); staff raise them on a resident's behalf or, for what they found themselves,
 * without one.
 */
@Controller
class MatterMutationController {

  static final int MAX_TITLE = 100;
  static final int MAX_DESCRIPTION = 5000;
  static final int MAX_LOCATION = 200;
  static final int MAX_COMMENT = 2000;
  static final int MAX_SUBCATEGORY = 50;

  private static final MutationTargets.Rule MEMBERS =
      new MutationTargets.Rule(
          community -> !community.roles().isEmpty(),
          "Only people of the community may raise matters there");
  private static final MutationTargets.Rule MANAGERS =
      new MutationTargets.Rule(
          MatterStep.Actor.MANAGERS::allows,
          "Only the community's admin or party secretary may add subcategories");

  private final MatterRepository matters;
  private final Commands commands;

  MatterMutationController(MatterRepository matters, Commands commands) {
    this.matters = matters;
    this.commands = commands;
  }

  /**
   * The matter, its first timeline entry, its audit record and its event in one statement; the
   * caller's own resident is looked up in it too.
   */
  @MutationMapping
  Map<String, Object> reportMatter(
      @Argument ReportMatterInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return commands.run(
        environment,
        scope,
        MutationTargets.community(input.communityKey(), scope, MEMBERS),
        "matter",
        command -> {
          ReachableCommunity community = command.community();
          String title = text(input.title());
          String description = text(input.description());
          String locationText = text(input.locationText());
          if (title.isEmpty() || title.length() > MAX_TITLE) {
            throw invalid("A title of 1 to " + MAX_TITLE + " characters", "title");
          }
          if (description.isEmpty() || description.length() > MAX_DESCRIPTION) {
            throw invalid(
                "A description of 1 to " + MAX_DESCRIPTION + " characters", "description");
          }
          if (input.category() == null) {
            throw invalid("Choose a category", "category");
          }
          if (locationText.length() > MAX_LOCATION) {
            throw invalid("At most " + MAX_LOCATION + " characters", "locationText");
          }
          MatterSource source =
              input.source() == null ? MatterSource.RESIDENT_TALK : input.source();
          boolean staff = actsForOthers(community);
          String userId = command.scope().caller().userId();
          DSLContext dsl = command.dsl();
          Field<UUID> reporter = reporter(dsl, community, input.reporterId(), staff, userId);
          UUID subcategory = subcategory(dsl, community, input);
          UUID household = local(input.householdId(), "Household", community);
          UUID building = local(input.buildingId(), "Building", community);
          if (input.householdId() != null) {
            Optional<UUID> itsBuilding =
                household == null
                    ? Optional.empty()
                    : matters.buildingOfHousehold(dsl, community.id(), household);
            if (itsBuilding.isEmpty()) {
              throw Refusal.because(UserError.Code.NOT_FOUND, "No such household", "householdId");
            }
            if (input.buildingId() != null && !itsBuilding.get().equals(building)) {
              throw invalid("The household is not in that building", "buildingId");
            }
            building = itsBuilding.get();
          } else if (input.buildingId() != null
              && (building == null || !matters.buildingExists(dsl, community.id(), building))) {
            throw Refusal.because(UserError.Code.NOT_FOUND, "No such building", "buildingId");
          }
          UUID id = Ids.newId();
          String name = command.scope().caller().displayName();
          Record reported =
              command
                  .write(
                      matters.report(
                          new NewMatter(
                              community.id(),
                              id,
                              title,
                              description,
                              input.category(),
                              subcategory,
                              source,
                              userId,
                              name,
                              building,
                              household,
                              locationText.isEmpty() ? null : locationText,
                              Boolean.TRUE.equals(input.isPublic())),
                          reporter))
                  .alongside(
                      row ->
                          MatterRepository.timelineEntry(
                              row, userId, name, null, MatterStatus.REPORTED, null))
                  .audited(
                      "matter.reported",
                      MatterTypes.MATTER,
                      Map.of("category", input.category().name(), "source", source.name()))
                  .announced(MatterWorkflow.TOPIC, "REPORTED")
                  .execute()
                  .get(0);
          Refusal unlinked =
              reported.get("reporter_resident_id") == null ? unlinked(staff, source) : null;
          if (unlinked != null) {
            throw unlinked;
          }
          return new Changed(MatterTypes.MATTER, community.id(), id);
        });
  }

  @MutationMapping
  Map<String, Object> supportMatter(
      @Argument MatterIdInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return feedbackOn(
        environment,
        input.id(),
        scope,
        "SUPPORTED",
        (matter, resident) -> {
          if (matter.mine()) {
            throw invalid("Your own matter needs no support from you", "id");
          }
          if (!matter.isPublic() || matter.status().isFinal()) {
            throw Refusal.because(
                UserError.Code.ILLEGAL_TRANSITION,
                "Only public matters still open can be supported",
                "id");
          }
          return MatterFeedbackRepository.support(matter.communityId(), matter.id(), resident);
        },
        () -> Refusal.because(UserError.Code.DUPLICATE, "You support this matter already", "id"));
  }

  @MutationMapping
  Map<String, Object> withdrawMatterSupport(
      @Argument MatterIdInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return feedbackOn(
        environment,
        input.id(),
        scope,
        "SUPPORT_WITHDRAWN",
        (matter, resident) ->
            MatterFeedbackRepository.withdrawSupport(matter.communityId(), matter.id(), resident),
        () -> invalid("You have not supported this matter", "id"));
  }

  @MutationMapping
  Map<String, Object> commentOnMatter(
      @Argument CommentOnMatterInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    String body = text(input.body());
    return commands.run(
        environment,
        scope,
        MatterWorkflow.target(scope, input.id()),
        "comment",
        command -> {
          ReachableCommunity community = command.community();
          MatterState matter = visibleMatter(command);
          mayAdd(community, "comment on matters");
          if (matter.status().isFinal()) {
            throw Refusal.because(
                UserError.Code.ILLEGAL_TRANSITION, "The matter is closed to comments", "id");
          }
          if (body.isEmpty() || body.length() > MAX_COMMENT) {
            throw invalid("A comment of 1 to " + MAX_COMMENT + " characters", "body");
          }
          UUID id = Ids.newId();
          command
              .write(
                  MatterFeedbackRepository.comment(
                      community.id(),
                      id,
                      matter.id(),
                      command.scope().caller().userId(),
                      command.scope().caller().displayName(),
                      MatterVisibility.seesAll(community),
                      body))
              .alongside(Notifications.recorded(MatterNotifications.COMMENTED, "matter_id"))
              .announced(MatterWorkflow.TOPIC, "COMMENTED", "matter_id")
              .execute();
          return new Changed(MatterTypes.COMMENT, community.id(), id);
        });
  }

  @MutationMapping
  Map<String, Object> addMatterSubcategory(
      @Argument AddMatterSubcategoryInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    String name = text(input.name());
    return commands.run(
        environment,
        scope,
        MutationTargets.community(input.communityKey(), scope, MANAGERS),
        "subcategory",
        command -> {
          if (input.category() == null) {
            throw invalid("Choose a category", "category");
          }
          if (name.isEmpty() || name.length() > MAX_SUBCATEGORY) {
            throw invalid("A name of 1 to " + MAX_SUBCATEGORY + " characters", "name");
          }
          UUID id = Ids.newId();
          boolean added =
              !command
                  .write(
                      MatterFeedbackRepository.addSubcategory(
                          command.community().id(), id, input.category(), name))
                  .audited(
                      "matter-subcategory.added",
                      MatterTypes.SUBCATEGORY,
                      Map.of("category", input.category().name(), "name", name))
                  .execute()
                  .isEmpty();
          if (!added) {
            throw Refusal.because(
                UserError.Code.DUPLICATE,
                "The category has a subcategory of that name already",
                "name");
          }
          return new Changed(MatterTypes.SUBCATEGORY, command.community().id(), id);
        });
  }

  /** What a resident's feedback writes; nothing written means {@code unchanged} applies. */
  @FunctionalInterface
  private interface Feedback {
    ResultQuery<? extends Record> change(MatterState matter, UUID resident);
  }

  private Map<String, Object> feedbackOn(
      DataFetchingEnvironment environment,
      @Nullable String matterId,
      AccessScope scope,
      String kind,
      Feedback feedback,
      java.util.function.Supplier<Refusal> unchanged) {
    return commands.run(
        environment,
        scope,
        MatterWorkflow.target(scope, matterId),
        "matter",
        command -> {
          MatterState matter = visibleMatter(command);
          mayAdd(command.community(), "support matters");
          UUID resident =
              matters
                  .residentOf(
                      command.dsl(), command.community().id(), command.scope().caller().userId())
                  .orElseThrow(
                      () ->
                          Refusal.because(
                              UserError.Code.FORBIDDEN,
                              "Only residents support matters, and your login is not linked to a"
                                  + " resident of this community"));
          if (command
              .write(feedback.change(matter, resident))
              .announced(MatterWorkflow.TOPIC, kind)
              .execute()
              .isEmpty()) {
            throw unchanged.get();
          }
          return new Changed(MatterTypes.MATTER, matter.communityId(), matter.id());
        });
  }

  private MatterState visibleMatter(Commands.Step command) {
    return matters
        .state(command.dsl(), command.community().id(), command.targetId(), command.scope())
        .orElseThrow(() -> MatterVisibility.notFound("id"));
  }

  /**
   * The resident a new matter is raised for, as a value of the insert. Residents raise for
   * themselves only; staff for anyone of the community, or for no one when they found the matter
   * themselves. Left out, it is the caller's own resident, looked up in the insert itself ({@link
   * #unlinked} when there is none).
   */
  private Field<UUID> reporter(
      DSLContext dsl,
      ReachableCommunity community,
      @Nullable String reporterId,
      boolean staff,
      String userId) {
    if (reporterId == null) {
      return MatterRepository.residentOfCaller(community.id(), userId);
    }
    UUID named = local(reporterId, "Resident", community);
    if (named == null || !matters.residentExists(dsl, community.id(), named)) {
      throw Refusal.because(UserError.Code.NOT_FOUND, "No such resident", "reporterId");
    }
    if (!staff && !matters.residentOf(dsl, community.id(), userId).equals(Optional.of(named))) {
      throw Refusal.because(
          UserError.Code.FORBIDDEN,
          "You may raise matters for yourself only; staff raise them for others",
          "reporterId");
    }
    return DSL.val(named);
  }

  /**
   * Why a matter raised for no one (the caller's login is linked to no resident) is refused: unless
   * staff found it themselves (patrol, inspection, meeting), it needs a resident. The insert is
   * rolled back with the refusal.
   */
  private static @Nullable Refusal unlinked(boolean staff, MatterSource source) {
    if (staff && source.foundByStaff()) {
      return null;
    }
    if (staff) {
      return invalid(
          "Name the resident who raised it, or choose the source GRID_PATROL, INSPECTION or"
              + " MEETING",
          "reporterId");
    }
    return Refusal.because(
        UserError.Code.FORBIDDEN,
        "Your login is not linked to a resident of this community; ask the community office");
  }

  /** The subcategory chosen, of the chosen category, or none. */
  private @Nullable UUID subcategory(
      DSLContext dsl, ReachableCommunity community, ReportMatterInput input) {
    if (input.subcategoryId() == null) {
      return null;
    }
    UUID subcategory = local(input.subcategoryId(), MatterTypes.SUBCATEGORY, community);
    if (subcategory == null
        || !matters
            .categoryOfSubcategory(dsl, community.id(), subcategory)
            .equals(Optional.ofNullable(input.category()))) {
      throw Refusal.because(
          UserError.Code.NOT_FOUND, "No such subcategory of " + input.category(), "subcategoryId");
    }
    return subcategory;
  }

  /** Staff who record matters for residents and see every matter. */
  private static boolean actsForOthers(ReachableCommunity community) {
    return community.holdsAny(
        CommunityRole.ADMIN, CommunityRole.SECRETARY, CommunityRole.OWNERS_COMMITTEE);
  }

  private static void mayAdd(ReachableCommunity community, String what) {
    if (community.roles().isEmpty()) {
      throw Refusal.because(UserError.Code.FORBIDDEN, "Only people of the community may " + what);
    }
    if (!community.status().acceptsWrites()) {
      throw Refusal.because(UserError.Code.COMMUNITY_READ_ONLY, "The community is read-only");
    }
  }

  /** The local id of a global ID of {@code type} in the community; null if it is not one. */
  private static @Nullable UUID local(
      @Nullable String globalId, String type, ReachableCommunity community) {
    return GlobalId.decode(globalId, type)
        .filter(id -> id.communityId().equals(community.id()))
        .map(GlobalId::id)
        .orElse(null);
  }

  private static Refusal invalid(String message, String field) {
    return Refusal.because(UserError.Code.INVALID_INPUT, message, field);
  }

  private static String text(@Nullable String value) {
    return value == null ? "" : value.strip();
  }
}
