package org.redgovernance.api.matters;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.dataloader.DataLoader;
import org.jooq.JSON;
import org.jooq.Record1;
import org.jooq.Select;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.communities.Community;
import org.redgovernance.api.graphql.ApiException;
import org.redgovernance.api.graphql.ErrorCode;
import org.redgovernance.api.graphql.FilterValues;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.graphql.Page;
import org.redgovernance.api.graphql.PageRows;
import org.redgovernance.api.graphql.Selections;
import org.redgovernance.api.graphql.TimeCursor;
import org.redgovernance.api.matters.Matter.MatterSubcategory;
import org.redgovernance.api.matters.Matter.TimelineEntry;
import org.redgovernance.api.readmodel.NodeLookup;
import org.redgovernance.api.readmodel.RenderedJson;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.api.tenancy.TenantTransactions;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * {@code Community.matters} (the board), {@code Community.matterSubcategories}, {@code
 * Community.matterFigures}, the fields of {@code Matter} that need more than its row, and {@code
 * node(id:)} for matters. Lists below a matter load in one statement per level, however many
 * matters the page holds.
 */
@Controller
class MatterController implements NodeLookup {

  /** One page of one matter's comments, as the comments loader receives it. */
  record CommentPageKey(
      UUID communityId,
      UUID matterId,
      int size,
      @Nullable String after,
      boolean seesAll,
      boolean counted) {}

  record MatterFilterInput(
      @Nullable List<MatterStatus> statuses,
      @Nullable List<MatterCategory> categories,
      @Nullable List<MatterSource> sources,
      @Nullable MatterSource source,
      @Nullable Boolean mine,
      @Nullable Boolean overdue) {}

  private static final String COMMENTS = "matterComments";

  private final TenantTransactions transactions;
  private final MatterRepository matters;
  private final MatterFeedbackRepository feedback;
  private final MatterFiguresRepository figures;
  private final MatterAttachmentRepository attachments;
  private final Selections selections;

  MatterController(
      TenantTransactions transactions,
      MatterRepository matters,
      MatterFeedbackRepository feedback,
      MatterFiguresRepository figures,
      MatterAttachmentRepository attachments,
      Selections selections,
      BatchLoaderRegistry loaders) {
    this.transactions = transactions;
    this.selections = selections;
    this.matters = matters;
    this.feedback = feedback;
    this.figures = figures;
    this.attachments = attachments;
    loaders
        .<CommentPageKey, Page<MatterComment>>forName(COMMENTS)
        .registerMappedBatchLoader(
            (keys, environment) ->
                Mono.fromCallable(
                    () -> commentPages(keys, environment.<GraphQLContext>getContext())));
  }

  /**
   * The board: a {@link Page} of matters, or — for staff, when PostgreSQL can write everything
   * selected — the same page as {@link RenderedJson}.
   */
  @SchemaMapping(typeName = Community.TYPE)
  Object matters(
      Community community,
      @Argument @Nullable Integer first,
      @Argument @Nullable String after,
      @Argument @Nullable MatterFilterInput filter,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    ReachableCommunity reachable = reachable(community, scope);
    int size = Page.size(first);
    TimeCursor from = after == null ? null : TimeCursor.decode(after);
    MatterFilterInput input =
        filter == null ? new MatterFilterInput(null, null, null, null, null, null) : filter;
    MatterVisibility visibility = MatterVisibility.of(reachable, scope.caller().userId());
    MatterRepository.Filter query =
        new MatterRepository.Filter(
            input.statuses(),
            input.categories(),
            FilterValues.anyOf(input.sources(), input.source()),
            Boolean.TRUE.equals(input.mine()),
            Boolean.TRUE.equals(input.overdue()));
    LocalDate today = MatterClock.today();
    if (visibility.seesAll()) {
      // Staff see matters whole: PostgreSQL can write the board as it will be sent.
      Optional<Select<Record1<JSON>>> rendered =
          matters.pageJson(
              community.id(),
              visibility,
              query,
              today,
              from,
              size,
              selections.below(environment),
              MatterJson.whole(scope.caller().userId(), today));
      if (rendered.isPresent()) {
        return transactions.read(
            scope.narrowedTo(reachable), dsl -> RenderedJson.fetch(dsl, rendered.get()));
      }
    }
    boolean counted = Page.countAsked(environment.getSelectionSet());
    PageRows<Matter> rows =
        transactions.read(
            scope.narrowedTo(reachable),
            dsl ->
                matters.page(
                    dsl, community.id(), visibility, query, today, from, size + 1, counted));
    return Page.of(
        new PageRows<>(rows.rows().stream().map(visibility::shown).toList(), rows.totalCount()),
        size,
        after != null,
        m -> TimeCursor.key(m.reportedAt(), m.id()));
  }

