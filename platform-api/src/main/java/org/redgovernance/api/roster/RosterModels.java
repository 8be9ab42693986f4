package org.redgovernance.api.roster;

import static org.redgovernance.database.jooq.Tables.BUILDING;
import static org.redgovernance.database.jooq.Tables.GRID;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.redgovernance.api.communities.CommunityModels;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.readmodel.Keyset;
import org.redgovernance.api.readmodel.ModelRef;
import org.redgovernance.api.readmodel.ObjectModel;
import org.redgovernance.api.readmodel.ReadRequest;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.database.jooq.tables.Building;
import org.redgovernance.database.jooq.tables.Community;
import org.redgovernance.database.jooq.tables.Grid;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The roster's types as the read model declares them: {@code Grid} and {@code Building} so far, and
 * the roster's lists on {@code Community}. Only the community's staff and the street read the
 * roster: for anyone else its rows do not exist, and its lists on {@code Community} are refused.
 */
@Configuration(proxyBeanMethods = false)
class RosterModels {

  static final ModelRef<Grid> GRIDS = new ModelRef<>(RosterTypes.GRID, GRID::as);
  static final ModelRef<Building> BUILDINGS = new ModelRef<>(RosterTypes.BUILDING, BUILDING::as);

  static final String ROSTER_REFUSED =
      "Only the community's staff and street roles may read its roster";

  @Bean
  ObjectModel<Grid> gridModel() {
    return ObjectModel.of(GRIDS)
        .rows((grid, request) -> rosterReadable(grid.COMMUNITY_ID, request))
        .id(grid -> grid.COMMUNITY_ID, grid -> grid.ID)
        .value("name", grid -> grid.NAME)
        .value("partyBranchName", grid -> grid.PARTY_BRANCH_NAME)
        .value("workerName", grid -> grid.WORKER_NAME)
        .value("version", grid -> grid.VERSION)
        .build();
  }

  @Bean
  ObjectModel<Building> buildingModel() {
    return ObjectModel.of(BUILDINGS)
        .rows((building, request) -> rosterReadable(building.COMMUNITY_ID, request))
        .id(building -> building.COMMUNITY_ID, building -> building.ID)
        .value("number", building -> building.NUMBER)
        .value("units", building -> building.UNITS)
        .value("version", building -> building.VERSION)
        .object(
            "grid",
            GRIDS,
            (building, grid) ->
                grid.COMMUNITY_ID.eq(building.COMMUNITY_ID).and(grid.ID.eq(building.GRID_ID)))
        .build();
  }

  /** The roster's lists on {@code Community}, in id order (an order that never changes). */
  @Bean
  ObjectModel<Community> communityRoster() {
    return ObjectModel.extension(CommunityModels.COMMUNITIES)
        .connection(
            "grids",
            GRIDS,
            (community, grid) -> grid.COMMUNITY_ID.eq(community.ID),
            Keyset.byId(grid -> grid.ID),
            (grid, arguments) -> DSL.noCondition())
        .readableIf("grids", ReachableCommunity::mayReadRoster, ROSTER_REFUSED)
        .connection(
            "buildings",
            BUILDINGS,
            (community, building) -> building.COMMUNITY_ID.eq(community.ID),
            Keyset.byId(building -> building.ID),
            (building, arguments) -> inGrid(building, arguments))
        .readableIf("buildings", ReachableCommunity::mayReadRoster, ROSTER_REFUSED)
        .build();
  }

  /** The {@code gridId} filter: an id of another type or community matches nothing. */
  private static Condition inGrid(Building building, Map<String, Object> arguments) {
    Object gridId = arguments.get("gridId");
    if (gridId == null) {
      return DSL.noCondition();
    }
    return GlobalId.decode((String) gridId, RosterTypes.GRID)
        .map(
            grid ->
                building.COMMUNITY_ID.eq(grid.communityId()).and(building.GRID_ID.eq(grid.id())))
        .orElse(DSL.falseCondition());
  }

  /** Roster rows only of the communities whose roster the caller may read. */
  private static Condition rosterReadable(Field<UUID> community, ReadRequest request) {
    List<UUID> readable =
        request.scope().communities().stream()
            .filter(ReachableCommunity::mayReadRoster)
            .map(ReachableCommunity::id)
            .toList();
    return community.in(readable);
  }
}
