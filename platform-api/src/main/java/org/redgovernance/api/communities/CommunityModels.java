package org.redgovernance.api.communities;

import static org.redgovernance.database.jooq.Tables.COMMUNITY;
import static org.redgovernance.database.jooq.Tables.STREET;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.CaseValueStep;
import org.jooq.CaseWhenStep;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.Record3;
import org.jooq.Row2;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.readmodel.GlobalIdParts;
import org.redgovernance.api.readmodel.InCommunities;
import org.redgovernance.api.readmodel.JsonText;
import org.redgovernance.api.readmodel.Keyset;
import org.redgovernance.api.readmodel.ModelRef;
import org.redgovernance.api.readmodel.ObjectModel;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.CommunityStatus;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.database.jooq.tables.Street;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code Community} and {@code Street} as the read model declares them. The features add their own
 * fields to {@code Community} ({@link ObjectModel#extension}).
 */
@Configuration(proxyBeanMethods = false)
public class CommunityModels {

  public static final ModelRef<org.redgovernance.database.jooq.tables.Community> COMMUNITIES =
      new ModelRef<>(Community.TYPE, COMMUNITY::as);

  public static final ModelRef<Street> STREETS = new ModelRef<>("Street", STREET::as);

  /**
   * Every community with every value of an enum and its position (columns community_id, value,
   * position): the rows of a figure per value (matters per status, deliveries per channel), of
   * which a community's figures list those they count.
   */
  public static Table<Record3<UUID, String, Integer>> withEachValue(
      String alias, Enum<?>[] values) {
    @SuppressWarnings("unchecked")
    Row2<String, Integer>[] rows =
        java.util.Arrays.stream(values)
            .map(value -> DSL.row(value.name(), value.ordinal()))
            .toArray(Row2[]::new);
    Table<?> all = DSL.values(rows).as("all_values", "value", "position");
    return DSL.select(
            COMMUNITY.ID.as("community_id"),
            all.field("value", String.class),
            all.field("position", Integer.class))
        .from(COMMUNITY)
        .crossJoin(all)
        .asTable(alias);
  }

  @Bean
  ObjectModel<org.redgovernance.database.jooq.tables.Community> communityModel() {
    return ObjectModel.of(COMMUNITIES)
        // the registry's own row-level security shows the same communities; said here as well
        .rows((community, request) -> InCommunities.inScope(community.ID, request.scope()))
        .id(community -> community.ID, community -> community.ID)
        // what a field decided one community at a time is answered on, below a list of several
        // (a lookup by phone number, recorded per community: RosterModels' residents)
        .javaSourceOf((id, scope) -> scope.byId(id.communityId()).map(Community::of))
        // a community from the scope answers its header; its other fields are compiled
        .javaObjects(
            Community.class,
            community -> new GlobalIdParts(community.id(), community.id()),
            Community.HEADER)
        .value("key", community -> community.KEY)
        .value("name", community -> community.NAME)
        .value("status", community -> community.STATUS)
        .reference(
            "street",
            STREETS,
            street -> List.of(street.ID),
            community -> List.of(community.STREET_ID))
        .value("myRoles", (community, request) -> rolesOf(community.ID, request.scope()))
        // the features declare the rest with ObjectModel.extension: roster (grids, buildings,
        // households, residents, partyMembers), matters (matters, matterFigures,
        // matterSubcategories), meetings (meetings, meetingFigures), and so on
        .build();
  }

  @Bean
  ObjectModel<Street> streetModel() {
    return ObjectModel.of(STREETS)
        .value("key", street -> street.KEY)
        .value("name", street -> street.NAME)
        .build();
  }

  /** Communities in key order, the key as the cursor's (as the Java page writes it). */
  static final Keyset<org.redgovernance.database.jooq.tables.Community> BY_KEY =
      new Keyset<>(
          community -> List.of(community.KEY.asc()),
          community -> community.KEY,
          (community, key) -> community.KEY.gt(key));

  /** The {@code communities} filter: of one street, in some statuses (none given: all). */
  static Function<org.redgovernance.database.jooq.tables.Community, Condition> matching(
      @Nullable String streetKey, @Nullable List<CommunityStatus> statuses) {
    return community ->
        (streetKey == null
                ? DSL.noCondition()
                : community.STREET_ID.in(
                    DSL.select(STREET.ID).from(STREET).where(STREET.KEY.eq(streetKey))))
            .and(
                statuses == null || statuses.isEmpty()
                    ? DSL.noCondition()
                    : community.STATUS.in(statuses.stream().map(Enum::name).toList()));
  }

  /** The community with this id. */
  static Function<org.redgovernance.database.jooq.tables.Community, Condition> byId(UUID id) {
    return community -> community.ID.eq(id);
  }

  /** The roles the caller holds in each community, from their scope (the token's grants). */
  private static Field<JSON> rolesOf(Field<UUID> community, AccessScope scope) {
    CaseValueStep<UUID> byCommunity = DSL.case_(community);
    CaseWhenStep<UUID, JSON> roles = null;
    for (ReachableCommunity reachable : scope.communities()) {
      Field<JSON> held =
          JsonText.literal(
              reachable.roles().stream()
                  .sorted(Comparator.naturalOrder())
                  .map(role -> "\"" + role.name() + "\"")
                  .collect(Collectors.joining(",", "[", "]")));
      roles =
          roles == null
              ? byCommunity.when(DSL.val(reachable.id()), held)
              : roles.when(DSL.val(reachable.id()), held);
    }
    return roles == null ? JsonText.EMPTY_ARRAY : roles.otherwise(JsonText.EMPTY_ARRAY);
  }
}