  @SchemaMapping(typeName = Community.TYPE)
  List<MatterSubcategory> matterSubcategories(
      Community community, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    ReachableCommunity reachable = reachable(community, scope);
    return transactions.read(
        scope.narrowedTo(reachable), dsl -> feedback.subcategories(dsl, community.id()));
  }

  @SchemaMapping(typeName = Community.TYPE)
  MatterFigures matterFigures(
      Community community, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    ReachableCommunity reachable = reachable(community, scope);
    return transactions.read(
        scope.narrowedTo(reachable),
        dsl -> figures.figures(dsl, community.id(), MatterClock.today()));
  }

  @SchemaMapping(typeName = Matter.TYPE, field = "id")
  String id(Matter matter) {
    return GlobalId.of(Matter.TYPE, matter.communityId(), matter.id());
  }

  @SchemaMapping(typeName = Matter.TYPE, field = "overdue")
  boolean overdue(Matter matter) {
    return matter.overdue(MatterClock.today());
  }

  @SchemaMapping(typeName = "MatterComment", field = "id")
  String commentId(MatterComment comment) {
    return GlobalId.of(MatterComment.TYPE, comment.communityId(), comment.id());
  }

  @BatchMapping(typeName = Matter.TYPE, field = "timeline")
  Map<Matter, List<TimelineEntry>> timeline(List<Matter> shown, GraphQLContext context) {
    AccessScope scope = context.get(AccessScope.CONTEXT_KEY);
    Map<UUID, List<Matter>> byCommunity =
        shown.stream().collect(Collectors.groupingBy(Matter::communityId));
    Map<Matter, List<TimelineEntry>> result = new LinkedHashMap<>();
    byCommunity.forEach(
        (communityId, list) -> {
          ReachableCommunity community = scope.byId(communityId).orElseThrow();
          Map<UUID, List<TimelineEntry>> loaded =
              transactions.read(
                  scope.narrowedTo(community),
                  dsl ->
                      matters.timelines(dsl, communityId, list.stream().map(Matter::id).toList()));
          for (Matter matter : list) {
            boolean whole = MatterVisibility.seesAll(community) || matter.mine();
            result.put(
                matter,
                loaded.getOrDefault(matter.id(), List.of()).stream()
                    .map(e -> whole ? e : e.hidingActor(matter.raisedById()))
                    .toList());
          }
        });
    return result;
  }

  @BatchMapping(typeName = Matter.TYPE, field = "attachments")
  Map<Matter, List<MatterAttachment>> attachments(List<Matter> shown, GraphQLContext context) {
    AccessScope scope = context.get(AccessScope.CONTEXT_KEY);
    Map<Matter, List<MatterAttachment>> result = new LinkedHashMap<>();
    shown.stream()
        .collect(Collectors.groupingBy(Matter::communityId))
        .forEach(
            (communityId, list) -> {
              Map<UUID, List<MatterAttachment>> loaded =
                  transactions.read(
                      scope.narrowedTo(scope.byId(communityId).orElseThrow()),
                      dsl ->
                          attachments.of(dsl, communityId, list.stream().map(Matter::id).toList()));
              list.forEach(m -> result.put(m, loaded.getOrDefault(m.id(), List.of())));
            });
    return result;
  }

