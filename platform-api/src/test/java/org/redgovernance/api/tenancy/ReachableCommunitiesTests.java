package org.redgovernance.api.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.security.CommunityRole;
import org.redgovernance.api.security.StreetRole;

/** The communities a set of grants reaches, as every request of those grants shares them. */
class ReachableCommunitiesTests {

  private static final UUID STREET = UUID.randomUUID();

  @Test
  void communitiesAreFoundByIdAndByKey_inTheOrderGiven_eachOnce() {
    ReachableCommunity baiguoshu = community("baiguoshu");
    ReachableCommunity xinhua = community("xinhua");

    ReachableCommunities reachable = new ReachableCommunities(List.of(xinhua, baiguoshu, xinhua));

    assertThat(reachable.all()).containsExactly(xinhua, baiguoshu);
    assertThat(reachable.byId(baiguoshu.id())).isSameAs(baiguoshu);
    assertThat(reachable.byKey("xinhua")).isSameAs(xinhua);
    assertThat(reachable.byKey("gutang")).isNull();
    assertThat(reachable.contains(UUID.randomUUID())).isFalse();
    assertThat(reachable.ids()).containsExactly(xinhua.id(), baiguoshu.id());
  }

  @Test
  void theTenantContextGetsTheIdsSorted_asRowLevelSecurityReadsThem() {
    ReachableCommunity one = community("one");
    ReachableCommunity two = community("two");

    String literal = new ReachableCommunities(List.of(one, two)).idsLiteral();

    List<String> sorted =
        List.of(one.id().toString(), two.id().toString()).stream().sorted().toList();
    assertThat(literal).isEqualTo("{" + sorted.get(0) + "," + sorted.get(1) + "}");
  }

  @Test
  void twoAnswersAreEqual_onlyWithTheSameCommunitiesInTheSameOrderAndRoles() {
    ReachableCommunity one = community("one");
    ReachableCommunity two = community("two");
    ReachableCommunity twoAsAdmin =
        new ReachableCommunity(
            two.id(),
            two.key(),
            two.name(),
            two.status(),
            STREET,
            "street",
            "街道",
            Set.of(CommunityRole.ADMIN),
            Set.of(),
            false);

    ReachableCommunities reachable = new ReachableCommunities(List.of(one, two));

    assertThat(reachable)
        .isEqualTo(new ReachableCommunities(List.of(one, two)))
        .hasSameHashCodeAs(new ReachableCommunities(List.of(one, two)))
        .isNotEqualTo(new ReachableCommunities(List.of(two, one)))
        .isNotEqualTo(new ReachableCommunities(List.of(one, twoAsAdmin)))
        .isNotEqualTo(new ReachableCommunities(List.of(one)));
  }

  private static ReachableCommunity community(String key) {
    return new ReachableCommunity(
        UUID.randomUUID(),
        key,
        key + "社区",
        CommunityStatus.ACTIVE,
        STREET,
        "street",
        "街道",
        Set.of(),
        Set.of(StreetRole.VIEWER),
        false);
  }
}
