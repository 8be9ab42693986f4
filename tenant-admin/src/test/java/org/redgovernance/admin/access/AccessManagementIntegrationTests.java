package org.redgovernance.admin.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.redgovernance.admin.identity.KeycloakAdmin;
import org.redgovernance.admin.support.TenantAdminTest;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Granting and revoking community roles against the real Keycloak: a community admin grants a role
 * in their own community and the person's next token carries it; nobody reaches another community
 * or removes the last admin.
 */
class AccessManagementIntegrationTests extends TenantAdminTest {

  @Autowired KeycloakAdmin keycloak;

  private static final String CHANGE =
      "mutation($key: String!, $user: String!, $role: CommunityRole!) {"
          + " %s(input: {communityKey: $key, username: $user, role: $role})"
          + " { person { username roles } errors { code message field } } }";
  private static final String PEOPLE =
      "query($key: String!) { communityPeople(communityKey: $key) { username roles } }";

  @Test
  void aCommunityAdmin_grantsAnotherRoleToSomeoneInTheirCommunity_andTheirNextTokenCarriesIt() {
    try {
      JsonNode granted =
          change(
              "baiguoshu.admin",
              "grantCommunityRole",
              "baiguoshu",
              "baiguoshu.resident",
              "OWNER_REP");
      assertThat(granted.path("errors").size()).as(granted.toString()).isZero();
      assertThat(granted.path("person").path("roles").toString()).contains("OWNER_REP");
      assertThat(Tokens.groups(Tokens.fresh("baiguoshu.resident")))
          .contains("/communities/baiguoshu/owner-rep", "/communities/baiguoshu/resident");
    } finally {
      JsonNode revoked =
          change(
              "baiguoshu.admin",
              "revokeCommunityRole",
              "baiguoshu",
              "baiguoshu.resident",
              "OWNER_REP");
      assertThat(revoked.path("errors").size()).as(revoked.toString()).isZero();
    }
    assertThat(Tokens.groups(Tokens.fresh("baiguoshu.resident")))
        .doesNotContain("/communities/baiguoshu/owner-rep")
        .contains("/communities/baiguoshu/resident");
  }

  @Test
  void someoneOutsideTheCommunity_isNotGrantedARole_butInvited() {
    JsonNode outsider =
        change("baiguoshu.admin", "grantCommunityRole", "baiguoshu", "xinhua.resident", "RESIDENT");
    JsonNode nobody =
        change("baiguoshu.admin", "grantCommunityRole", "baiguoshu", "nobody-at-all", "RESIDENT");
    assertThat(outsider.toString())
        .isEqualTo(nobody.toString())
        .contains("NOT_FOUND", "invitePerson")
        .doesNotContain("xinhua");
    assertThat(Tokens.groups(Tokens.fresh("xinhua.resident")))
        .noneMatch(g -> g.startsWith("/communities/baiguoshu/"));
  }

  @Test
  void nobodyReachesAnotherCommunity_orRemovesItsLastAdmin() {
    assertThat(
            code(
                change(
                    "baiguoshu.admin",
                    "grantCommunityRole",
                    "xinhua",
                    "baiguoshu.resident",
                    "ADMIN")))
        .isEqualTo("NOT_FOUND");
    assertThat(
            code(
                change(
                    "baiguoshu.resident",
                    "grantCommunityRole",
                    "baiguoshu",
                    "baiguoshu.resident",
                    "ADMIN")))
        .isEqualTo("NOT_FOUND");
    assertThat(
            code(
                change(
                    "baishalu.viewer",
                    "grantCommunityRole",
                    "baiguoshu",
                    "xinhua.resident",
                    "RESIDENT")))
        .isEqualTo("FORBIDDEN");
    assertThat(
            code(
                change(
                    "gutang.admin",
                    "grantCommunityRole",
                    "baiguoshu",
                    "xinhua.resident",
                    "RESIDENT")))
        .isEqualTo("NOT_FOUND");
    assertThat(
            code(
                change(
                    "baiguoshu.admin",
                    "grantCommunityRole",
                    "baiguoshu",
                    "nobody.here",
                    "RESIDENT")))
        .isEqualTo("NOT_FOUND");
    assertThat(
            code(
                change(
                    "baiguoshu.admin",
                    "revokeCommunityRole",
                    "baiguoshu",
                    "baiguoshu.admin",
                    "ADMIN")))
        .isEqualTo("LAST_ADMIN");
    assertThat(
            code(
                change(
                    "baishalu.admin",
                    "revokeCommunityRole",
                    "baiguoshu",
                    "baiguoshu.admin",
                    "ADMIN")))
        .isEqualTo("LAST_ADMIN");
    assertThat(Tokens.groups(Tokens.fresh("baiguoshu.admin")))
        .contains("/communities/baiguoshu/admin");
    assertThat(people("xinhua.admin", "baiguoshu")).isEmpty();
    assertThat(people("baishalu.viewer", "baiguoshu")).contains("baiguoshu.admin");
  }

