package org.redgovernance.api.readmodel;

import graphql.schema.SelectedField;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.OrderField;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.ApiException;
import org.redgovernance.api.graphql.ErrorCode;
import org.redgovernance.api.tenancy.ReachableCommunity;

/**
 * A GraphQL object type as the read model declares it, once, in its feature: the table its objects
 * are rows of and, for every field of the type, the SQL of its value — a column, an expression, an
 * object or a list of another declared type reached by its join keys — or the reason it is resolved
 * in Java. {@link ReadModel} checks the declarations against the schema at start-up and compiles
 * any selection of declared types into one statement.
 */
public final class ObjectModel<T extends Table<?>> {

  /** How one field is compiled for a selection of it; empty when that selection cannot be. */
  @FunctionalInterface
  public interface FieldSql<T> {
    Optional<Field<?>> compile(T row, Selected selected, Compilation compilation);
  }

  private final ModelRef<T> ref;
  private final Map<String, FieldSql<T>> fields;
  private final Map<String, String> resolvedInJava;
  private final @Nullable IdColumns<T> idColumns;
  private final @Nullable BiFunction<T, ReadRequest, Condition> rows;
  private final boolean extension;
  private final Map<String, ReadRule> rules;
  private final Map<String, ReadRecord.Rule> records;
  private final @Nullable JavaSource javaSource;
  private final @Nullable JavaObjects<?> javaObjects;

  /**
   * The Java objects that stand for the type's rows where a resolver answers one (a {@code
   * Community} from the caller's scope), and the id of each: their declared fields are then
   * compiled against the row ({@link DeclaredFields}), with no resolver of their own.
   */
  public record JavaObjects<J>(
      Class<J> type, Function<J, GlobalIdParts> idOf, Set<String> ownFields) {

    @Nullable GlobalIdParts idOf(@Nullable Object object) {
      return type.isInstance(object) ? idOf.apply(type.cast(object)) : null;
    }
  }

  /**
   * The Java object of a type's row with this id, as its Java resolvers take it as their parent:
   * how a field still resolved in Java is answered below a compiled object. Empty when the caller
   * cannot reach it.
   */
  @FunctionalInterface
  public interface JavaSource {
    Optional<Object> of(GlobalIdParts id, org.redgovernance.api.tenancy.AccessScope scope);
  }

  /** Who may read a field: others get null and an error with {@code message} at its path. */
  record ReadRule(Predicate<ReachableCommunity> allowed, String message) {}

  private ObjectModel(
      ModelRef<T> ref,
      Map<String, FieldSql<T>> fields,
      Map<String, String> resolvedInJava,
      @Nullable IdColumns<T> idColumns,
      @Nullable BiFunction<T, ReadRequest, Condition> rows,
      boolean extension,
      Map<String, ReadRule> rules,
      Map<String, ReadRecord.Rule> records,
      @Nullable JavaSource javaSource,
      @Nullable JavaObjects<?> javaObjects) {
    this.ref = ref;
    this.idColumns = idColumns;
    this.rules = Map.copyOf(rules);
    this.records = Map.copyOf(records);
    this.javaSource = javaSource;
    this.javaObjects = javaObjects;
    this.rows = rows;
    this.extension = extension;
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    this.resolvedInJava = Map.copyOf(resolvedInJava);
  }

  /** Starts declaring the type {@code ref} names, whose objects are rows of {@code ref}'s table. */
  public static <T extends Table<?>> Builder<T> of(ModelRef<T> ref) {
    return new Builder<>(ref, false);
  }

  /**
   * Starts declaring fields another feature adds to the type {@code ref} names (as its schema file
   * does with {@code extend type}); merged into the type's own declaration.
   */
  public static <T extends Table<?>> Builder<T> extension(ModelRef<T> ref) {
    return new Builder<>(ref, true);
  }

  boolean isExtension() {
    return extension;
  }

