package org.redgovernance.api.roster;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.Record1;
import org.jooq.Select;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.communities.Community;
import org.redgovernance.api.graphql.ApiException;
import org.redgovernance.api.graphql.ErrorCode;
import org.redgovernance.api.graphql.FilterValues;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.graphql.NodeLookup;
import org.redgovernance.api.graphql.Page;
import org.redgovernance.api.graphql.PageRows;
import org.redgovernance.api.graphql.Selections;
import org.redgovernance.api.readmodel.DeclaredFields;
import org.redgovernance.api.readmodel.DeclaredObjects;
import org.redgovernance.api.readmodel.GlobalIdParts;
import org.redgovernance.api.readmodel.RenderedJson;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.api.tenancy.TenantTransactions;
import org.redgovernance.database.IdCardNumbers;
import org.redgovernance.database.PersonalDataCipher;
import org.redgovernance.database.PhoneNumbers;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Reading the roster: the connections on {@code Community}, the links between roster types (each
 * resolved in one batch per request level), and {@code node(id:)} for roster types.
 */
@Controller
class RosterController implements NodeLookup {

  record HouseholdFilterInput(
      @Nullable String gridId, @Nullable String buildingId, @Nullable Boolean withPartyMember) {}

  record ResidentFilterInput(
      @Nullable String gridId,
      @Nullable String buildingId,
      @Nullable String householdId,
      @Nullable String name,
      @Nullable List<String> statuses,
      @Nullable String status,
      @Nullable Boolean owner,
      @Nullable String phone,
      @Nullable String idCardNumber) {}

  record PartyMemberFilterInput(
      @Nullable List<String> kinds,
      @Nullable String kind,
      @Nullable String gridId,
      @Nullable String specialty,
      @Nullable String name) {}

  private final TenantTransactions transactions;
  private final RosterRepository roster;
  private final PersonalDataReader personalData;
  private final PersonalDataCipher cipher;
  private final Selections selections;

  private final DeclaredFields declared;
  private final DeclaredObjects objects;

  RosterController(
      TenantTransactions transactions,
      RosterRepository roster,
      PersonalDataReader personalData,
      PersonalDataCipher cipher,
      Selections selections,
      DeclaredFields declared,
      DeclaredObjects objects) {
    this.declared = declared;
    this.objects = objects;
    this.transactions = transactions;
    this.selections = selections;
    this.roster = roster;
    this.personalData = personalData;
    this.cipher = cipher;
  }

  // --- connections on Community

  /** Declared by {@link RosterModels}: refused to anyone who may not read the roster. */
  @SchemaMapping(typeName = Community.TYPE)
  Object grids(Community community, DataFetchingEnvironment environment) {
    return declared.answer(Community.TYPE, parts(community.id(), community.id()), environment);
  }

  /** Declared by {@link RosterModels}: refused to anyone who may not read the roster. */
  @SchemaMapping(typeName = Community.TYPE)
  Object buildings(Community community, DataFetchingEnvironment environment) {
    return declared.answer(Community.TYPE, parts(community.id(), community.id()), environment);
  }

  /**
   * A {@link Page} of households, or the same page as {@link RenderedJson} when PostgreSQL can
   * write everything selected.
   */
  @SchemaMapping(typeName = Community.TYPE)
  Object households(
      Community community,
      @Argument @Nullable Integer first,
      @Argument @Nullable String after,
      @Argument @Nullable HouseholdFilterInput filter,
      @Argument RosterOrder.@Nullable Input orderBy,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    AccessScope one = rosterScope(community, scope);
    int size = Page.size(first);
    RosterOrder order = RosterOrder.of(orderBy);
    RosterOrder.After from = RosterOrder.after(after, order.field().equals("ADDRESS") ? 3 : 0);
    HouseholdFilterInput input =
        filter == null ? new HouseholdFilterInput(null, null, null) : filter;
    RosterRepository.HouseholdFilter query =
        new RosterRepository.HouseholdFilter(
            localId(input.gridId(), RosterTypes.GRID, community),
            localId(input.buildingId(), RosterTypes.BUILDING, community),
            input.withPartyMember());
    Optional<Select<Record1<JSON>>> rendered =
        roster.householdsJson(
            community.id(), query, order, from, size, selections.below(environment));
    if (rendered.isPresent()) {
      return transactions.read(one, dsl -> RenderedJson.fetch(dsl, rendered.get()));
    }
    boolean counted = Page.countAsked(environment.getSelectionSet());
    PageRows<Household> rows =
        transactions.read(
            one,
            dsl -> roster.households(dsl, community.id(), query, order, from, size + 1, counted));
    return Page.of(
        rows,
        size,
        after != null,
        h ->
            RosterOrder.cursor(
                order.field().equals("ADDRESS")
                    ? List.of(h.buildingNumber(), h.unit(), h.room())
                    : List.of(),
                h.id()));
  }