  @SchemaMapping(typeName = MatterAttachment.TYPE, field = "id")
  String attachmentId(MatterAttachment attachment) {
    return GlobalId.of(MatterAttachment.TYPE, attachment.communityId(), attachment.id());
  }

  @SchemaMapping(typeName = MatterAttachment.TYPE, field = "url")
  String attachmentUrl(MatterAttachment attachment) {
    return "/matter-attachments/" + attachmentId(attachment);
  }

  @SchemaMapping(typeName = Matter.TYPE, field = "comments")
  CompletableFuture<Page<MatterComment>> comments(
      Matter matter,
      @Argument @Nullable Integer first,
      @Argument @Nullable String after,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingFieldSelectionSet selection,
      DataLoader<CommentPageKey, Page<MatterComment>> matterComments) {
    ReachableCommunity community = scope.byId(matter.communityId()).orElseThrow();
    return matterComments.load(
        new CommentPageKey(
            matter.communityId(),
            matter.id(),
            Page.size(first),
            after,
            MatterVisibility.seesAll(community),
            Page.countAsked(selection)));
  }

  @Override
  public Set<String> types() {
    return Set.of(Matter.TYPE);
  }

  @Override
  public Optional<Object> find(GlobalId id, AccessScope scope) {
    Optional<ReachableCommunity> community = scope.byId(id.communityId());
    if (community.isEmpty()) {
      return Optional.empty();
    }
    MatterVisibility visibility = MatterVisibility.of(community.get(), scope.caller().userId());
    return transactions
        .read(
            scope.narrowedTo(community.get()),
            dsl -> matters.find(dsl, id.communityId(), id.id(), scope.caller().userId()))
        .filter(visibility::allows)
        .map(visibility::shown);
  }

  /**
   * Comment pages in as few statements as the keys allow: every first page of the same size
   * together, later pages (a single matter's "show more") one by one.
   */
  private Map<CommentPageKey, Page<MatterComment>> commentPages(
      Set<CommentPageKey> keys, GraphQLContext context) {
    AccessScope scope = context.get(AccessScope.CONTEXT_KEY);
    String userId = scope.caller().userId();
    Map<CommentPageKey, Page<MatterComment>> result = new LinkedHashMap<>();
    Map<List<Object>, List<CommentPageKey>> groups =
        keys.stream()
            .collect(
                Collectors.groupingBy(
                    k ->
                        k.after() == null
                            ? List.of(k.communityId(), k.size(), k.counted())
                            : List.of(
                                k.communityId(), k.size(), k.counted(), k.matterId(), k.after())));
    groups.forEach(
        (group, members) -> {
          CommentPageKey first = members.get(0);
          ReachableCommunity community = scope.byId(first.communityId()).orElseThrow();
          TimeCursor cursor = first.after() == null ? null : TimeCursor.decode(first.after());
          Map<UUID, PageRows<MatterComment>> loaded =
              transactions.read(
                  scope.narrowedTo(community),
                  dsl ->
                      feedback.comments(
                          dsl,
                          first.communityId(),
                          members.stream().map(CommentPageKey::matterId).toList(),
                          cursor,
                          first.size() + 1,
                          first.counted()));
          MatterVisibility visibility = new MatterVisibility(first.seesAll(), userId);
          for (CommentPageKey key : members) {
            PageRows<MatterComment> read = loaded.get(key.matterId());
            List<MatterComment> rows =
                read.rows().stream().map(c -> c.shownTo(visibility)).toList();
            result.put(
                key,
                Page.of(
                    new PageRows<>(rows, read.totalCount()),
                    key.size(),
                    key.after() != null,
                    c -> TimeCursor.key(c.createdAt(), c.id())));
          }
        });
    return result;
  }

  private static ReachableCommunity reachable(Community community, AccessScope scope) {
    return scope
        .byId(community.id())
        .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No such community"));
  }
}