  /** This declaration with {@code other}'s fields added: one type declared by several features. */
  @SuppressWarnings("unchecked")
  ObjectModel<T> merge(ObjectModel<?> other) {
    ObjectModel<T> more = (ObjectModel<T>) other;
    Map<String, FieldSql<T>> allFields = new LinkedHashMap<>(fields);
    Map<String, String> allJava = new LinkedHashMap<>(resolvedInJava);
    for (String name : more.declaredFields()) {
      if (declaredFields().contains(name)) {
        throw new IllegalStateException(typeName() + "." + name + " is declared twice");
      }
    }
    allFields.putAll(more.fields);
    allJava.putAll(more.resolvedInJava);
    Map<String, ReadRule> allRules = new LinkedHashMap<>(rules);
    allRules.putAll(more.rules);
    Map<String, ReadRecord.Rule> allRecords = new LinkedHashMap<>(records);
    allRecords.putAll(more.records);
    return new ObjectModel<>(
        ref,
        allFields,
        allJava,
        idColumns,
        rows,
        extension,
        allRules,
        allRecords,
        javaSource != null ? javaSource : more.javaSource,
        javaObjects != null ? javaObjects : more.javaObjects);
  }

  /** The rows of this type the request's caller may see; no condition when all of them. */
  Condition visible(Table<?> row, ReadRequest request) {
    @SuppressWarnings("unchecked")
    T typed = (T) row;
    return rows == null ? DSL.noCondition() : rows.apply(typed, request);
  }

  /** The fields only some roles may read. */
  Set<String> ruledFields() {
    Set<String> ruled = new java.util.HashSet<>(rules.keySet());
    ruled.addAll(records.keySet());
    return ruled;
  }

  public ModelRef<T> ref() {
    return ref;
  }

  public String typeName() {
    return ref.typeName();
  }

  /** The rows of these objects of one community, and their ids, when the type declares its id. */
  record IdColumns<T>(Function<T, Field<UUID>> communityId, Function<T, Field<UUID>> id) {}

  /** The row of the object with this global id's parts, when the type declares its {@code id}. */
  Optional<Condition> byId(Table<?> row, GlobalIdParts id) {
    @SuppressWarnings("unchecked")
    T typed = (T) row;
    return Optional.ofNullable(idColumns)
        .map(
            columns ->
                columns
                    .communityId()
                    .apply(typed)
                    .eq(id.communityId())
                    .and(columns.id().apply(typed).eq(id.id())));
  }

  boolean writesInSql(String field) {
    return fields.containsKey(field);
  }

  /** Every field this declaration covers, in SQL or in Java. */
  Set<String> declaredFields() {
    Set<String> all = new java.util.LinkedHashSet<>(fields.keySet());
    all.addAll(resolvedInJava.keySet());
    return all;
  }

  /**
   * The object of {@code row} (this type's table under its alias) as {@code selection} selects it:
   * one JSON object in selection order; empty when a selected field cannot be compiled.
   */
  Optional<Field<JSON>> compile(Table<?> row, List<SelectedField> selection, Compilation c) {
    @SuppressWarnings("unchecked")
    T typed = (T) row;
    List<String> keys = new ArrayList<>(selection.size());
    List<Field<JSON>> values = new ArrayList<>(selection.size());
    for (SelectedField selected : selection) {
      Optional<Field<?>> written =
          selected.getName().equals("__typename")
              ? Optional.of(DSL.inline(typeName()))
              : c.at(
                  selected.getResultKey(),
                  () -> value(typed, selected.getName(), Selected.of(selected), c));
      if (written.isEmpty()) {
        return Optional.empty();
      }
      keys.add(selected.getResultKey());
      values.add(JsonText.orNull(JsonText.of(written.get())));
    }
    return Optional.of(JsonText.object(keys, values));
  }

  /**
   * The value of the field {@code name} of {@code row} as {@code selected} asks, as JSON; empty
   * when it is not declared in SQL or this selection of it cannot be compiled.
   */
  Optional<Field<JSON>> compileField(Table<?> row, String name, Selected selected, Compilation c) {
    @SuppressWarnings("unchecked")
    T typed = (T) row;
    return value(typed, name, selected, c).map(value -> JsonText.orNull(JsonText.of(value)));
  }