  @SchemaMapping(typeName = Community.TYPE)
  Page<Resident> residents(
      Community community,
      @Argument @Nullable Integer first,
      @Argument @Nullable String after,
      @Argument @Nullable ResidentFilterInput filter,
      @Argument RosterOrder.@Nullable Input orderBy,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingFieldSelectionSet selection) {
    AccessScope one = rosterScope(community, scope);
    int size = Page.size(first);
    RosterOrder order = RosterOrder.of(orderBy);
    RosterOrder.After from = RosterOrder.after(after, order.field().equals("CREATED") ? 0 : 1);
    ResidentFilterInput input =
        filter == null
            ? new ResidentFilterInput(null, null, null, null, null, null, null, null, null)
            : filter;
    RosterRepository.ResidentFilter query =
        new RosterRepository.ResidentFilter(
            localId(input.gridId(), RosterTypes.GRID, community),
            localId(input.buildingId(), RosterTypes.BUILDING, community),
            localId(input.householdId(), RosterTypes.HOUSEHOLD, community),
            blankToNull(input.name()),
            FilterValues.anyOf(input.statuses(), input.status()),
            input.owner(),
            input.phone() == null ? null : cipher.lookupHash(PhoneNumbers.normalize(input.phone())),
            input.idCardNumber() == null
                ? null
                : cipher.lookupHash(IdCardNumbers.normalize(input.idCardNumber())));
    Set<PersonalField> byNumber = EnumSet.noneOf(PersonalField.class);
    if (input.phone() != null) {
      byNumber.add(PersonalField.PHONE);
    }
    if (input.idCardNumber() != null) {
      byNumber.add(PersonalField.ID_CARD);
    }
    boolean counted = Page.countAsked(selection);
    Function<DSLContext, PageRows<Resident>> page =
        dsl -> roster.residents(dsl, community.id(), query, order, from, size + 1, counted);
    PageRows<Resident> rows =
        byNumber.isEmpty()
            ? transactions.read(one, page)
            : personalData.lookUp(one, byNumber, page);
    return Page.of(
        rows,
        size,
        after != null,
        r ->
            RosterOrder.cursor(
                switch (order.field()) {
                  case "NAME" -> List.of(r.name());
                  case "BIRTH_YEAR" ->
                      List.of(Integer.toString(r.birthYear() == null ? 0 : r.birthYear()));
                  default -> List.of();
                },
                r.id()));
  }

  @SchemaMapping(typeName = Community.TYPE)
  Page<PartyMember> partyMembers(
      Community community,
      @Argument @Nullable Integer first,
      @Argument @Nullable String after,
      @Argument @Nullable PartyMemberFilterInput filter,
      @Argument RosterOrder.@Nullable Input orderBy,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingFieldSelectionSet selection) {
    AccessScope one = rosterScope(community, scope);
    int size = Page.size(first);
    RosterOrder order = RosterOrder.of(orderBy);
    RosterOrder.After from = RosterOrder.after(after, order.field().equals("CREATED") ? 0 : 1);
    PartyMemberFilterInput input =
        filter == null ? new PartyMemberFilterInput(null, null, null, null, null) : filter;
    RosterRepository.PartyMemberFilter query =
        new RosterRepository.PartyMemberFilter(
            FilterValues.anyOf(input.kinds(), input.kind()),
            localId(input.gridId(), RosterTypes.GRID, community),
            blankToNull(input.specialty()),
            blankToNull(input.name()));
    boolean counted = Page.countAsked(selection);
    PageRows<PartyMember> rows =
        transactions.read(
            one,
            dsl -> roster.partyMembers(dsl, community.id(), query, order, from, size + 1, counted));
    return Page.of(
        rows,
        size,
        after != null,
        m ->
            RosterOrder.cursor(
                switch (order.field()) {
                  case "NAME" -> List.of(m.name());
                  case "JOINED_ON" ->
                      List.of(
                          (m.joinedOn() == null ? RosterRepository.NO_DATE : m.joinedOn())
                              .toString());
                  default -> List.of();
                },
                m.id()));
  }

