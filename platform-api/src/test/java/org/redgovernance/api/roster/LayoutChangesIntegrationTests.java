package org.redgovernance.api.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.api.support.Rows;
import org.redgovernance.testing.GraphQlResult;

/** Correcting xinhua's layout and opening a new term; nothing that records refer to is deleted. */
class LayoutChangesIntegrationTests extends IntegrationTest {

  @Test
  void anEmptyGridBuildingAndHousehold_canBeDeletedInTurn_butNotWhileInUse() {
    String grid =
        run("addGrid", Map.of("communityKey", "xinhua", "name", "临时网格"))
            .data("addGrid.grid.id")
            .asString();
    String building =
        run("addBuilding", Map.of("communityKey", "xinhua", "number", "临时幢", "gridId", grid))
            .data("addBuilding.building.id")
            .asString();
    String household =
        run("addHousehold", Map.of("buildingId", building, "unit", "1", "room", "101"))
            .data("addHousehold.household.id")
            .asString();

    GraphQlResult gridInUse = run("deleteGrid", Map.of("id", grid, "expectedVersion", 0));
    GraphQlResult buildingInUse =
        run("deleteBuilding", Map.of("id", building, "expectedVersion", 0));
    GraphQlResult householdGone =
        run("deleteHousehold", Map.of("id", household, "expectedVersion", 0));
    GraphQlResult buildingGone =
        run("deleteBuilding", Map.of("id", building, "expectedVersion", 0));
    GraphQlResult gridGone = run("deleteGrid", Map.of("id", grid, "expectedVersion", 0));

    assertThat(gridInUse.data("deleteGrid.errors.0.code").asString()).isEqualTo("CONFLICT");
    assertThat(buildingInUse.data("deleteBuilding.errors.0.code").asString()).isEqualTo("CONFLICT");
    assertThat(householdGone.data("deleteHousehold.deletedId").asString()).isEqualTo(household);
    assertThat(buildingGone.data("deleteBuilding.deletedId").asString()).isEqualTo(building);
    assertThat(gridGone.data("deleteGrid.deletedId").asString()).isEqualTo(grid);
  }

  @Test
  void aHouseholdWithResidents_cannotBeDeleted_butMovesToAnotherGrid() {
    GraphQlResult ids =
        graphql.document("rosterIds").as("xinhua.admin").variable("key", "xinhua").execute();
    String household = ids.data("community.households.edges.0.node.id").asString();
    String otherGrid =
        run("addGrid", Map.of("communityKey", "xinhua", "name", "迁入网格"))
            .data("addGrid.grid.id")
            .asString();

    GraphQlResult refused = run("deleteHousehold", Map.of("id", household, "expectedVersion", 0));
    GraphQlResult moved =
        run("updateHousehold", Map.of("id", household, "expectedVersion", 0, "gridId", otherGrid));

    assertThat(refused.data("deleteHousehold.errors.0.code").asString()).isEqualTo("CONFLICT");
    assertThat(moved.data("updateHousehold.household.grid.name").asString()).isEqualTo("迁入网格");
    assertThat(moved.data("updateHousehold.household.version").asInt()).isEqualTo(1);
  }

  @Test
  void aNewTerm_mayNotOverlapTheRunningOne() {
    String body =
        graphql
            .document("rosterIds")
            .as("xinhua.admin")
            .variable("key", "xinhua")
            .execute()
            .data("community.bodies.1.id")
            .asString();

    GraphQlResult overlapping =
        run(
            "addBodyTerm",
            Map.of("bodyId", body, "number", 4, "startsOn", "2028-06-01", "endsOn", "2033-05-31"));
    GraphQlResult next =
        run(
            "addBodyTerm",
            Map.of("bodyId", body, "number", 4, "startsOn", "2029-01-01", "endsOn", "2033-12-31"));
    GraphQlResult again =
        run(
            "addBodyTerm",
            Map.of("bodyId", body, "number", 4, "startsOn", "2034-01-01", "endsOn", "2038-12-31"));

    assertThat(overlapping.data("addBodyTerm.errors.0.code").asString()).isEqualTo("CONFLICT");
    assertThat(next.data("addBodyTerm.body.terms.0.number").asInt()).isEqualTo(4);
    assertThat(again.data("addBodyTerm.errors.0.code").asString()).isEqualTo("DUPLICATE");
  }

