package org.redgovernance.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class RealmDefinitionTests {

  @Test
  void userProfile_keepsAMobileNumberOnlyAdminsEdit_andNeedsNoEmail() {
    JsonNode profile =
        JsonMapper.builder()
            .build()
            .readTree(
                RealmDefinition.production()
                    .path("components")
                    .path("org.keycloak.userprofile.UserProfileProvider")
                    .path(0)
                    .path("config")
                    .path("kc.user.profile.config")
                    .path(0)
                    .asString());
    List<String> names = new ArrayList<>();
    JsonNode phone = null;
    for (JsonNode attribute : profile.path("attributes")) {
      names.add(attribute.path("name").asString());
      assertThat(attribute.has("required"))
          .as("%s required: residents invited by phone have no e-mail", attribute.path("name"))
          .isFalse();
      if (attribute.path("name").asString().equals("phoneNumber")) {
        phone = attribute;
      }
    }
    assertThat(names).contains("username", "email", "firstName", "lastName", "phoneNumber");
    assertThat(phone.path("permissions").path("edit").toString()).isEqualTo("[\"admin\"]");
    assertThat("13912345678")
        .matches(phone.path("validations").path("pattern").path("pattern").asString());
  }

  @Test
  void production_hasNoDirectAccessGrantsAndNoDemoUsers() {
    ObjectNode realm = RealmDefinition.production();
    assertThat(client(realm, "rg-web").path("directAccessGrantsEnabled").asBoolean()).isFalse();
    assertThat(usernames(realm)).containsExactly("service-account-rg-tenant-admin");
    assertThat(realm.withArray("clients").valueStream().map(c -> c.path("clientId").asString()))
        .doesNotContain(RealmDefinition.SHORT_TOKEN_CLIENT);
  }

  @Test
  void production_takesItsWebOriginFromTheDeployment_andNamesNoLocalhost() {
    JsonNode web = client(RealmDefinition.production(), "rg-web");
    assertThat(web.path("redirectUris").toString()).isEqualTo("[\"${RG_WEB_ORIGIN}/*\"]");
    assertThat(web.path("webOrigins").toString()).isEqualTo("[\"${RG_WEB_ORIGIN}\"]");
    assertThat(RealmDefinition.toJson(RealmDefinition.production()))
        .doesNotContain("localhost", "127.0.0.1");
    assertThat(web.path("attributes").path("pkce.code.challenge.method").asString())
        .isEqualTo("S256");
  }

  @Test
  void dev_namesEachDevServersOrigin_exactly() {
    JsonNode web = client(RealmDefinition.dev(), "rg-web");
    assertThat(web.path("webOrigins").valueStream().map(JsonNode::asString))
        .contains("http://localhost:5173", "http://127.0.0.1:5173", "http://127.0.0.1:8080")
        .noneMatch(origin -> origin.contains("*") || origin.equals("+"));
    assertThat(web.path("redirectUris").valueStream().map(JsonNode::asString))
        .contains("http://localhost:5173/*");
  }

  @Test
  void dev_hasAWebClientWhoseTokensExpireInSeconds() {
    JsonNode shortTokens = client(RealmDefinition.dev(), RealmDefinition.SHORT_TOKEN_CLIENT);
    assertThat(shortTokens.path("attributes").path("access.token.lifespan").asString())
        .isEqualTo("15");
    assertThat(shortTokens.path("publicClient").asBoolean()).isTrue();
    assertThat(shortTokens.path("protocolMappers").size())
        .isEqualTo(client(RealmDefinition.dev(), "rg-web").path("protocolMappers").size());
  }

  @Test
  void webClient_isPublicWithPkceAndPutsTheApiAudienceAndFullGroupPathsInTokens() {
    JsonNode web = client(RealmDefinition.production(), "rg-web");
    assertThat(web.path("publicClient").asBoolean()).isTrue();
    assertThat(web.path("attributes").path("pkce.code.challenge.method").asString())
        .isEqualTo("S256");
    List<String> mappers = new ArrayList<>();
    for (JsonNode mapper : web.path("protocolMappers")) {
      mappers.add(
          mapper.path("protocolMapper").asString()
              + ":"
              + mapper.path("config").path("included.custom.audience").asString("")
              + mapper.path("config").path("full.path").asString(""));
    }
    assertThat(mappers)
        .containsExactlyInAnyOrder(
            "oidc-audience-mapper:rg-api",
            "oidc-audience-mapper:rg-tenant-admin",
            "oidc-usermodel-realm-role-mapper:",
            "oidc-group-membership-mapper:true");
  }

  @Test
  void tenantAdminServiceAccount_managesUsersAndGroupsOnly() {
    JsonNode account = RealmDefinition.production().withArray("users").get(0);
    assertThat(
            account
                .path("clientRoles")
                .path("realm-management")
                .valueStream()
                .map(JsonNode::asString))
        .containsExactlyInAnyOrder("manage-users", "view-users", "query-users", "query-groups");
  }

  @Test
  void dev_addsDemoUsersRoleGroupsAndDirectAccessGrants() {
    ObjectNode realm = RealmDefinition.dev();
    assertThat(client(realm, "rg-web").path("directAccessGrantsEnabled").asBoolean()).isTrue();
    assertThat(usernames(realm))
        .contains(
            "platform.operator",
            "baishalu.admin",
            "baishalu.viewer",
            "gutang.admin",
            "baiguoshu.admin",
            "baiguoshu.secretary",
            "baiguoshu.supervisor",
            "baiguoshu.resident",
            "xinhua.admin",
            "xinhua.resident",
            "qingyuan.admin");
    assertThat(groupPaths(realm))
        .contains(
            "/streets/baishalu/admin",
            "/streets/gutang/viewer",
            "/communities/baiguoshu/owners-committee",
            "/communities/qingyuan/resident");
  }

  @Test
  void dev_everyGroupAUserIsIn_exists() {
    ObjectNode realm = RealmDefinition.dev();
    List<String> paths = groupPaths(realm);
    for (JsonNode user : realm.withArray("users")) {
      for (JsonNode group : user.path("groups")) {
        assertThat(paths).contains(group.asString());
      }
    }
  }

  private static JsonNode client(ObjectNode realm, String clientId) {
    for (JsonNode client : realm.withArray("clients")) {
      if (clientId.equals(client.path("clientId").asString())) {
        return client;
      }
    }
    throw new AssertionError("no client " + clientId);
  }

  private static List<String> usernames(ObjectNode realm) {
    List<String> names = new ArrayList<>();
    realm.withArray("users").forEach(user -> names.add(user.path("username").asString()));
    return names;
  }

  private static List<String> groupPaths(ObjectNode realm) {
    List<String> paths = new ArrayList<>();
    realm.withArray("groups").forEach(group -> collect(group, "", paths));
    return paths;
  }

  private static void collect(JsonNode group, String parent, List<String> paths) {
    String path = parent + "/" + group.path("name").asString();
    paths.add(path);
    group.path("subGroups").forEach(child -> collect(child, path, paths));
  }
}