  // --- ids

  @SchemaMapping(typeName = RosterTypes.HOUSEHOLD, field = "id")
  String householdId(Household household) {
    return GlobalId.of(RosterTypes.HOUSEHOLD, household.communityId(), household.id());
  }

  @SchemaMapping(typeName = RosterTypes.HOUSEHOLD, field = "address")
  String address(Household household) {
    return household.address();
  }

  @SchemaMapping(typeName = RosterTypes.RESIDENT, field = "id")
  String residentId(Resident resident) {
    return GlobalId.of(RosterTypes.RESIDENT, resident.communityId(), resident.id());
  }

  @SchemaMapping(typeName = RosterTypes.PARTY_MEMBER, field = "id")
  String partyMemberId(PartyMember member) {
    return GlobalId.of(RosterTypes.PARTY_MEMBER, member.communityId(), member.id());
  }

  // --- links, one batch per level

  @BatchMapping(typeName = RosterTypes.HOUSEHOLD, field = "residents")
  Map<Household, List<Resident>> householdResidents(
      List<Household> households, GraphQLContext context) {
    List<UUID> missing =
        households.stream().filter(h -> h.residents() == null).map(Household::id).toList();
    Map<UUID, List<Resident>> loaded =
        missing.isEmpty()
            ? Map.of()
            : transactions
                .read(scope(context), dsl -> roster.residentsOfHouseholds(dsl, missing))
                .stream()
                .collect(Collectors.groupingBy(Resident::householdId));
    Map<Household, List<Resident>> result = new LinkedHashMap<>();
    for (Household household : households) {
      List<Resident> residents = household.residents();
      result.put(
          household,
          residents != null ? residents : loaded.getOrDefault(household.id(), List.of()));
    }
    return result;
  }

  @SchemaMapping(typeName = RosterTypes.HOUSEHOLD, field = "building")
  CompletableFuture<@Nullable Object> householdBuilding(
      Household household, DataFetchingEnvironment environment) {
    return objects.load(
        RosterTypes.BUILDING, parts(household.communityId(), household.buildingId()), environment);
  }

  @SchemaMapping(typeName = RosterTypes.HOUSEHOLD, field = "grid")
  CompletableFuture<@Nullable Object> householdGrid(
      Household household, DataFetchingEnvironment environment) {
    return objects.load(
        RosterTypes.GRID, parts(household.communityId(), household.gridId()), environment);
  }

  @SchemaMapping(typeName = RosterTypes.PARTY_MEMBER, field = "branch")
  CompletableFuture<@Nullable Object> branch(
      PartyMember member, DataFetchingEnvironment environment) {
    return objects.load(
        RosterTypes.GRID, parts(member.communityId(), member.gridId()), environment);
  }

  @BatchMapping(typeName = RosterTypes.RESIDENT, field = "household")
  Map<Resident, Household> residentHousehold(List<Resident> residents, GraphQLContext context) {
    return byId(residents, Resident::householdId, this::households, context);
  }

  @BatchMapping(typeName = RosterTypes.PARTY_MEMBER, field = "resident")
  Map<PartyMember, Resident> partyResident(List<PartyMember> members, GraphQLContext context) {
    return byId(members, PartyMember::residentId, this::residents, context);
  }

  @BatchMapping(typeName = RosterTypes.RESIDENT, field = "phone")
  Map<Resident, String> phone(List<Resident> residents, GraphQLContext context) {
    return personalData.read(residents, PersonalField.PHONE, scope(context));
  }

