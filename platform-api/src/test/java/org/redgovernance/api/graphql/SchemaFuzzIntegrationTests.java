package org.redgovernance.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.testing.FuzzRun;
import org.redgovernance.testing.GraphQlHttp;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.OperationGenerator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import tools.jackson.databind.JsonNode;

/**
 * A fuzzing pass over the whole schema, as every demo role: random operations on every root query
 * and mutation with boundary and hostile arguments ({@link OperationGenerator}). Whatever is sent,
 * no answer is an internal error or an error without a code, no answer holds an object of a
 * community the caller cannot reach, no mutation aimed at a foreign community succeeds, and the
 * service answers normally afterwards. {@code -Drg.fuzz.operations=N} runs longer ({@value
 * #OPERATIONS} per build, always with the seed {@value #SEED}); {@code -Drg.fuzz.seed=S} runs other
 * operations, and replays a run (the seed is printed).
 */
// last of all test classes: it changes the demo data the others read (junit-platform.properties)
@Order(Integer.MAX_VALUE)
class SchemaFuzzIntegrationTests extends IntegrationTest {

  static final int OPERATIONS = 2000;

  /** The seed of the build's run, so that every build sends the same operations. */
  static final long SEED = 20261201L;

  /** Each demo role and the communities it reaches. */
  private static final Map<String, Set<String>> REACH =
      Map.ofEntries(
          Map.entry("platform.operator", Set.of("baiguoshu", "xinhua", "qingyuan")),
          Map.entry("baishalu.admin", Set.of("baiguoshu", "xinhua")),
          Map.entry("baishalu.viewer", Set.of("baiguoshu", "xinhua")),
          Map.entry("gutang.admin", Set.of("qingyuan")),
          Map.entry("baiguoshu.admin", Set.of("baiguoshu")),
          Map.entry("baiguoshu.secretary", Set.of("baiguoshu")),
          Map.entry("baiguoshu.owners", Set.of("baiguoshu")),
          Map.entry("baiguoshu.supervisor", Set.of("baiguoshu")),
          Map.entry("baiguoshu.resident", Set.of("baiguoshu")),
          Map.entry("xinhua.admin", Set.of("xinhua")),
          Map.entry("xinhua.resident", Set.of("xinhua")),
          Map.entry("qingyuan.admin", Set.of("qingyuan")));

  @Autowired GraphQlSource source;

  /** Community key by id, and the global IDs of each community's objects. */
  private final Map<UUID, String> keys = new HashMap<>();

  private final Map<String, List<String>> idsByCommunity = new HashMap<>();

  @Test
  void randomOperationsAsEveryRole_neverFailInternally_norShowOrChangeAnotherCommunity() {
    int operations = Integer.getInteger("rg.fuzz.operations", OPERATIONS);
    long seed = Long.getLong("rg.fuzz.seed", SEED);
    Random random = new Random(seed);
    harvest();
    GraphQLSchema schema = source.schema();
    OperationGenerator generator = new OperationGenerator(schema, random);
    List<GraphQLFieldDefinition> queries = fields(schema.getQueryType());
    List<GraphQLFieldDefinition> mutations = fields(schema.getMutationType());
    List<String> users = List.copyOf(new TreeMap<>(REACH).keySet());

    FuzzRun run = new FuzzRun("platform-api", seed);
    for (int i = 0; i < operations; i++) {
      String user = users.get(random.nextInt(users.size()));
      boolean mutation = random.nextInt(5) < 2;
      GraphQLFieldDefinition root =
          mutation
              ? mutations.get(random.nextInt(mutations.size()))
              : queries.get(random.nextInt(queries.size()));
      String document = generator.operation(root, mutation, targets(user, mutation));
      GraphQlHttp.Call call = graphql.query(document).as(user);
      if (random.nextInt(4) == 0) {
        call.header("X-Community", pickKey(random));
      }
      GraphQlResult result = call.execute();

      run.record(user, document, result);
      foreignObject(result.body().path("data"), user)
          .ifPresent(id -> run.fail("object " + id + " of another community", user, document));
    }

    run.print();
    assertThat(run.failures()).as("seed %d", seed).isEmpty();
    assertThat(run.undeclaredCodes(enumValues("ErrorCode"), enumValues("UserErrorCode")))
        .as("codes the schema does not declare")
        .isEmpty();
    GraphQlResult after = graphql.query("{ viewer { username } }").as("baiguoshu.admin").execute();
    assertThat(after.data("viewer.username").asString()).isEqualTo("baiguoshu.admin");
  }

  /** The first global ID in the answer of a community the user does not reach. */
  private Optional<String> foreignObject(JsonNode node, String user) {
    if (node.isString()) {
      Optional<GlobalId> id = GlobalId.decode(node.asString());
      if (id.isPresent() && keys.containsKey(id.get().communityId())) {
        return REACH.get(user).contains(keys.get(id.get().communityId()))
            ? Optional.empty()
            : Optional.of(node.asString());
      }
      return Optional.empty();
    }
    for (JsonNode child : node) {
      Optional<String> found = foreignObject(child, user);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** Reads: every key and ID; mutations: only those of communities the user does not reach. */
  private OperationGenerator.Targets targets(String user, boolean mutation) {
    List<String> communityKeys = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    idsByCommunity.forEach(
        (key, list) -> {
          if (!mutation || !REACH.get(user).contains(key)) {
            communityKeys.add(key);
            ids.addAll(list);
          }
        });
    communityKeys.add("no-such-community");
    return new OperationGenerator.Targets(communityKeys, ids);
  }

  private String pickKey(Random random) {
    List<String> all = new ArrayList<>(idsByCommunity.keySet());
    return all.get(random.nextInt(all.size()));
  }

  /** Real IDs of every community's objects, read as the platform operator. */
  private void harvest() {
    GraphQlResult all =
        graphql
            .query(
                "{ communities(first: 10) { edges { node { id key"
                    + " matters(first: 10) { edges { node { id } } }"
                    + " households(first: 10) { edges { node { id residents { id } } } }"
                    + " meetings(first: 5) { edges { node { id agenda { id } } } }"
                    + " bodies { id } servicePosts { id } partners { id } } } } }")
            .as("platform.operator")
            .execute();
    assertThat(all.hasErrors()).as(all.toString()).isFalse();
    for (JsonNode edge : all.data("communities.edges")) {
      JsonNode community = edge.path("node");
      String key = community.path("key").asString();
      GlobalId.decode(community.path("id").asString())
          .ifPresent(id -> keys.put(id.communityId(), key));
      Set<String> ids = new HashSet<>();
      collectIds(community, ids);
      idsByCommunity.put(key, List.copyOf(ids));
    }
    assertThat(idsByCommunity.keySet()).contains("baiguoshu", "xinhua", "qingyuan");
  }

  private static void collectIds(JsonNode node, Set<String> ids) {
    if (node.isObject() && node.path("id").isString()) {
      ids.add(node.path("id").asString());
    }
    for (JsonNode child : node) {
      collectIds(child, ids);
    }
  }

  private static List<GraphQLFieldDefinition> fields(GraphQLObjectType type) {
    return type.getFieldDefinitions().stream()
        .filter(field -> !field.getName().startsWith("__"))
        .toList();
  }

  private java.util.List<String> enumValues(String name) {
    return ((GraphQLEnumType) source.schema().getType(name))
        .getValues().stream().map(GraphQLEnumValueDefinition::getName).toList();
  }
}
