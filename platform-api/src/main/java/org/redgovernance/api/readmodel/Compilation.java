package org.redgovernance.api.readmodel;

import graphql.schema.SelectedField;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.SelectConditionStep;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.ApiException;
import org.redgovernance.api.graphql.Page;
import org.redgovernance.api.tenancy.ReachableCommunity;

/**
 * One statement being compiled: the request it answers, and the aliases given so far — every table
 * read in the statement gets its own ({@code r0}, {@code r1} …), so that a type reached twice (a
 * matter's reporter and its assignee, both residents) never confuses two rows.
 */
public final class Compilation {

  private final ReadModel model;
  private final ReadRequest request;
  private final @Nullable ReachableCommunity community;
  private final Deque<String> path = new ArrayDeque<>();
  private final List<Compiled.Refusal> refusals = new ArrayList<>();
  private final List<Compiled.Refusal> marked = new ArrayList<>();
  private final List<Deferrals.Deferral> deferrals = new ArrayList<>();
  private int aliases;
  private final Map<Table<?>, List<Table<?>>> joined = new IdentityHashMap<>();

  /** The rows of to-one objects: rows looked up once per row of another table. */
  private final Set<Table<?>> looked = Collections.newSetFromMap(new IdentityHashMap<>());

  private boolean reveals;
  private boolean reusable = true;
  private final List<ReadRecord> records = new ArrayList<>();

  /**
   * @param community the community every row of the statement belongs to, when it is one: the
   *     fields some roles may not read are decided for it while compiling
   */
  Compilation(ReadModel model, ReadRequest request, @Nullable ReachableCommunity community) {
    this.model = model;
    // Every row of a one-community statement is of that community: its rules see the caller's
    // scope narrowed to it, so that each table's wall names one community, not all they reach
    // (fifty binds per table for a street's staff, and a plan that many times larger).
    this.request =
        community == null
            ? request
            : new ReadRequest(request.scope().narrowedTo(community), request.now());
    this.community = community;
  }

  /** The statement with the refusals met while compiling it. */
  Compiled compiled(Select<Record1<JSON>> statement) {
    if (!joined.isEmpty()) {
      throw new IllegalStateException("objects were joined to rows no statement reads from");
    }
    return new Compiled(
        new ReadStatement.Built(statement),
        List.copyOf(refusals),
        List.copyOf(marked),
        reveals,
        List.copyOf(records),
        List.copyOf(deferrals),
        reusable);
  }

  /**
   * Compiling this statement had an effect of its own, or depends on more than the selection, the
   * caller and the time: it is compiled again for every request ({@link ReadPlans}).
   */
  void notReusable() {
    reusable = false;
  }

  /**
   * A secret of the row, as the caller may read it: revealed ({@link SecretSlots}) in the
   * communities where {@code mayReveal} accepts the caller's role, {@code masked} elsewhere.
   */
  Field<JSON> secret(
      java.util.function.Predicate<ReachableCommunity> mayReveal,
      Field<UUID> communityId,
      Field<JSON> masked,
      Field<JSON> slot) {
    Optional<Boolean> here = mayRead(mayReveal);
    List<UUID> allowed =
        here.isPresent() ? List.of() : InCommunities.ids(request.scope(), mayReveal);
    if (here.isPresent() ? !here.get() : allowed.isEmpty()) {
      return masked;
    }
    reveals = true;
    Field<JSON> plain =
        here.isPresent() ? slot : DSL.when(InCommunities.of(communityId, allowed), slot);
    return JsonText.of(DSL.coalesce(plain, masked));
  }

  /**
   * Whether the caller may read a field that only some roles may: decided for the statement's one
   * community; empty when its rows may be of several.
   */
  Optional<Boolean> mayRead(java.util.function.Predicate<ReachableCommunity> allowed) {
    return community == null ? Optional.empty() : Optional.of(allowed.test(community));
  }

  /**
   * The value of the field at the current path, refused to the caller: null, with the error at its
   * path — recorded now when the path is known, marked in the answer when it lies in a list's rows.
   */
  Field<JSON> refusal(ApiException refused) {
    if (path.contains(LIST)) {
      return mark(refused);
    }
    List<Object> at = new ArrayList<>(path);
    java.util.Collections.reverse(at);
    refusals.add(
        new Compiled.Refusal(at, refused.code(), refused.getMessage(), refused.extensions()));
    return JsonText.NULL;
  }