  @Test
  void twoAdminsRevokingEachOtherAtOnce_leaveOneOfThem() throws Exception {
    String key = newCommunity("ac", "baishalu", "ACTIVE");
    keycloak.ensureCommunityGroups(key);
    for (int round = 0; round < 5; round++) {
      for (String admin : List.of("xinhua.admin", "qingyuan.admin")) {
        assertThat(
                change("platform.operator", "grantCommunityRole", key, admin, "ADMIN")
                    .path("errors")
                    .size())
            .isZero();
      }
      String xinhua = Tokens.fresh("xinhua.admin");
      String qingyuan = Tokens.fresh("qingyuan.admin");
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService both = Executors.newFixedThreadPool(2);
      try {
        Future<String> first = both.submit(() -> revokeAdmin(start, xinhua, key, "qingyuan.admin"));
        Future<String> second =
            both.submit(() -> revokeAdmin(start, qingyuan, key, "xinhua.admin"));
        start.countDown();
        assertThat(List.of(first.get(), second.get()))
            .as("round " + round)
            .containsExactlyInAnyOrder("OK", "LAST_ADMIN");
      } finally {
        both.shutdown();
      }
      assertThat(people("baishalu.admin", key)).hasSize(1);
    }
  }

  private String revokeAdmin(CountDownLatch start, String token, String key, String other)
      throws InterruptedException {
    start.await();
    JsonNode payload =
        graphql
            .query(CHANGE.formatted("revokeCommunityRole"))
            .bearer(token)
            .variable("key", key)
            .variable("user", other)
            .variable("role", "ADMIN")
            .execute()
            .data("revokeCommunityRole");
    return payload.path("errors").isEmpty()
        ? "OK"
        : payload.path("errors").path(0).path("code").asString();
  }

  @Test
  void removingAPersonFromOneCommunity_leavesTheirOtherCommunitiesAlone_butNeverTheLastAdmin() {
    // the street's admin may grant roles to the street's people: a Xinhua resident into Baiguoshu
    change("baishalu.admin", "grantCommunityRole", "baiguoshu", "xinhua.resident", "RESIDENT");
    change("baishalu.admin", "grantCommunityRole", "baiguoshu", "xinhua.resident", "PARTY_MEMBER");

    JsonNode removed = remove("baiguoshu.admin", "baiguoshu", "xinhua.resident");
    assertThat(removed.path("errors").size()).as(removed.toString()).isZero();
    assertThat(removed.path("person").path("roles").size()).isZero();
    assertThat(Tokens.groups(Tokens.fresh("xinhua.resident")))
        .noneMatch(group -> group.startsWith("/communities/baiguoshu/"))
        .contains("/communities/xinhua/resident");

    JsonNode lastAdmin = remove("baishalu.admin", "baiguoshu", "baiguoshu.admin");
    assertThat(lastAdmin.path("errors").path(0).path("code").asString()).isEqualTo("LAST_ADMIN");
    assertThat(Tokens.groups(Tokens.fresh("baiguoshu.admin")))
        .contains("/communities/baiguoshu/admin");
  }

