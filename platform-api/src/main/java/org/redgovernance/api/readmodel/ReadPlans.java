package org.redgovernance.api.readmodel;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.security.Caller;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.ReachableCommunities;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Compiled reads of query root fields, kept: front ends send the same documents over and over, and
 * building and rendering a statement cost a quarter of a read's CPU. A plan is kept for one field
 * of one operation with one set of variables, for one caller with one scope, on one day; only the
 * request's clock reading changes between two uses, and it is bound anew each time.
 *
 * <p>Whether a read may be kept is proved, not assumed: on the first request it is compiled twice,
 * the second time for a clock a day, an hour, a minute, a second and a microsecond later, and kept
 * only when the two statements differ in nothing but the values bound for that clock reading and
 * for today. A rule that computes another time from it in Java (a week ago, a link's expiry) makes
 * the read be compiled for every request, as does a rule with an effect of its own ({@link
 * Compiled#reusable}). With {@code rg.read-plans.verify} (the tests), every use is compiled again
 * and compared with the plan, so that an input a plan's key misses fails the build.
 */
@Component
public class ReadPlans {

  /** How far the second compilation's clock is moved: every part of the time changes. */
  static final Duration SHIFT = Duration.ofDays(1).plusHours(1).plusMinutes(1).plusSeconds(1);

  private final DSLContext dsl;
  private final boolean verify;
  private final Cache<Key, Plan> plans;

  ReadPlans(
      DSLContext dsl,
      MeterRegistry registry,
      @Value("${rg.read-plans.max-chars:50000000}") long maxChars,
      @Value("${rg.read-plans.verify:false}") boolean verify) {
    this.dsl = dsl;
    this.verify = verify;
    this.plans =
        Caffeine.newBuilder()
            .maximumWeight(maxChars)
            .weigher((Key key, Plan plan) -> plan.weight() + key.weight())
            .expireAfterAccess(Duration.ofHours(1))
            .recordStats()
            .build();
    // cache_gets{result=hit|miss}, cache_evictions … under cache="rg.read-plans"
    CaffeineCacheMetrics.monitor(registry, plans, "rg.read-plans");
  }

  /** How often a kept plan answered, and how often a read was compiled instead. */
  CacheStats stats() {
    return plans.stats();
  }

  /**
   * The read {@code compile} compiles for the request's root field, from the plan kept for it when
   * there is one; {@code compile} is given the request to compile for.
   */
  public Optional<Compiled> compiled(
      DataFetchingEnvironment environment, Function<ReadRequest, Optional<Compiled>> compile) {
    ReadRequest request = ReadRequest.of(environment);
    return planned(RootKey.of(environment, request), request, null, (at, id) -> compile.apply(at));
  }

  /**
   * The read of one object by its id — what a mutation changed, or a subscription's event is about
   * — as {@code selected} selects it: kept per selection, type, community, caller, scope and day,
   * and sent for every object of the type in the community with its id bound where the plan's was.
   */
  Optional<Compiled> object(
      SelectedField selected,
      String typeName,
      GlobalIdParts id,
      ReadRequest request,
      BiFunction<ReadRequest, UUID, Optional<Compiled>> compile) {
    // the object's statement is compiled for the caller's scope narrowed to its community
    Optional<ReachableCommunity> community = request.scope().byId(id.communityId());
    ObjectKey key =
        community
            .map(
                reached ->
                    new ObjectKey(
                        typeName,
                        reached,
                        Shape.of(selected),
                        request.scope().caller(),
                        request.today()))
            .orElse(null);
    return planned(key, request, id.id(), compile);
  }

  /**
   * The read for {@code request} (and the object {@code id}, when it reads one), from the plan kept
   * under {@code key}; compiled, and kept when it can be, when there is none.
   */
  private Optional<Compiled> planned(
      @Nullable Key key,
      ReadRequest request,
      @Nullable UUID id,
      BiFunction<ReadRequest, UUID, Optional<Compiled>> compile) {
    if (key == null) {
      return compile.apply(request, id);
    }
    Plan plan = plans.getIfPresent(key);
    if (plan != null) {
      Compiled kept = plan.at(request, id);
      if (verify) {
        verified(kept, compile.apply(request, id));
      }
      return Optional.of(kept);
    }
    Optional<Compiled> compiled = compile.apply(request, id);
    if (compiled.isEmpty()
        || !compiled.get().reusable()
        || !(compiled.get().statement() instanceof ReadStatement.Built built)) {
      return compiled;
    }
    Optional<ReadStatement.Prepared> prepared = ReadStatement.Prepared.of(dsl, built.select());
    if (prepared.isEmpty()) {
      return compiled;
    }
    Compiled sent = compiled.get().sending(prepared.get());
    // the same read for a later clock and another object: what differs is where they are bound
    ReadRequest later = new ReadRequest(request.scope(), request.now().plus(SHIFT));
    UUID other = id == null ? null : UUID.randomUUID();
    compile
        .apply(later, other)
        .flatMap(this::prepared)
        .flatMap(again -> Plan.of(sent, request, id, again, later, other))
        .ifPresent(kept -> plans.put(key, kept));
    return Optional.of(sent);
  }

  /** The read with its statement rendered, when it can be. */
  private Optional<Compiled> prepared(Compiled compiled) {
    return compiled.statement() instanceof ReadStatement.Built built
        ? ReadStatement.Prepared.of(dsl, built.select()).map(compiled::sending)
        : Optional.empty();
  }

  /** Fails when a kept read is not what compiling it again for the request gives. */
  private void verified(Compiled kept, Optional<Compiled> fresh) {
    Optional<Compiled> again = fresh.flatMap(this::prepared);
    if (again.isEmpty()
        || !kept.sameBesidesStatement(again.get())
        || !(kept.statement() instanceof ReadStatement.Prepared prepared)
        || !prepared.sameAs(again.get().statement())) {
      throw new IllegalStateException(
          "A kept read plan differs from the read compiled again: its key misses an input.\nkept:  "
              + kept
              + "\nfresh: "
              + again);
    }
  }

  /** What a plan is kept under. */
  private sealed interface Key {
    /** Roughly what the key holds, in characters. */
    int weight();
  }

  /**
   * A root field's plan: the operation (the document is parsed once and kept, so the same operation
   * is the same object), its variables, the root field's result key, the caller and the communities
   * of their scope (with roles and statuses), and the day.
   */
  private record RootKey(
      Identity operation,
      String resultKey,
      Map<String, Object> variables,
      Caller caller,
      ReachableCommunities communities,
      LocalDate today)
      implements Key {

    /** The key of the request's root query field; null for any other field. */
    static @Nullable RootKey of(DataFetchingEnvironment environment, ReadRequest request) {
      OperationDefinition operation = environment.getOperationDefinition();
      if (operation == null
          || operation.getOperation() != OperationDefinition.Operation.QUERY
          || environment.getExecutionStepInfo().getPath().getLevel() != 1) {
        return null;
      }
      AccessScope scope = request.scope();
      return new RootKey(
          new Identity(operation),
          environment.getField().getResultKey(),
          environment.getVariables(),
          scope.caller(),
          scope.reachable(),
          request.today());
    }

    @Override
    public int weight() {
      // the variables dominate
      return 256 + variables.toString().length() + communities.size() * 128;
    }
  }

  /**
   * The plan of reading one object of a type in a community by its id, for a selection, a caller
   * with their roles there, on a day: the selection as GraphQL resolved it (directives applied,
   * arguments with their values), so that any operation selecting the same gets the same plan.
   */
  private record ObjectKey(
      String typeName,
      ReachableCommunity community,
      Shape selection,
      Caller caller,
      LocalDate today)
      implements Key {

    @Override
    public int weight() {
      return 384 + selection.toString().length();
    }
  }

  /** A selection as GraphQL resolved it: each field's result key, name, types and arguments. */
  private record Shape(
      String resultKey,
      String name,
      List<String> objectTypes,
      Map<String, Object> arguments,
      List<Shape> below) {

    static Shape of(SelectedField field) {
      return new Shape(
          field.getResultKey(),
          field.getName(),
          field.getObjectTypeNames(),
          field.getArguments(),
          field.getSelectionSet().getImmediateFields().stream().map(Shape::of).toList());
    }
  }

  /** An object compared by its identity, never by its contents. */
  private record Identity(Object object) {

    @Override
    public boolean equals(Object other) {
      return other instanceof Identity identity && identity.object == object;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(object);
    }
  }

  /**
   * A kept read: its statement's text, its values, and where among them the request's clock reading
   * and today are bound.
   */
  private record Plan(
      Compiled compiled, String sql, Object[] values, int[] nowAt, int[] todayAt, int[] idAt) {

    /**
     * The plan of {@code first} (compiled for {@code request} and the object {@code id}), when
     * {@code second} (compiled for the {@code later} request and the object {@code other}) differs
     * from it only where the two clock readings, days and objects are bound.
     */
    static Optional<Plan> of(
        Compiled first,
        ReadRequest request,
        @Nullable UUID id,
        Compiled second,
        ReadRequest later,
        @Nullable UUID other) {
      if (!(first.statement() instanceof ReadStatement.Prepared one)
          || !(second.statement() instanceof ReadStatement.Prepared again)
          || !one.sql().equals(again.sql())
          || one.values().size() != again.values().size()
          || !first.sameBesidesStatement(second)) {
        return Optional.empty();
      }
      List<Integer> nowAt = new ArrayList<>();
      List<Integer> todayAt = new ArrayList<>();
      List<Integer> idAt = new ArrayList<>();
      for (int i = 0; i < one.values().size(); i++) {
        Object value = one.values().get(i);
        Object otherValue = again.values().get(i);
        if (value == request.now() && otherValue == later.now()) {
          nowAt.add(i);
        } else if (value.equals(request.today()) && otherValue.equals(later.today())) {
          todayAt.add(i);
        } else if (id != null && value.equals(id) && otherValue.equals(other)) {
          idAt.add(i);
        } else if (!Objects.deepEquals(value, otherValue)) {
          // a value computed from the clock in Java, or from anything else that changed
          return Optional.empty();
        }
      }
      return Optional.of(
          new Plan(
              first,
              one.sql(),
              one.values().toArray(),
              positions(nowAt),
              positions(todayAt),
              positions(idAt)));
    }

    private static int[] positions(List<Integer> at) {
      return at.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The read for {@code request} and the object {@code id}: each bound where it goes. */
    Compiled at(ReadRequest request, @Nullable UUID id) {
      Object[] bound = values.clone();
      for (int i : nowAt) {
        bound[i] = request.now();
      }
      LocalDate today = request.today();
      for (int i : todayAt) {
        bound[i] = today;
      }
      for (int i : idAt) {
        bound[i] = Objects.requireNonNull(id);
      }
      return compiled.sending(new ReadStatement.Prepared(sql, List.of(bound)));
    }

    int weight() {
      return sql.length() + values.length * 64;
    }
  }
}