  @Test
  void gridsAndBuildings_areRenamedWithTheirVersions() {
    String grid =
        run("addGrid", Map.of("communityKey", "xinhua", "name", "旧名网格"))
            .data("addGrid.grid.id")
            .asString();
    String building =
        run("addBuilding", Map.of("communityKey", "xinhua", "number", "旧号幢"))
            .data("addBuilding.building.id")
            .asString();

    GraphQlResult renamed =
        run(
            "updateGrid",
            Map.of("id", grid, "expectedVersion", 0, "name", "新名网格", "workerName", "网格员甲"));
    GraphQlResult stale =
        run("updateGrid", Map.of("id", grid, "expectedVersion", 0, "name", "又一名"));
    GraphQlResult renumbered =
        run(
            "updateBuilding",
            Map.of("id", building, "expectedVersion", 0, "number", "新号幢", "units", 4));
    GraphQlResult badUnits =
        run("updateBuilding", Map.of("id", building, "expectedVersion", 1, "units", 0));

    assertThat(renamed.data("updateGrid.grid.name").asString()).isEqualTo("新名网格");
    assertThat(renamed.data("updateGrid.grid.version").asInt()).isEqualTo(1);
    assertThat(stale.data("updateGrid.errors.0.code").asString()).isEqualTo("CONFLICT");
    assertThat(renumbered.data("updateBuilding.building.units").asInt()).isEqualTo(4);
    assertThat(badUnits.data("updateBuilding.errors.0.field.0").asString()).isEqualTo("units");
  }

  @Test
  void aSecondGridOrBuildingOfOneName_isADuplicate_aForeignGridIsNotFound_andNothingIsWritten() {
    run("addGrid", Map.of("communityKey", "xinhua", "name", "唯一网格"));
    run("addBuilding", Map.of("communityKey", "xinhua", "number", "唯一幢"));
    String foreignGrid =
        graphql
            .query(
                "{ community(key: \"baiguoshu\") { grids(first: 1) { edges { node { id } } } } }")
            .as("baiguoshu.admin")
            .execute()
            .data("community.grids.edges.0.node.id")
            .asString();
    long added = Rows.auditEvents("roster.grid.added") + Rows.auditEvents("roster.building.added");

    GraphQlResult grid = run("addGrid", Map.of("communityKey", "xinhua", "name", "唯一网格"));
    GraphQlResult building = run("addBuilding", Map.of("communityKey", "xinhua", "number", "唯一幢"));
    GraphQlResult foreign =
        run("addBuilding", Map.of("communityKey", "xinhua", "number", "新幢", "gridId", foreignGrid));

    assertThat(grid.data("addGrid.errors.0.code").asString()).isEqualTo("DUPLICATE");
    assertThat(grid.data("addGrid.grid").isNull()).isTrue();
    assertThat(building.data("addBuilding.errors.0.code").asString()).isEqualTo("DUPLICATE");
    assertThat(foreign.data("addBuilding.errors.0.code").asString()).isEqualTo("NOT_FOUND");
    assertThat(foreign.data("addBuilding.errors.0.field.0").asString()).isEqualTo("gridId");
    assertThat(Rows.auditEvents("roster.grid.added") + Rows.auditEvents("roster.building.added"))
        .isEqualTo(added);
  }

  private GraphQlResult run(String mutation, Map<String, Object> input) {
    GraphQlResult result =
        graphql.document(mutation).as("xinhua.admin").variable("input", input).execute();
    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    return result;
  }
}
