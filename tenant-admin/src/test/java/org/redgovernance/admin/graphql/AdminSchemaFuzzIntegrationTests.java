package org.redgovernance.admin.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.redgovernance.admin.support.TenantAdminTest;
import org.redgovernance.testing.FuzzRun;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.OperationGenerator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import tools.jackson.databind.JsonNode;

/**
 * A fuzzing pass over tenant-admin's schema, as every demo role: random queries with boundary and
 * hostile arguments, and random mutations aimed only at streets and communities the caller does not
 * hold (the platform operator, who holds them all, only reads here). No answer is an internal error
 * or an error without a code, no answer names a street or community the caller cannot reach, and no
 * mutation succeeds. {@code -Drg.fuzz.operations=N} and {@code -Drg.fuzz.seed=S} as in
 * platform-api's.
 */
// last of all test classes: it changes the demo data the others read (junit-platform.properties)
@Order(Integer.MAX_VALUE)
class AdminSchemaFuzzIntegrationTests extends TenantAdminTest {

  static final int OPERATIONS = 600;

  static final long SEED = 20261201L;

  /** Each demo role and the streets and communities it reaches in tenant-admin. */
  private static final Map<String, Set<String>> REACH =
      Map.ofEntries(
          Map.entry(
              "platform.operator", Set.of("baishalu", "gutang", "baiguoshu", "xinhua", "qingyuan")),
          Map.entry("baishalu.admin", Set.of("baishalu", "baiguoshu", "xinhua")),
          Map.entry("baishalu.viewer", Set.of("baishalu", "baiguoshu", "xinhua")),
          Map.entry("gutang.admin", Set.of("gutang", "qingyuan")),
          Map.entry("baiguoshu.admin", Set.of("baishalu", "baiguoshu")),
          Map.entry("xinhua.admin", Set.of("baishalu", "xinhua")),
          Map.entry("qingyuan.admin", Set.of("gutang", "qingyuan")),
          Map.entry("baiguoshu.resident", Set.of()),
          Map.entry("xinhua.resident", Set.of()));

  private static final Set<String> KEYS =
      Set.of("baishalu", "gutang", "baiguoshu", "xinhua", "qingyuan");

  @Autowired GraphQlSource source;

  @Test
  void randomOperationsAsEveryRole_neverFailInternally_norReachAnotherStreetOrCommunity() {
    int operations = Integer.getInteger("rg.fuzz.operations", OPERATIONS);
    long seed = Long.getLong("rg.fuzz.seed", SEED);
    Random random = new Random(seed);
    GraphQLSchema schema = source.schema();
    OperationGenerator generator = new OperationGenerator(schema, random);
    List<GraphQLFieldDefinition> queries = fields(schema.getQueryType());
    List<GraphQLFieldDefinition> mutations = fields(schema.getMutationType());
    List<String> users = List.copyOf(new TreeMap<>(REACH).keySet());

    FuzzRun run = new FuzzRun("tenant-admin", seed);
    for (int i = 0; i < operations; i++) {
      String user = users.get(random.nextInt(users.size()));
      boolean mutation = !user.equals("platform.operator") && random.nextInt(5) < 2;
      GraphQLFieldDefinition root =
          mutation
              ? mutations.get(random.nextInt(mutations.size()))
              : queries.get(random.nextInt(queries.size()));
      List<String> keys = new ArrayList<>();
      for (String key : KEYS) {
        if (!mutation || !REACH.get(user).contains(key)) {
          keys.add(key);
        }
      }
      keys.add("no-such-key");
      String document =
          generator.operation(root, mutation, new OperationGenerator.Targets(keys, List.of()));
      GraphQlResult result = graphql.query(document).as(user).execute();

      String outcome = run.record(user, document, result);
      if (mutation && outcome.equals("OK")) {
        run.fail("a mutation aimed elsewhere succeeded", user, document);
      }
      foreignKey(result.body().path("data"), user)
          .ifPresent(key -> run.fail(key + " shown", user, document));
    }

    run.print();
    assertThat(run.failures()).as("seed %d", seed).isEmpty();
    assertThat(run.undeclaredCodes(enumValues("ErrorCode"), enumValues("AdminErrorCode")))
        .as("codes the schema does not declare")
        .isEmpty();
    assertThat(graphql.query("{ streets { key } }").as("baishalu.admin").execute().hasErrors())
        .isFalse();
  }

  /** A known street or community key in the answer that the user does not reach. */
  private static Optional<String> foreignKey(JsonNode node, String user) {
    if (node.isString()) {
      String text = node.asString();
      return KEYS.contains(text) && !REACH.get(user).contains(text)
          ? Optional.of(text)
          : Optional.empty();
    }
    for (JsonNode child : node) {
      Optional<String> found = foreignKey(child, user);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
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