  /**
   * The SQL of one field; JSON null when the caller may not read it (refused at the compilation's
   * current path), or, over rows of several communities, the field in the rows of communities where
   * they may and refused in the others.
   */
  private Optional<Field<?>> value(T row, String name, Selected selected, Compilation c) {
    FieldSql<T> sql = fields.get(name);
    if (sql == null) {
      return deferred(row, name, c);
    }
    ReadRule rule = rules.get(name);
    ApiException forbidden =
        rule == null ? null : new ApiException(ErrorCode.FORBIDDEN, rule.message());
    Optional<Boolean> readable = rule == null ? Optional.of(true) : c.mayRead(rule.allowed());
    if (readable.isPresent() && !readable.get()) {
      return Optional.of(c.refusal(forbidden));
    }
    Optional<Field<?>> value;
    try {
      ReadRecord.Rule recorded = records.get(name);
      if (recorded != null) {
        // decided for one community: across several, each community's field is compiled alone
        Optional<ReachableCommunity> community = c.community();
        if (community.isEmpty()) {
          return deferred(row, name, c);
        }
        recorded
            .of(selected.arguments(), community.get(), c.request().scope())
            .ifPresent(c::record);
      }
      value = sql.compile(row, selected, c);
    } catch (ApiException wrongArguments) {
      // a refusal may have cost the caller something (a lookup past their budget): decided anew
      c.notReusable();
      // a nullable field answers null with the error and its parent stays, as in Java; a
      // non-null one takes its parent with it, up to the field being fetched
      if (selected.nullable()) {
        return Optional.of(c.refusal(wrongArguments));
      }
      throw wrongArguments;
    }
    if (readable.isPresent()) {
      return value;
    }
    // rows of several communities: the rule is decided for each row's community
    if (idColumns == null) {
      return Optional.empty();
    }
    Condition mayRead =
        InCommunities.where(
            idColumns.communityId().apply(row), c.request().scope(), rule.allowed());
    return value.map(
        sqlValue -> c.refusalUnless(mayRead, JsonText.orNull(JsonText.of(sqlValue)), forbidden));
  }

  /** The field left to its Java resolver, when the type gives its rows' Java objects. */
  private Optional<Field<?>> deferred(T row, String name, Compilation c) {
    if (javaSource == null || idColumns == null || !declaredFields().contains(name)) {
      return Optional.empty();
    }
    return Optional.of(
        c.deferred(
            typeName(), name, idColumns.communityId().apply(row), idColumns.id().apply(row)));
  }

  /** The id of {@code object} when it is a Java object standing for one of the type's rows. */
  @Nullable GlobalIdParts idOfJavaObject(@Nullable Object object) {
    return javaObjects == null ? null : javaObjects.idOf(object);
  }

  /** Whether the type's Java objects answer the field themselves, with no statement. */
  boolean javaObjectsAnswer(String field) {
    return javaObjects != null && javaObjects.ownFields().contains(field);
  }

  /** The Java object of the row with this id; empty when the caller cannot reach it. */
  Optional<Object> javaSource(GlobalIdParts id, org.redgovernance.api.tenancy.AccessScope scope) {
    return javaSource == null ? Optional.empty() : javaSource.of(id, scope);
  }

  public static final class Builder<T extends Table<?>> {

    private final ModelRef<T> ref;
    private final Map<String, FieldSql<T>> fields = new LinkedHashMap<>();
    private final Map<String, String> resolvedInJava = new LinkedHashMap<>();
    private @Nullable IdColumns<T> idColumns;
    private @Nullable BiFunction<T, ReadRequest, Condition> rows;
    private final boolean extension;
    private final Map<String, ReadRule> rules = new LinkedHashMap<>();
    private final Map<String, ReadRecord.Rule> records = new LinkedHashMap<>();
    private @Nullable JavaSource javaSource;
    private @Nullable JavaObjects<?> javaObjects;

    private Builder(ModelRef<T> ref, boolean extension) {
      this.ref = ref;
      this.extension = extension;
    }

    /**
     * Which rows the caller may see, wherever the type is read — a list, a connection, a relation,
     * {@code node(id:)}, a mutation's answer: a row outside it is never written.
     */
    public Builder<T> rows(BiFunction<T, ReadRequest, Condition> visible) {
      this.rows = visible;
      return this;
    }

    /**
     * Only callers whose role in the row's community {@code allowed} accepts may read the field
     * (declared before or after it); the others get null and a {@code FORBIDDEN} error with {@code
     * message} at its path, while the rest of the answer stays.
     */
    public Builder<T> readableIf(
        String name, Predicate<ReachableCommunity> allowed, String message) {
      rules.put(name, new ReadRule(allowed, message));
      return this;
    }

