package org.redgovernance.benchmark;

import java.util.ArrayList;
import java.util.List;
import org.redgovernance.keycloak.RealmDefinition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dev realm plus the benchmark street: its role groups, every benchmark community's role
 * groups, and the login {@value #USER} (password {@code demo}) — the caller of every benchmark
 * query on both servers: the street's admin (reads every community) and admin of the community the
 * mutation writes to. Not every community's admin: a token naming hundreds of groups outgrows a
 * server's 8 KB header limit.
 */
final class BenchmarkRealm {

  static final String USER = "bench.admin";

  private BenchmarkRealm() {}

  static ObjectNode of(int communities) {
    ObjectNode realm = RealmDefinition.dev();
    List<String> groups = new ArrayList<>();
    groups.add("/streets/" + BenchmarkData.STREET + "/admin");
    for (JsonNode top : realm.withArray("groups")) {
      ArrayNode subGroups = ((ObjectNode) top).withArray("subGroups");
      if (top.path("name").asString().equals("streets")) {
        subGroups.add(group(BenchmarkData.STREET, RealmDefinition.STREET_ROLES));
      } else if (top.path("name").asString().equals("communities")) {
        for (int number = 1; number <= communities; number++) {
          String key = BenchmarkData.communityKey(number);
          subGroups.add(group(key, RealmDefinition.COMMUNITY_ROLES));
        }
      }
    }
    groups.add("/communities/" + BenchmarkQueries.mutationCommunity(communities) + "/admin");
    ObjectNode user = realm.withArray("users").addObject();
    user.put("username", USER);
    user.put("enabled", true);
    user.put("email", USER + "@benchmark.red-governance.local");
    user.put("emailVerified", true);
    user.put("firstName", "基准");
    user.put("lastName", "管理员");
    ArrayNode memberOf = user.putArray("groups");
    groups.forEach(memberOf::add);
    ObjectNode credential = user.putArray("credentials").addObject();
    credential.put("type", "password");
    credential.put("value", RealmDefinition.DEMO_PASSWORD);
    credential.put("temporary", false);
    return realm;
  }

  private static ObjectNode group(String name, List<String> roles) {
    ObjectNode group = tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode();
    group.put("name", name);
    ArrayNode subGroups = group.putArray("subGroups");
    roles.forEach(role -> subGroups.addObject().put("name", role));
    return group;
  }
}
