package org.redgovernance.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The realm as Keycloak imports it. {@link #production()} is the file as committed; {@link #dev()}
 * adds what only a developer's or a test's realm may have: role groups for the demo communities,
 * demo users with password {@code demo}, and direct-access grants on {@code rg-web} so that scripts
 * and tests can log in without a browser.
 */
public final class RealmDefinition {

  public static final String REALM = "red-governance";
  public static final String WEB_CLIENT = "rg-web";

  /**
   * Dev realm only: {@code rg-web} again, with access tokens that live {@link #SHORT_TOKEN_SECONDS}
   * seconds, so that tests and front-end developers can watch what happens when a token expires (a
   * subscription ends, a request is refused) without waiting minutes.
   */
  public static final String SHORT_TOKEN_CLIENT = "rg-web-short-tokens";

  public static final int SHORT_TOKEN_SECONDS = 15;

  public static final String TENANT_ADMIN_CLIENT = "rg-tenant-admin";
  public static final String API_AUDIENCE = "rg-api";
  public static final String DEMO_PASSWORD = "demo";

  /**
   * The browser origins of the dev realm's web client: a front-end dev server (Vite's port 5173),
   * platform-api (GraphiQL, the reference app) and tenant-admin, by name and by address.
   */
  public static final List<String> DEV_WEB_ORIGINS =
      List.of(
          "http://localhost:5173",
          "http://127.0.0.1:5173",
          "http://localhost:8080",
          "http://127.0.0.1:8080",
          "http://localhost:8081",
          "http://127.0.0.1:8081");

  /** Role groups under {@code /streets/<street>/}. */
  public static final List<String> STREET_ROLES = List.of("admin", "viewer");

  /** Role groups under {@code /communities/<community>/}. */
  public static final List<String> COMMUNITY_ROLES =
      List.of(
          "admin",
          "secretary",
          "owners-committee",
          "supervisor",
          "owner-rep",
          "party-member",
          "resident");

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private RealmDefinition() {}

  public static ObjectNode production() {
    return (ObjectNode) read("realm/red-governance-realm.json");
  }

  /** One demo user in one community role group, as the dev realm puts them. */
  public record CommunityRoleMember(String userId, String communityKey, String role) {}

  /**
   * The community role groups the dev realm's demo users are in: what tenant-admin's role mirror
   * holds once it has read Keycloak, for stacks that start without tenant-admin (the tests). Roles
   * are named as the database names them (owners-committee: OWNERS_COMMITTEE).
   */
  public static List<CommunityRoleMember> demoCommunityRoles() {
    List<CommunityRoleMember> members = new java.util.ArrayList<>();
    for (JsonNode user : read("realm/dev-demo.json").path("users")) {
      for (JsonNode group : user.path("groups")) {
        String[] path = group.asString().split("/");
        if (path.length == 4 && path[1].equals("communities")) {
          members.add(
              new CommunityRoleMember(
                  user.path("id").asString(),
                  path[2],
                  path[3].toUpperCase(java.util.Locale.ROOT).replace('-', '_')));
        }
      }
    }
    return members;
  }

  public static ObjectNode dev() {
    ObjectNode realm = production();
    JsonNode demo = read("realm/dev-demo.json");

    ArrayNode clients = realm.withArray("clients");
    for (JsonNode client : clients) {
      if (WEB_CLIENT.equals(client.path("clientId").asString())) {
        ((ObjectNode) client).put("directAccessGrantsEnabled", true);
        // the production file takes its one origin from RG_WEB_ORIGIN at import; the dev realm
        // names the dev servers' own, each an exact origin Keycloak answers CORS requests from
        ArrayNode redirects = ((ObjectNode) client).putArray("redirectUris");
        ArrayNode origins = ((ObjectNode) client).putArray("webOrigins");
        for (String origin : DEV_WEB_ORIGINS) {
          redirects.add(origin + "/*");
          origins.add(origin);
        }
        ObjectNode shortTokens = ((ObjectNode) client).deepCopy();
        shortTokens.put("clientId", SHORT_TOKEN_CLIENT);
        shortTokens.put("name", "rg-web with short-lived access tokens (dev realm only)");
        ((ObjectNode) shortTokens.path("attributes"))
            .put("access.token.lifespan", Integer.toString(SHORT_TOKEN_SECONDS));
        clients.add(shortTokens);
        break;
      }
    }

    ArrayNode streets = topGroup(realm, "streets").withArray("subGroups");
    ArrayNode communities = topGroup(realm, "communities").withArray("subGroups");
    for (Map.Entry<String, JsonNode> street : demo.path("streets").properties()) {
      streets.add(group(street.getKey(), STREET_ROLES));
      for (JsonNode community : street.getValue()) {
        communities.add(group(community.asString(), COMMUNITY_ROLES));
      }
    }

    ArrayNode users = realm.withArray("users");
    for (JsonNode demoUser : demo.path("users")) {
      String username = demoUser.path("username").asString();
      ObjectNode user = users.addObject();
      // Fixed ids, so that the demo data can link demo residents to their logins.
      user.put("id", demoUser.path("id").asString());
      user.put("username", username);
      user.put("enabled", true);
      user.put("email", username + "@demo.red-governance.local");
      user.put("emailVerified", true);
      user.put("firstName", demoUser.path("firstName").asString());
      user.put("lastName", demoUser.path("lastName").asString());
      user.set("groups", demoUser.path("groups"));
      if (demoUser.has("realmRoles")) {
        user.set("realmRoles", demoUser.path("realmRoles"));
      }
      ObjectNode credential = user.putArray("credentials").addObject();
      credential.put("type", "password");
      credential.put("value", DEMO_PASSWORD);
      credential.put("temporary", false);
    }
    return realm;
  }

  /**
   * Keycloak's e-mails (invitations to set a password) go to the {@link MailCatcher} on
   * 127.0.0.1:{@code port}: for the dev stack and the tests only.
   */
  public static ObjectNode withMailCatcher(ObjectNode realm, int port) {
    ObjectNode smtp = realm.putObject("smtpServer");
    smtp.put("host", "127.0.0.1");
    smtp.put("port", Integer.toString(port));
    smtp.put("from", "noreply@red-governance.local");
    smtp.put("fromDisplayName", "红色治家");
    smtp.put("auth", "false");
    smtp.put("ssl", "false");
    smtp.put("starttls", "false");
    return realm;
  }

  public static String toJson(JsonNode realm) {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(realm);
  }

  private static ObjectNode topGroup(ObjectNode realm, String name) {
    for (JsonNode group : realm.withArray("groups")) {
      if (name.equals(group.path("name").asString())) {
        return (ObjectNode) group;
      }
    }
    throw new IllegalStateException("The realm file has no top-level group " + name);
  }

  private static ObjectNode group(String name, List<String> roles) {
    ObjectNode group = JSON.createObjectNode();
    group.put("name", name);
    ArrayNode subGroups = group.putArray("subGroups");
    roles.forEach(role -> subGroups.addObject().put("name", role));
    return group;
  }

  private static JsonNode read(String resource) {
    try (InputStream in = RealmDefinition.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + resource);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