    /**
     * The Java objects of the type's rows, as its Java resolvers take them: then a field resolved
     * in Java is answered below a compiled object, resolved on that object.
     */
    public Builder<T> javaSourceOf(JavaSource source) {
      this.javaSource = source;
      return this;
    }

    /**
     * The Java objects resolvers answer for the type's rows ({@link JavaObjects}), which answer
     * {@code ownFields} themselves.
     */
    public <J> Builder<T> javaObjects(
        Class<J> type, Function<J, GlobalIdParts> idOf, Set<String> ownFields) {
      this.javaObjects = new JavaObjects<>(type, idOf, Set.copyOf(ownFields));
      return this;
    }

    /**
     * Reading the field is recorded when {@code rule} says so for its arguments, or refused when it
     * throws (a lookup by a number only some roles may make): decided for the field's one
     * community, the record written in the answer's transaction ({@link ReadRecord}).
     */
    public Builder<T> recordedIf(String name, ReadRecord.Rule rule) {
      records.put(name, rule);
      return this;
    }

    /**
     * A String, Int, Boolean or enum field: the column or expression as PostgreSQL writes it to
     * JSON (enums are stored by their GraphQL names).
     */
    public Builder<T> value(String name, Function<T, Field<?>> sql) {
      return field(
          name, (row, selected, c) -> selected.plain() ? Optional.of(sql.apply(row)) : none());
    }

    /** A field whose value depends on the request: the caller, or the request's one clock. */
    public Builder<T> value(String name, BiFunction<T, ReadRequest, Field<?>> sql) {
      return field(
          name,
          (row, selected, c) ->
              selected.plain() ? Optional.of(sql.apply(row, c.request())) : none());
    }

    /** The type's global {@code id}, as {@code GlobalId} writes it. */
    public Builder<T> id(Function<T, Field<UUID>> communityId, Function<T, Field<UUID>> id) {
      idColumns = new IdColumns<>(communityId, id);
      return value(
          "id", row -> JsonSql.globalId(ref.typeName(), communityId.apply(row), id.apply(row)));
    }

    /**
     * A value stored encrypted, with a masked copy beside it (a resident's phone number): the mask
     * for most callers; for those whose role in the row's community {@code mayReveal} accepts, the
     * plain value, which the {@link SecretKeeper} of {@code kind} decrypts and records as read in
     * the answer's own transaction. Declared after the type's {@link #id}, whose columns say whose
     * secret it is.
     */
    public Builder<T> secret(
        String name,
        String kind,
        Function<T, Field<String>> masked,
        Function<T, Field<byte[]>> cipher,
        Predicate<ReachableCommunity> mayReveal) {
      IdColumns<T> owner = idColumns;
      if (owner == null) {
        throw new IllegalStateException(ref.typeName() + "." + name + " is declared before id");
      }
      return field(
          name,
          (row, selected, c) -> {
            if (!selected.plain()) {
              return none();
            }
            Field<UUID> community = owner.communityId().apply(row);
            return Optional.of(
                c.secret(
                    mayReveal,
                    community,
                    JsonText.of(masked.apply(row)),
                    SecretSlots.slot(kind, community, owner.id().apply(row), cipher.apply(row))));
          });
    }

    /** A {@code DateTime} field, written like the Java scalar. */
    public Builder<T> dateTime(String name, Function<T, Field<OffsetDateTime>> sql) {
      // the text needs no escaping: digits, dashes, colons, a point, T and Z
      return value(name, row -> JsonText.concat("\"", JsonSql.dateTime(sql.apply(row)), "\""));
    }

    /** A {@code Date} field: PostgreSQL writes dates in ISO form, as the Java scalar does. */
    public Builder<T> date(String name, Function<T, Field<LocalDate>> sql) {
      return value(name, sql::apply);
    }

    /**
     * A to-one field: the first row of {@code target} that {@code join} finds, or null — for a join
     * that is no unique key of the target (a view, a term running today); a join by a unique key is
     * a {@link #reference}, which PostgreSQL runs as a plain join.
     */
    public <R extends Table<?>> Builder<T> object(
        String name, ModelRef<R> target, BiFunction<T, R, Condition> join) {
      return object(name, target, (row, other, request) -> join.apply(row, other));
    }

