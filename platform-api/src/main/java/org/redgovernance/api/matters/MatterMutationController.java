package org.redgovernance.api.matters;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.audit.AuditLog;
import org.redgovernance.api.events.ChangeEvent;
import org.redgovernance.api.events.ChangeEvents;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.graphql.Refusal;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.matters.MatterMutations.AddMatterSubcategoryInput;
import org.redgovernance.api.matters.MatterMutations.AddMatterSubcategoryPayload;
import org.redgovernance.api.matters.MatterMutations.CommentOnMatterInput;
import org.redgovernance.api.matters.MatterMutations.CommentOnMatterPayload;
import org.redgovernance.api.matters.MatterMutations.MatterIdInput;
import org.redgovernance.api.matters.MatterMutations.MatterPayload;
import org.redgovernance.api.matters.MatterMutations.ReportMatterInput;
import org.redgovernance.api.matters.MatterRepository.NewMatter;
import org.redgovernance.api.readmodel.Changed;
import org.redgovernance.api.security.CommunityRole;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.MutationTargets;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.api.tenancy.TenantTransactions;
import org.redgovernance.database.Ids;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Raising a matter, "me too" support, comments and the community's subcategories. A resident raises
 * matters for themselves (their login must be linked to their roster entry); staff raise them on a
 * resident's behalf or, for what they found themselves, without one.
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

  private final TenantTransactions transactions;
  private final MatterRepository matters;
  private final MatterFeedbackRepository feedback;
  private final AuditLog audit;
  private final ChangeEvents changes;

  MatterMutationController(
      TenantTransactions transactions,
      MatterRepository matters,
      MatterFeedbackRepository feedback,
      AuditLog audit,
      ChangeEvents changes) {
    this.transactions = transactions;
    this.matters = matters;
    this.feedback = feedback;
    this.audit = audit;
    this.changes = changes;
  }

  @MutationMapping
  MatterPayload reportMatter(
      @Argument ReportMatterInput input, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    MutationTargets.Target target = MutationTargets.community(input.communityKey(), scope, MEMBERS);
    if (target.refusal() != null) {
      return MatterPayload.failed(target.refusal());
    }
    ReachableCommunity community = target.target();
    String title = text(input.title());
    String description = text(input.description());
    String locationText = text(input.locationText());
    if (title.isEmpty() || title.length() > MAX_TITLE) {
      return invalid("A title of 1 to " + MAX_TITLE + " characters", "title");
    }
    if (description.isEmpty() || description.length() > MAX_DESCRIPTION) {
      return invalid("A description of 1 to " + MAX_DESCRIPTION + " characters", "description");
    }
    if (input.category() == null) {
      return invalid("Choose a category", "category");
    }
    if (locationText.length() > MAX_LOCATION) {
      return invalid("At most " + MAX_LOCATION + " characters", "locationText");
    }
    MatterSource source = input.source() == null ? MatterSource.RESIDENT_TALK : input.source();
    boolean staff = actsForOthers(community);
    AccessScope one = scope.narrowedTo(community);
    String userId = scope.caller().userId();
    try {
      return transactions.write(
          one,
          dsl -> {
            UUID reporter = reporter(dsl, community, input.reporterId(), source, staff, userId);
            UUID subcategory = local(input.subcategoryId(), MatterTypes.SUBCATEGORY, community);
            if (input.subcategoryId() != null
                && (subcategory == null
                    || !matters
                        .categoryOfSubcategory(dsl, community.id(), subcategory)
                        .equals(Optional.of(input.category())))) {
              throw Refusal.because(
                  UserError.Code.NOT_FOUND,
                  "No such subcategory of " + input.category(),
                  "subcategoryId");
            }
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
                throw Refusal.because(
                    UserError.Code.INVALID_INPUT,
                    "The household is not in that building",
                    "buildingId");
              }
              building = itsBuilding.get();
            } else if (input.buildingId() != null
                && (building == null || !matters.buildingExists(dsl, community.id(), building))) {
              throw Refusal.because(UserError.Code.NOT_FOUND, "No such building", "buildingId");
            }
            UUID id = Ids.newId();
            matters.insert(
                dsl,
                new NewMatter(
                    community.id(),
                    id,
                    title,
                    description,
                    input.category(),
                    subcategory,
                    source,
                    reporter,
                    userId,
                    scope.caller().displayName(),
                    building,
                    household,
                    locationText.isEmpty() ? null : locationText,
                    Boolean.TRUE.equals(input.isPublic())));
            matters.appendToTimeline(
                dsl,
                community.id(),
                id,
                userId,
                scope.caller().displayName(),
                null,
                MatterStatus.REPORTED,
                null);
            audit.record(
                dsl,
                one,
                community.id(),
                "matter.reported",
                MatterTypes.MATTER,
                id,
                Map.of("category", input.category().name(), "source", source.name()));
            changes.publish(
                dsl, new ChangeEvent(MatterWorkflow.TOPIC, community.id(), id, "REPORTED"));
            return MatterPayload.of(community.id(), id);
          });
    } catch (Refusal refused) {
      return MatterPayload.failed(refused.error());
    }
  }

  @MutationMapping
  MatterPayload supportMatter(
      @Argument MatterIdInput input, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    return feedbackOn(
        input.id(),
        scope,
        (dsl, community, matter, resident) -> {
          if (matter.mine()) {
            throw Refusal.because(
                UserError.Code.INVALID_INPUT, "Your own matter needs no support from you", "id");
          }
          if (!matter.isPublic() || matter.status().isFinal()) {
            throw Refusal.because(
                UserError.Code.ILLEGAL_TRANSITION,
                "Only public matters still open can be supported",
                "id");
          }
          if (!feedback.support(dsl, community.id(), matter.id(), resident)) {
            throw Refusal.because(
                UserError.Code.DUPLICATE, "You support this matter already", "id");
          }
          return "SUPPORTED";
        });
  }

  @MutationMapping
  MatterPayload withdrawMatterSupport(
      @Argument MatterIdInput input, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    return feedbackOn(
        input.id(),
        scope,
        (dsl, community, matter, resident) -> {
          if (!feedback.withdrawSupport(dsl, community.id(), matter.id(), resident)) {
            throw Refusal.because(
                UserError.Code.INVALID_INPUT, "You have not supported this matter", "id");
          }
          return "SUPPORT_WITHDRAWN";
        });
  }

  @MutationMapping
  CommentOnMatterPayload commentOnMatter(
      @Argument CommentOnMatterInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    Optional<GlobalId> id = GlobalId.decode(input.id(), MatterTypes.MATTER);
    Optional<ReachableCommunity> target = id.flatMap(g -> scope.byId(g.communityId()));
    if (id.isEmpty() || target.isEmpty()) {
      return CommentOnMatterPayload.failed(
          UserError.of(UserError.Code.NOT_FOUND, "No such matter", "id"));
    }
    ReachableCommunity community = target.get();
    String body = text(input.body());
    String userId = scope.caller().userId();
    AccessScope one = scope.narrowedTo(community);
    try {
      return transactions.write(
          one,
          dsl -> {
            MatterState matter =
                matters
                    .state(dsl, community.id(), id.get().id(), one)
                    .orElseThrow(() -> MatterVisibility.notFound("id"));
            mayAdd(community, "comment on matters");
            if (matter.status().isFinal()) {
              throw Refusal.because(
                  UserError.Code.ILLEGAL_TRANSITION, "The matter is closed to comments", "id");
            }
            if (body.isEmpty() || body.length() > MAX_COMMENT) {
              throw Refusal.because(
                  UserError.Code.INVALID_INPUT,
                  "A comment of 1 to " + MAX_COMMENT + " characters",
                  "body");
            }
            UUID comment =
                feedback.comment(
                    dsl,
                    community.id(),
                    matter.id(),
                    userId,
                    scope.caller().displayName(),
                    MatterVisibility.seesAll(community),
                    body);
            changes.publish(
                dsl,
                new ChangeEvent(MatterWorkflow.TOPIC, community.id(), matter.id(), "COMMENTED"));
            return new CommentOnMatterPayload(
                new Changed(MatterTypes.COMMENT, community.id(), comment), List.of());
          });
    } catch (Refusal refused) {
      return CommentOnMatterPayload.failed(refused.error());
    }
  }

  @MutationMapping
  AddMatterSubcategoryPayload addMatterSubcategory(
      @Argument AddMatterSubcategoryInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    MutationTargets.Target target =
        MutationTargets.community(input.communityKey(), scope, MANAGERS);
    if (target.refusal() != null) {
      return AddMatterSubcategoryPayload.failed(target.refusal());
    }
    String name = text(input.name());
    if (input.category() == null) {
      return AddMatterSubcategoryPayload.failed(
          UserError.of(UserError.Code.INVALID_INPUT, "Choose a category", "category"));
    }
    if (name.isEmpty() || name.length() > MAX_SUBCATEGORY) {
      return AddMatterSubcategoryPayload.failed(
          UserError.of(
              UserError.Code.INVALID_INPUT,
              "A name of 1 to " + MAX_SUBCATEGORY + " characters",
              "name"));
    }
    ReachableCommunity community = target.target();
    AccessScope one = scope.narrowedTo(community);
    return transactions.write(
        one,
        dsl ->
            feedback
                .addSubcategory(dsl, community.id(), input.category(), name)
                .map(
                    added -> {
                      audit.record(
                          dsl,
                          one,
                          community.id(),
                          "matter-subcategory.added",
                          MatterTypes.SUBCATEGORY,
                          added,
                          Map.of("category", input.category().name(), "name", name));
                      return new AddMatterSubcategoryPayload(
                          new Changed(MatterTypes.SUBCATEGORY, community.id(), added), List.of());
                    })
                .orElseGet(
                    () ->
                        AddMatterSubcategoryPayload.failed(
                            UserError.of(
                                UserError.Code.DUPLICATE,
                                "The category has a subcategory of that name already",
                                "name"))));
  }

  /** What a resident's feedback does to a matter; returns the kind of change to announce. */
  @FunctionalInterface
  private interface Feedback {
    String apply(
        org.jooq.DSLContext dsl, ReachableCommunity community, MatterState matter, UUID resident);
  }

  private MatterPayload feedbackOn(@Nullable String matterId, AccessScope scope, Feedback action) {
    Optional<GlobalId> id = GlobalId.decode(matterId, MatterTypes.MATTER);
    Optional<ReachableCommunity> target = id.flatMap(g -> scope.byId(g.communityId()));
    if (id.isEmpty() || target.isEmpty()) {
      return MatterPayload.failed(UserError.of(UserError.Code.NOT_FOUND, "No such matter", "id"));
    }
    ReachableCommunity community = target.get();
    String userId = scope.caller().userId();
    AccessScope one = scope.narrowedTo(community);
    try {
      return transactions.write(
          one,
          dsl -> {
            MatterState matter =
                matters
                    .state(dsl, community.id(), id.get().id(), one)
                    .orElseThrow(() -> MatterVisibility.notFound("id"));
            mayAdd(community, "support matters");
            UUID resident =
                matters
                    .residentOf(dsl, community.id(), userId)
                    .orElseThrow(
                        () ->
                            Refusal.because(
                                UserError.Code.FORBIDDEN,
                                "Only residents support matters, and your login is not linked to a"
                                    + " resident of this community"));
            String kind = action.apply(dsl, community, matter, resident);
            changes.publish(
                dsl, new ChangeEvent(MatterWorkflow.TOPIC, community.id(), matter.id(), kind));
            return MatterPayload.of(community.id(), matter.id());
          });
    } catch (Refusal refused) {
      return MatterPayload.failed(refused.error());
    }
  }

  /**
   * The resident a new matter is raised for. Residents raise for themselves only; staff for anyone
   * of the community, or for no one when they found the matter themselves.
   */
  private @Nullable UUID reporter(
      org.jooq.DSLContext dsl,
      ReachableCommunity community,
      @Nullable String reporterId,
      MatterSource source,
      boolean staff,
      String userId) {
    if (reporterId != null) {
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
      return named;
    }
    Optional<UUID> self = matters.residentOf(dsl, community.id(), userId);
    if (self.isPresent()) {
      return self.get();
    }
    if (staff && source.foundByStaff()) {
      return null;
    }
    if (staff) {
      throw Refusal.because(
          UserError.Code.INVALID_INPUT,
          "Name the resident who raised it, or choose the source GRID_PATROL, INSPECTION or"
              + " MEETING",
          "reporterId");
    }
    throw Refusal.because(
        UserError.Code.FORBIDDEN,
        "Your login is not linked to a resident of this community; ask the community office");
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

  private static MatterPayload invalid(String message, String field) {
    return MatterPayload.failed(UserError.of(UserError.Code.INVALID_INPUT, message, field));
  }

  private static String text(@Nullable String value) {
    return value == null ? "" : value.strip();
  }
}
