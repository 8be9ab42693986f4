package org.redgovernance.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.readmodel.ReadModel;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.api.support.Rows;
import org.redgovernance.api.support.Uploads;
import org.redgovernance.testing.GraphQlResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import tools.jackson.databind.JsonNode;

/**
 * Ids that caches can trust: every {@code id: ID!} of the schema is the global ID of that very
 * object, and {@code node(id:)} answers it as an object of the same type. A client cache that keys
 * records by ID (Relay's store) never merges two different objects.
 */
class NodeResolvabilityIntegrationTests extends IntegrationTest {

  /**
   * {@code id} fields that carried another object's ID, kept deprecated for old clients until the
   * date in their deprecation reason; the field named for the object replaces each.
   */
  private static final Set<String> BORROWED_IDS_BEING_REMOVED =
      Set.of("MeetingBody.id", "AgendaMatter.id", "ActionItemOwner.id", "MatterAssignee.id");

  private static final String ADMIN = "baiguoshu.admin";

  @Autowired GraphQlSource graphQlSource;
  @Autowired ReadModel readModel;

  @Test
  void everyTypeWithAnId_isANodeTheReadModelDeclares() {
    GraphQLSchema schema = graphQlSource.schema();
    Set<String> answered = new HashSet<>();
    graphQlSource.schema().getAllTypesAsList().stream()
        .map(GraphQLNamedType::getName)
        .filter(readModel::declares)
        .forEach(answered::add);
    List<String> wrong = new ArrayList<>();
    Set<String> deprecatedIds = new TreeSet<>();
    for (GraphQLObjectType type : objectTypes(schema)) {
      GraphQLFieldDefinition id = type.getFieldDefinition("id");
      if (id == null) {
        continue;
      }
      if (id.isDeprecated()) {
        deprecatedIds.add(type.getName() + ".id");
        continue;
      }
      if (!implementsNode(type)) {
        wrong.add(type.getName() + " has an id but does not implement Node");
      }
      if (!answered.contains(type.getName())) {
        wrong.add(type.getName() + " has an id but the read model does not declare it");
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(deprecatedIds)
        .as("a deprecated id is one being removed, never a new borrowed one")
        .isEqualTo(new TreeSet<>(BORROWED_IDS_BEING_REMOVED));
  }

  @Test
  void everyIdTheApiHandsOut_isAnsweredByNode_asAnObjectOfItsType() {
    plantOneOfEachPart();
    GraphQlResult answer = graphql.document("everyNode").as(ADMIN).execute();
    assertThat(answer.hasErrors()).as(answer.toString()).isFalse();
    JsonNode everything = answer.body().path("data");
    Map<String, String> oneIdPerType = new LinkedHashMap<>();
    Map<String, Set<String>> typesById = new LinkedHashMap<>();
    collect(everything, oneIdPerType, typesById);

    Set<String> nodeTypes = new TreeSet<>();
    for (GraphQLObjectType type : objectTypes(graphQlSource.schema())) {
      if (implementsNode(type)) {
        nodeTypes.add(type.getName());
      }
    }
    assertThat(oneIdPerType.keySet())
        .as("the query everyNode.graphql reaches an object of every Node type")
        .containsAll(nodeTypes);
    typesById.forEach(
        (id, types) -> assertThat(types).as("types handing out the id " + id).hasSize(1));

    for (Map.Entry<String, String> sample : oneIdPerType.entrySet()) {
      JsonNode node = nodeAs(ADMIN, sample.getValue());
      assertThat(node.path("__typename").asString())
          .as("node(id:) for the id of a " + sample.getKey())
          .isEqualTo(sample.getKey());
      assertThat(node.path("id").asString()).isEqualTo(sample.getValue());
      assertThat(nodeAs("xinhua.admin", sample.getValue()).isNull())
          .as("another community's admin asking for a " + sample.getKey())
          .isTrue();
    }
  }

  private JsonNode nodeAs(String user, String id) {
    return graphql
        .query("query($id: ID!) { node(id: $id) { __typename id } }")
        .as(user)
        .variable("id", id)
        .execute()
        .data("node");
  }

  /**
   * A subcategory, a comment, an attachment, a notification for the admin and a file of rollout
   * evidence, which the demo data does not have.
   */
  private void plantOneOfEachPart() {
    graphql
        .query(
            "mutation { addMatterSubcategory(input: {communityKey: \"baiguoshu\", category: OTHER,"
                + " name: \"节点测试\"}) { errors { code } } }")
        .as(ADMIN)
        .execute();
    String matter =
        graphql
            .query(
                "{ community(key: \"baiguoshu\") { matters(first: 1) { edges { node { id } } } } }")
            .as(ADMIN)
            .execute()
            .data("community.matters.edges.0.node.id")
            .asString();
    graphql
        .query(
            "mutation($id: ID!) { commentOnMatter(input: {id: $id, body: \"节点\"}) { errors { code } } }")
        .as(ADMIN)
        .variable("id", matter)
        .execute();
    String adminId =
        graphql.document("viewer").as(ADMIN).execute().data("viewer.userId").asString();
    Rows.notification("baiguoshu", adminId, "节点测试");
    byte[] png = Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 64);
    Uploads.post(port, "/matter-attachments", ADMIN, Map.of("matter", matter), "node.png", png);
    String participant =
        graphql
            .query("{ rolloutProjects(first: 1) { edges { node { participants { id } } } } }")
            .as(ADMIN)
            .execute()
            .data("rolloutProjects.edges.0.node.participants.0.id")
            .asString();
    Uploads.post(
        port,
        "/rollout-evidence",
        "baishalu.admin",
        Map.of("participant", participant),
        "node.png",
        png);
  }

  /** Every object of the answer that has both an id and a type name. */
  private static void collect(
      JsonNode json, Map<String, String> oneIdPerType, Map<String, Set<String>> typesById) {
    if (json.isObject() && json.has("id") && json.has("__typename")) {
      String type = json.path("__typename").asString();
      String id = json.path("id").asString();
      oneIdPerType.putIfAbsent(type, id);
      typesById.computeIfAbsent(id, i -> new TreeSet<>()).add(type);
    }
    json.forEach(child -> collect(child, oneIdPerType, typesById));
  }

  private static List<GraphQLObjectType> objectTypes(GraphQLSchema schema) {
    return schema.getAllTypesAsList().stream()
        .filter(GraphQLObjectType.class::isInstance)
        .map(GraphQLObjectType.class::cast)
        .filter(type -> !type.getName().startsWith("__"))
        .toList();
  }

  private static boolean implementsNode(GraphQLObjectType type) {
    return type.getInterfaces().stream()
        .anyMatch(i -> i instanceof GraphQLInterfaceType && i.getName().equals("Node"));
  }
}