  /**
   * The field's {@code value} in the rows where {@code allowed} holds, and refused in the others: a
   * rule decided row by row, when the rows may be of several communities.
   */
  Field<JSON> refusalUnless(Condition allowed, Field<JSON> value, ApiException refused) {
    return JsonText.of(DSL.when(allowed, value).otherwise(mark(refused)));
  }

  /**
   * The field {@code field} of the {@code typeName} object of this id, left to its Java resolver: a
   * mark in the answer where GraphQL execution resolves it ({@link Deferrals}).
   */
  Field<JSON> deferred(String typeName, String field, Field<UUID> communityId, Field<UUID> id) {
    deferrals.add(new Deferrals.Deferral(typeName, field));
    return Deferrals.mark(deferrals.size() - 1, communityId, id);
  }

  private Field<JSON> mark(ApiException refused) {
    marked.add(
        new Compiled.Refusal(
            List.of(), refused.code(), refused.getMessage(), refused.extensions()));
    return RefusalMarks.mark(marked.size() - 1);
  }

  /** The one community every row of the statement belongs to; empty when they may be of several. */
  Optional<ReachableCommunity> community() {
    return Optional.ofNullable(community);
  }

  /**
   * Something the answer's transaction writes before the statement runs: decided, and charged to
   * the caller, for every request anew.
   */
  void record(ReadRecord record) {
    reusable = false;
    records.add(record);
  }

  /** Compiles {@code within} as the value of the field {@code key} (its path grows by it). */
  <V> V at(String key, java.util.function.Supplier<V> within) {
    path.push(key);
    try {
      return within.get();
    } finally {
      path.pop();
    }
  }

  /** A position in a list: refusals below it cannot have a path known before the rows are. */
  static final String LIST = "[]";

  public ReadRequest request() {
    return request;
  }

  /** {@code ref}'s table under an alias no other table of the statement has. */
  public <R extends Table<?>> R alias(ModelRef<R> ref) {
    int position = aliases++;
    if (position >= KEPT_ALIASES) {
      return ref.alias().apply("r" + position);
    }
    // An aliased table is immutable and costs a field object per column to make: each is made once
    // per type and position, and shared by every statement compiled after.
    AtomicReferenceArray<Table<?>> kept =
        ALIASES.computeIfAbsent(ref, r -> new AtomicReferenceArray<>(KEPT_ALIASES));
    Table<?> alias = kept.get(position);
    if (alias == null) {
      alias = ref.alias().apply("r" + position);
      kept.set(position, alias);
    }
    @SuppressWarnings("unchecked")
    R typed = (R) alias;
    return typed;
  }

  private static final int KEPT_ALIASES = 64;
  private static final Map<ModelRef<?>, AtomicReferenceArray<Table<?>>> ALIASES =
      new ConcurrentHashMap<>();

  /** The rows of {@code ref}'s type the caller may see ({@link ObjectModel.Builder#rows}). */
  public Condition visible(ModelRef<?> ref, Table<?> row) {
    return model.type(ref.typeName()).map(type -> type.visible(row, request)).orElse(noRows());
  }

  /**
   * A connection over the rows of {@code target} that {@code where} finds and the caller may see,
   * paged by {@code keyset} as the {@code first} and {@code after} arguments ask, written for the
   * connection's {@code selection} (totalCount counted only when selected).
   */
  <R extends Table<?>> Optional<Select<Record1<JSON>>> connection(
      ModelRef<R> target,
      Function<R, Condition> where,
      Keyset<R> keyset,
      Map<String, Object> arguments,
      List<SelectedField> selection) {
    int size = Page.size((Integer) arguments.get("first"));
    String after = (String) arguments.get("after");
    R row = alias(target);
    R counted = alias(target);
    Condition seek =
        after == null ? DSL.noCondition() : keyset.after().apply(row, Page.decodeCursor(after));
    List<SortField<?>> order = keyset.order().apply(row);
    return JsonConnection.select(
        selection,
        // a node is one of the page's rows: what it refuses has no path known before they are
        node ->
            at(
                LIST,
                () ->
                    object(target.typeName(), row, node.getSelectionSet().getImmediateFields())
                        .map(json -> json)),
        keyset.cursorKey().apply(row),
        order,
        size,
        after != null,
        DSL.selectCount().from(counted).where(where.apply(counted), visible(target, counted)),
        columns ->
            DSL.select(columns)
                .from(
                    joinedTo(
                        row,
                        DSL.select(row.asterisk())
                            .from(row)
                            .where(where.apply(row), visible(target, row), seek)
                            .orderBy(order)
                            // inlined, not bound: a generic plan then knows how few rows are asked
                            .limit(DSL.inline(size + 1))
                            .asTable(row.getName()))));
  }

