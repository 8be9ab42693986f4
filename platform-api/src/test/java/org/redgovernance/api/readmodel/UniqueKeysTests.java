package org.redgovernance.api.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.redgovernance.database.jooq.Tables.BUILDING;
import static org.redgovernance.database.jooq.Tables.GRID;
import static org.redgovernance.database.jooq.Tables.PARTY_MEMBER;

import java.util.List;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.redgovernance.database.jooq.tables.Building;
import org.redgovernance.database.jooq.tables.Grid;
import org.redgovernance.database.jooq.tables.PartyMember;

/**
 * A reference joins without a limit, so it must find one row at most: only a unique key of its
 * target — primary key, unique constraint, unique index over all rows — may be declared as one.
 */
class UniqueKeysTests {

  private static final ModelRef<Grid> GRIDS = new ModelRef<>("Grid", GRID::as);
  private static final ModelRef<Building> BUILDINGS = new ModelRef<>("Building", BUILDING::as);
  private static final ModelRef<PartyMember> MEMBERS =
      new ModelRef<>("PartyMember", PARTY_MEMBER::as);

  @Test
  void thePrimaryKey_isUnique() {
    UniqueKeys.require(GRIDS, grid -> List.of(grid.ID, grid.COMMUNITY_ID));
  }

  @Test
  void aUniqueIndex_isUnique() {
    UniqueKeys.require(MEMBERS, member -> List.of(member.COMMUNITY_ID, member.RESIDENT_ID));
  }

  @Test
  void columnsThatSeveralRowsShare_areRefused() {
    assertThatThrownBy(() -> UniqueKeys.require(BUILDINGS, b -> List.of(b.COMMUNITY_ID, b.GRID_ID)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "Building is referenced by [community_id, grid_id], which is no unique key");
  }

  @Test
  void partOfAKey_isRefused() {
    assertThatThrownBy(() -> UniqueKeys.require(GRIDS, grid -> List.of(grid.ID)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theJoin_pairsEachKeyColumnWithTheRowsColumn() {
    Grid grid = GRID.as("g");
    Building building = BUILDING.as("b");

    assertThat(
            DSL.using(SQLDialect.POSTGRES)
                .renderInlined(
                    UniqueKeys.join(
                        List.of(grid.COMMUNITY_ID, grid.ID),
                        List.of(building.COMMUNITY_ID, building.GRID_ID))))
        .isEqualTo(
            "(\"g\".\"community_id\" = \"b\".\"community_id\" and \"g\".\"id\" = \"b\".\"grid_id\")");
  }
}