  @BatchMapping(typeName = RosterTypes.RESIDENT, field = "idCardNumber")
  Map<Resident, String> idCardNumber(List<Resident> residents, GraphQLContext context) {
    return personalData.read(residents, PersonalField.ID_CARD, scope(context));
  }

  // --- node(id:)

  @Override
  public Set<String> types() {
    return Set.of(RosterTypes.HOUSEHOLD, RosterTypes.RESIDENT, RosterTypes.PARTY_MEMBER);
  }

  @Override
  public Optional<Object> find(GlobalId id, AccessScope scope) {
    Optional<ReachableCommunity> community =
        scope.byId(id.communityId()).filter(ReachableCommunity::mayReadRoster);
    if (community.isEmpty()) {
      return Optional.empty();
    }
    AccessScope one = scope.narrowedTo(community.get());
    List<UUID> ids = List.of(id.id());
    List<?> found =
        switch (id.type()) {
          case RosterTypes.HOUSEHOLD -> households(one, ids);
          case RosterTypes.RESIDENT -> residents(one, ids);
          case RosterTypes.PARTY_MEMBER ->
              transactions.read(one, dsl -> roster.partyMembersByIds(dsl, ids));
          default -> List.of();
        };
    return found.stream().findFirst().map(Object.class::cast);
  }

  // --- helpers

  private List<Household> households(AccessScope scope, List<UUID> ids) {
    return transactions.read(scope, dsl -> roster.householdsByIds(dsl, ids));
  }

  private List<Resident> residents(AccessScope scope, List<UUID> ids) {
    return transactions.read(scope, dsl -> roster.residentsByIds(dsl, ids));
  }

  /** Resolves a to-one link for a batch of sources with one lookup of the distinct target ids. */
  private <S, T> Map<S, T> byId(
      List<S> sources,
      Function<S, @Nullable UUID> link,
      java.util.function.BiFunction<AccessScope, List<UUID>, List<T>> load,
      GraphQLContext context) {
    List<UUID> ids = new ArrayList<>();
    for (S source : sources) {
      UUID id = link.apply(source);
      if (id != null && !ids.contains(id)) {
        ids.add(id);
      }
    }
    Map<S, T> result = new HashMap<>();
    if (ids.isEmpty()) {
      return result;
    }
    Map<UUID, T> targets = new HashMap<>();
    for (T target : load.apply(scope(context), ids)) {
      targets.put(idOf(target), target);
    }
    for (S source : sources) {
      UUID id = link.apply(source);
      if (id != null && targets.containsKey(id)) {
        result.put(source, targets.get(id));
      }
    }
    return result;
  }

  private static UUID idOf(Object target) {
    if (target instanceof Household household) {
      return household.id();
    }
    if (target instanceof Resident resident) {
      return resident.id();
    }
    throw new IllegalArgumentException("Not a roster type: " + target);
  }

  private static @Nullable GlobalIdParts parts(UUID communityId, @Nullable UUID id) {
    return id == null ? null : new GlobalIdParts(communityId, id);
  }

  private static AccessScope scope(GraphQLContext context) {
    return context.get(AccessScope.CONTEXT_KEY);
  }

  private static AccessScope rosterScope(Community community, AccessScope scope) {
    ReachableCommunity reachable =
        scope
            .byId(community.id())
            .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No such community"));
    if (!reachable.mayReadRoster()) {
      throw new ApiException(
          ErrorCode.FORBIDDEN, "Only the community's staff and street roles may read its roster");
    }
    return scope.narrowedTo(reachable);
  }

  /**
   * The local id inside a global ID given as a filter. An ID of another type or community matches
   * nothing, so it yields an id no row has.
   */
  private static @Nullable UUID localId(
      @Nullable String globalId, String type, Community community) {
    if (globalId == null) {
      return null;
    }
    return GlobalId.decode(globalId, type)
        .filter(id -> id.communityId().equals(community.id()))
        .map(GlobalId::id)
        .orElse(new UUID(0, 0));
  }

  private static @Nullable UUID afterId(@Nullable String after) {
    if (after == null) {
      return null;
    }
    try {
      return UUID.fromString(Page.decodeCursor(after));
    } catch (IllegalArgumentException e) {
      throw ApiException.badInput("after is not a cursor of this connection");
    }
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