  @Test
  void theOperatorCreatesAStreet_andStreetAdminsAppointRolesInTheirOwnStreetOnly() {
    String street = "st-" + UUID.randomUUID().toString().substring(0, 8);
    String create =
        "mutation($key: String!) { createStreet(input: {key: $key, name: \"测试街道\"})"
            + " { street { key name } errors { code } } }";
    GraphQlResult created =
        graphql.query(create).as("platform.operator").variable("key", street).execute();
    assertThat(created.data("createStreet.street.key").asString()).isEqualTo(street);
    GraphQlResult again =
        graphql.query(create).as("platform.operator").variable("key", street).execute();
    assertThat(again.data("createStreet.errors").size()).isZero();
    GraphQlResult byStreetAdmin =
        graphql.query(create).as("baishalu.admin").variable("key", street + "x").execute();
    assertThat(byStreetAdmin.data("createStreet.errors.0.code").asString()).isEqualTo("FORBIDDEN");

    assertThat(
            streetRole("platform.operator", "grantStreetRole", street, "VIEWER")
                .path("errors")
                .size())
        .isZero();
    assertThat(Tokens.groups(Tokens.fresh("xinhua.resident")))
        .contains("/streets/" + street + "/viewer");
    assertThat(
            streetRole("baishalu.admin", "grantStreetRole", street, "VIEWER")
                .path("errors")
                .path(0)
                .path("code")
                .asString())
        .isEqualTo("NOT_FOUND");
    assertThat(
            streetRole("baishalu.admin", "grantStreetRole", "baishalu", "VIEWER")
                .path("errors")
                .size())
        .isZero();
    assertThat(Tokens.groups(Tokens.fresh("xinhua.resident"))).contains("/streets/baishalu/viewer");
    assertThat(streetPeople("baishalu.viewer", "baishalu"))
        .contains("baishalu.admin [\"ADMIN\"]", "xinhua.resident [\"VIEWER\"]");
    assertThat(streetPeople("gutang.admin", "baishalu")).isEmpty();
    assertThat(streetPeople("xinhua.admin", "baishalu")).isEmpty();

    streetRole("baishalu.admin", "revokeStreetRole", "baishalu", "VIEWER");
    streetRole("platform.operator", "revokeStreetRole", street, "VIEWER");
    assertThat(Tokens.groups(Tokens.fresh("xinhua.resident")))
        .noneMatch(g -> g.startsWith("/streets/"));
  }

  private JsonNode streetRole(String user, String mutation, String street, String role) {
    GraphQlResult result =
        graphql
            .query(
                "mutation($street: String!, $role: StreetRole!) { %s(input: {streetKey: $street,"
                        .formatted(mutation)
                    + " username: \"xinhua.resident\", role: $role}) { username errors { code } } }")
            .as(user)
            .variable("street", street)
            .variable("role", role)
            .execute();
    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    return result.data(mutation);
  }

  private JsonNode remove(String user, String key, String person) {
    GraphQlResult result =
        graphql
            .query(
                "mutation($key: String!, $user: String!) { removeFromCommunity(input:"
                    + " {communityKey: $key, username: $user}) { person { roles } errors { code } } }")
            .as(user)
            .variable("key", key)
            .variable("user", person)
            .execute();
    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    return result.data("removeFromCommunity");
  }

  private JsonNode change(String user, String mutation, String key, String person, String role) {
    GraphQlResult result =
        graphql
            .query(CHANGE.formatted(mutation))
            .as(user)
            .variable("key", key)
            .variable("user", person)
            .variable("role", role)
            .execute();
    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    return result.data(mutation);
  }

  private static String code(JsonNode payload) {
    assertThat(payload.path("person").isNull()).as(payload.toString()).isTrue();
    return payload.path("errors").path(0).path("code").asString();
  }

  private List<String> people(String user, String key) {
    List<String> names = new ArrayList<>();
    graphql
        .query(PEOPLE)
        .as(user)
        .variable("key", key)
        .execute()
        .data("communityPeople")
        .forEach(p -> names.add(p.path("username").asString()));
    return names;
  }

  private List<String> streetPeople(String user, String street) {
    List<String> people = new ArrayList<>();
    graphql
        .query("query($key: String!) { streetPeople(streetKey: $key) { username roles } }")
        .as(user)
        .variable("key", street)
        .execute()
        .data("streetPeople")
        .forEach(p -> people.add(p.path("username").asString() + " " + p.path("roles")));
    return people;
  }
}
