package org.redgovernance.api.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.api.support.Uploads;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.HttpJson;

/** A community lays out its grids and buildings, then imports the people living there. */
class PlaceMutationsIntegrationTests extends IntegrationTest {

  @Test
  void aNewGridAndBuilding_takeAnImportedHousehold() {
    GraphQlResult grid =
        graphql
            .document("addGrid")
            .as("xinhua.admin")
            .variable(
                "input",
                Map.of("communityKey", "xinhua", "name", "第九网格", "partyBranchName", "第九网格支部"))
            .execute();
    String gridId = grid.data("addGrid.grid.id").asString();
    GraphQlResult building =
        graphql
            .document("addBuilding")
            .as("xinhua.admin")
            .variable(
                "input",
                Map.of("communityKey", "xinhua", "number", "90幢", "units", 3, "gridId", gridId))
            .execute();

    assertThat(building.data("addBuilding.building.grid.name").asString()).isEqualTo("第九网格");
    HttpJson.Response imported =
        Uploads.post(
            port,
            "/roster-imports",
            "xinhua.admin",
            Map.of("community", "xinhua", "dryRun", "false"),
            "r.csv",
            "楼栋,单元,室,姓名\n90幢,1,101,新住户\n".getBytes(StandardCharsets.UTF_8));
    assertThat(imported.body().path("applied").asBoolean()).as(imported.body().toString()).isTrue();
    assertThat(imported.body().path("households").path("created").asInt()).isEqualTo(1);
  }

  @Test
  void namesAndNumbers_areUniqueInACommunity() {
    Map<String, Object> grid = Map.of("communityKey", "xinhua", "name", "重名网格");
    graphql.document("addGrid").as("xinhua.admin").variable("input", grid).execute();
    GraphQlResult again =
        graphql.document("addGrid").as("xinhua.admin").variable("input", grid).execute();
    Map<String, Object> building = Map.of("communityKey", "xinhua", "number", "重号幢");
    graphql.document("addBuilding").as("xinhua.admin").variable("input", building).execute();
    GraphQlResult twice =
        graphql.document("addBuilding").as("xinhua.admin").variable("input", building).execute();

    assertThat(again.data("addGrid.errors.0.code").asString()).isEqualTo("DUPLICATE");
    assertThat(twice.data("addBuilding.errors.0.code").asString()).isEqualTo("DUPLICATE");
  }

  @Test
  void aBuildingOfAGridOfAnotherCommunity_isRefused() {
    String baiguoshuGrid =
        graphql
            .document("rosterIds")
            .as("baiguoshu.admin")
            .variable("key", "baiguoshu")
            .execute()
            .data("community.grids.edges.0.node.id")
            .asString();

    GraphQlResult refused =
        graphql
            .document("addBuilding")
            .as("xinhua.admin")
            .variable(
                "input",
                Map.of("communityKey", "xinhua", "number", "借网格幢", "gridId", baiguoshuGrid))
            .execute();

    assertThat(refused.data("addBuilding.errors.0.code").asString()).isEqualTo("NOT_FOUND");
    assertThat(refused.data("addBuilding.errors.0.field.0").asString()).isEqualTo("gridId");
  }
}