    /**
     * A to-one field found by one of {@code target}'s unique keys: {@code key} lists the key's
     * columns of the target, {@code columns} this row's columns that hold them, in the same order;
     * null where this row holds none or the caller may not see the row. At most one row matches, so
     * where it pays the join carries no limit and PostgreSQL folds it into the page's joins (when
     * that is, {@link Compilation#only} says). That the columns are a unique key (or a unique index
     * over all rows) is checked when the type is built: a join that could find two rows would
     * repeat this row in the answer.
     */
    public <R extends Table<?>> Builder<T> reference(
        String name,
        ModelRef<R> target,
        Function<R, List<? extends Field<?>>> key,
        Function<T, List<? extends Field<?>>> columns) {
      UniqueKeys.require(target, key);
      return toOne(
          name,
          target,
          (row, other, json, c) ->
              c.only(
                  json, target, row, other, UniqueKeys.join(key.apply(other), columns.apply(row))));
    }

    /** How a row reaches the rows of another type when that depends on the request (today). */
    @FunctionalInterface
    public interface RequestJoin<T, R> {
      Condition on(T row, R other, ReadRequest request);
    }

    /** A to-one field whose join depends on the request: a body's term running today. */
    public <R extends Table<?>> Builder<T> object(
        String name, ModelRef<R> target, RequestJoin<T, R> join) {
      return object(name, target, join, other -> List.of());
    }

    /** A to-one field: the first row of {@code target} that {@code join} finds in {@code order}. */
    public <R extends Table<?>> Builder<T> object(
        String name,
        ModelRef<R> target,
        BiFunction<T, R, Condition> join,
        Function<R, List<? extends OrderField<?>>> order) {
      return object(name, target, (row, other, request) -> join.apply(row, other), order);
    }

    private <R extends Table<?>> Builder<T> object(
        String name,
        ModelRef<R> target,
        RequestJoin<T, R> join,
        Function<R, List<? extends OrderField<?>>> order) {
      return toOne(
          name,
          target,
          (row, other, json, c) ->
              c.first(json, target, other, join.on(row, other, c.request()), order.apply(other)));
    }

    /** How a to-one field's subquery writes the object {@code json} of the row {@code other}. */
    @FunctionalInterface
    private interface OneRow<T, R> {
      Select<Record1<JSON>> of(T row, R other, Field<JSON> json, Compilation compilation);
    }

    /** A to-one field: the object of {@code target} that {@code oneRow} finds, joined laterally. */
    private <R extends Table<?>> Builder<T> toOne(
        String name, ModelRef<R> target, OneRow<T, R> oneRow) {
      return field(
          name,
          (row, selected, c) -> {
            if (!selected.arguments().isEmpty()) {
              return none();
            }
            R other = c.alias(target);
            c.lookedUp(other);
            return c.object(target.typeName(), other, selected.below())
                .map(json -> c.joined(row, oneRow.of(row, other, json, c)));
          });
    }

    /**
     * An object type written from the columns of this same row (a matter's location), when {@code
     * present} holds, else null: {@code part} declares its fields over this type's table.
     */
    public Builder<T> part(
        String name, ModelRef<T> part, BiFunction<T, ReadRequest, Condition> present) {
      return field(
          name,
          (row, selected, c) ->
              selected.arguments().isEmpty()
                  ? c.object(part.typeName(), row, selected.below())
                      .map(json -> DSL.when(present.apply(row, c.request()), json))
                  : none());
    }

    /**
     * A String only Java may compute from the row's id and {@code input} (a signed link, whose key
     * never reaches PostgreSQL, and the second it expires): a slot in the answer ({@link
     * SecretSlots}, with {@code input}'s text as its cipher) that the {@link SecretKeeper} of
     * {@code kind} fills after the statement ran. Declared after the type's {@link #id}.
     */
    public Builder<T> computed(
        String name, String kind, BiFunction<T, ReadRequest, Field<String>> input) {
      IdColumns<T> owner = idColumns;
      if (owner == null) {
        throw new IllegalStateException(ref.typeName() + "." + name + " is declared before id");
      }
      return value(
          name,
          (row, request) ->
              SecretSlots.slot(
                  kind,
                  owner.communityId().apply(row),
                  owner.id().apply(row),
                  DSL.field("convert_to({0}, 'UTF8')", byte[].class, input.apply(row, request))));
    }