  /**
   * The statement (or subquery) writing {@code json} for the first row of {@code ref}'s table under
   * the alias {@code row} that {@code where} finds and the caller may see, in {@code order} (none:
   * any, for a row found by its key).
   */
  Select<Record1<JSON>> first(
      Field<JSON> json,
      ModelRef<?> ref,
      Table<?> row,
      Condition where,
      List<? extends org.jooq.OrderField<?>> order) {
    return DSL.select(json)
        .from(from(row))
        .where(where, visible(ref, row))
        .orderBy(order)
        .limit(DSL.inline(1));
  }

  /** Marks {@code row} as a to-one object's row, before the objects below it are compiled. */
  void lookedUp(Table<?> row) {
    looked.add(row);
  }

  /**
   * The subquery writing {@code json} for the row of {@code ref}'s table under the alias {@code
   * row} that {@code byKey} finds by a unique key from {@code parent}, if the caller may see it.
   * Below a page or a root row, a row with no objects of its own joined has no limit, so that
   * PostgreSQL pulls it up into the joins of the page (a building's grid: a third of the
   * statement). Every other keeps its limit and is looked up by its key per row: pulled up too, a
   * chain (a resident's household, its building, the building's grid) becomes one join whose
   * generic plan scans the tables of every community, several times slower.
   */
  Select<Record1<JSON>> only(
      Field<JSON> json, ModelRef<?> ref, Table<?> parent, Table<?> row, Condition byKey) {
    Table<?> from = from(row);
    SelectConditionStep<Record1<JSON>> found =
        DSL.select(json).from(from).where(byKey, visible(ref, row));
    return from == row && !looked.contains(parent) ? found : found.limit(DSL.inline(1));
  }

  /**
   * The JSON of a to-one object of {@code row}, which {@code first} or {@code only} writes: a
   * lateral join of {@code row}'s {@link #from}, not a subquery in its select list — PostgreSQL
   * runs a chain of joins (a resident's household, its building, the building's grid) in half the
   * time of as many nested subplans.
   */
  Field<JSON> joined(Table<?> row, Select<Record1<JSON>> first) {
    String alias = "j" + aliases++;
    joined
        .computeIfAbsent(row, r -> new ArrayList<>())
        .add(DSL.lateral(first.asTable(alias, "json")));
    return DSL.field(DSL.name(alias, "json"), SQLDataType.JSON);
  }

  /** What a statement over {@code row} reads from: the row, and the objects joined to it. */
  Table<?> from(Table<?> row) {
    return joinedTo(row, row);
  }

  /**
   * The objects joined to {@code row}, joined to {@code rows} (under {@code row}'s alias). A page's
   * rows are found, ordered and limited before anything is joined to them: joined first, PostgreSQL
   * may join every row the filter finds and sort them after (100 of a community's 338 party members
   * with their resident and branch: 2.0 → 1.1 ms per statement in pgbench).
   */
  private Table<?> joinedTo(Table<?> row, Table<?> rows) {
    Table<?> from = rows;
    for (Table<?> object : Optional.ofNullable(joined.remove(row)).orElse(List.of())) {
      from = from.leftJoin(object).on(DSL.trueCondition());
    }
    return from;
  }

  /** A type the read model does not declare shows no rows. */
  private static Condition noRows() {
    return DSL.falseCondition();
  }

  /**
   * The object of {@code row} (a row of the declared type {@code typeName}) as {@code selection}
   * selects it; empty when the type is not declared or a selected field cannot be compiled.
   */
  public Optional<Field<JSON>> object(
      String typeName, Table<?> row, List<SelectedField> selection) {
    return model.type(typeName).flatMap(type -> type.compile(row, selection, this));
  }
}
