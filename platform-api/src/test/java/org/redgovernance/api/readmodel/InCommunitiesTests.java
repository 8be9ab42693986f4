package org.redgovernance.api.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * The application's wall in compiled reads: a caller with no community gets no row (never every
 * row), and a street's fifty communities cost one bind, not fifty.
 */
class InCommunitiesTests {

  private static final DSLContext POSTGRES = DSL.using(SQLDialect.POSTGRES);
  private static final Field<UUID> COMMUNITY_ID =
      DSL.field(DSL.name("r", "community_id"), UUID.class);
  private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

  private static Query where(Condition condition) {
    return POSTGRES.selectOne().from(DSL.table(DSL.name("r"))).where(condition);
  }

  @Test
  void noCommunity_keepsNoRow() {
    assertThat(POSTGRES.renderInlined(where(InCommunities.of(COMMUNITY_ID, List.of()))))
        .endsWith("where false");
  }

  @Test
  void excludingNoCommunity_keepsEveryRowTheOtherConditionsKeep() {
    assertThat(POSTGRES.renderInlined(where(InCommunities.notOf(COMMUNITY_ID, List.of()))))
        .endsWith("where true");
  }

  @Test
  void oneCommunity_isOneEquality() {
    Query query = where(InCommunities.of(COMMUNITY_ID, List.of(A)));

    assertThat(POSTGRES.render(query)).endsWith("where \"r\".\"community_id\" = cast(? as uuid)");
    assertThat(query.getBindValues()).containsExactly(A);
  }

  @Test
  void severalCommunities_areOneArrayBind() {
    List<UUID> fifty = java.util.stream.IntStream.range(0, 50).mapToObj(i -> A).toList();
    Query query = where(InCommunities.of(COMMUNITY_ID, fifty));

    assertThat(POSTGRES.render(query))
        .endsWith("where \"r\".\"community_id\" = any (cast(? as uuid[]))");
    assertThat(query.getBindValues()).hasSize(1);
  }

  @Test
  void excludingSeveralCommunities_isNotEqualToAll() {
    Query query = where(InCommunities.notOf(COMMUNITY_ID, List.of(A, B)));

    assertThat(POSTGRES.renderInlined(query))
        .endsWith(
            "where \"r\".\"community_id\" <> all (cast('{\""
                + A
                + "\",\""
                + B
                + "\"}' as uuid[]))");
  }
}