    /** A list field: the rows of {@code target} that {@code join} finds, in {@code order}. */
    public <R extends Table<?>> Builder<T> list(
        String name,
        ModelRef<R> target,
        BiFunction<T, R, Condition> join,
        Function<R, List<? extends OrderField<?>>> order) {
      return field(
          name,
          (row, selected, c) -> {
            if (!selected.arguments().isEmpty()) {
              return none();
            }
            R other = c.alias(target);
            return c.at(
                    Compilation.LIST, () -> c.object(target.typeName(), other, selected.below()))
                .map(
                    json ->
                        DSL.field(
                            DSL.select(
                                    JsonShape.array(
                                        json, order.apply(other).toArray(OrderField<?>[]::new)))
                                .from(c.from(other))
                                .where(join.apply(row, other), c.visible(target, other))));
          });
    }

    /**
     * A Relay connection field ({@code first}, {@code after}, and {@code filter} arguments the
     * field's own {@code filter} reads): the rows of {@code target} that {@code join} finds, paged
     * by {@code keyset}, with {@code totalCount}.
     */
    public <R extends Table<?>> Builder<T> connection(
        String name,
        ModelRef<R> target,
        BiFunction<T, R, Condition> join,
        Keyset<R> keyset,
        BiFunction<R, Map<String, Object>, Condition> filter) {
      return connection(name, target, join, arguments -> keyset, filter);
    }

    /**
     * A connection whose order its arguments choose ({@code orderBy}): {@code keysets} gives the
     * keyset of the arguments, or throws {@code BAD_USER_INPUT}.
     */
    public <R extends Table<?>> Builder<T> connection(
        String name,
        ModelRef<R> target,
        BiFunction<T, R, Condition> join,
        Function<Map<String, Object>, Keyset<R>> keysets,
        BiFunction<R, Map<String, Object>, Condition> filter) {
      return connection(
          name,
          target,
          join,
          keysets,
          (RequestFilter<R>) (other, arguments, request) -> filter.apply(other, arguments));
    }

    /** How a connection's arguments filter its rows when that depends on the request. */
    @FunctionalInterface
    public interface RequestFilter<R> {
      Condition of(R row, Map<String, Object> arguments, ReadRequest request);
    }

    /** A connection whose filter depends on the request: the caller's own, overdue today. */
    public <R extends Table<?>> Builder<T> connection(
        String name,
        ModelRef<R> target,
        BiFunction<T, R, Condition> join,
        Keyset<R> keyset,
        RequestFilter<R> filter) {
      return connection(name, target, join, arguments -> keyset, filter);
    }

    private <R extends Table<?>> Builder<T> connection(
        String name,
        ModelRef<R> target,
        BiFunction<T, R, Condition> join,
        Function<Map<String, Object>, Keyset<R>> keysets,
        RequestFilter<R> filter) {
      return field(
          name,
          (row, selected, c) ->
              c.connection(
                      target,
                      other ->
                          join.apply(row, other)
                              .and(filter.of(other, selected.arguments(), c.request())),
                      keysets.apply(selected.arguments()),
                      selected.arguments(),
                      selected.below())
                  .map(DSL::field));
    }

    /** A field resolved in Java, with the reason SQL cannot answer it. */
    public Builder<T> resolvedInJava(String name, String reason) {
      if (fields.containsKey(name) || resolvedInJava.putIfAbsent(name, reason) != null) {
        throw new IllegalStateException(ref.typeName() + "." + name + " is declared twice");
      }
      return this;
    }

    /** Any other field: its compiler. */
    public Builder<T> field(String name, FieldSql<T> sql) {
      if (resolvedInJava.containsKey(name) || fields.putIfAbsent(name, sql) != null) {
        throw new IllegalStateException(ref.typeName() + "." + name + " is declared twice");
      }
      return this;
    }

    public ObjectModel<T> build() {
      return new ObjectModel<>(
          ref,
          fields,
          resolvedInJava,
          idColumns,
          rows,
          extension,
          rules,
          records,
          javaSource,
          javaObjects);
    }

    private static Optional<Field<?>> none() {
      return Optional.empty();
    }
  }
}
