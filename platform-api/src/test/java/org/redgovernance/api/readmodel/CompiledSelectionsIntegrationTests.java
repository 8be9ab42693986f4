package org.redgovernance.api.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.graphql.SqlStatementCounter;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.testing.GraphQlResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * Selections generated from the schema and the read model's declarations, asked by every kind of
 * caller: each root field the read model answers — {@code community}, {@code communities}, {@code
 * notices}, {@code node} of each declared type — with all scalar fields of its type and, one at a
 * time, each object, list or connection field declared in SQL with all of its scalar fields. Each
 * answers in one statement after the caller's scope and tenant context (plus the access-log records
 * of numbers revealed to the admin and secretary), with no error but a refusal; asked again, the
 * same, from the read plan kept for it ({@link ReadPlans}).
 */
class CompiledSelectionsIntegrationTests extends IntegrationTest {

  private static final List<String> CALLERS =
      List.of(
          "baiguoshu.admin",
          "baiguoshu.supervisor",
          "baiguoshu.resident",
          "baishalu.admin",
          "baishalu.viewer",
          "platform.operator");

  private static final Set<String> REFUSALS = Set.of("FORBIDDEN");

  @Autowired SqlStatementCounter statements;
  @Autowired GraphQlSource source;
  @Autowired ReadModel model;

  @Test
  void everyGeneratedSelection_isOneStatement_forEveryCaller() {
    GraphQLSchema schema = source.schema();
    Map<String, String> roots = new LinkedHashMap<>();
    roots.put("community(key: \"baiguoshu\")", "Community");
    roots.put("communities(first: 3)", "CommunityConnection");
    roots.put("notices(first: 3)", "NoticeConnection");
    for (Map.Entry<String, String> id : nodeIds().entrySet()) {
      roots.put("node(id: \"" + id.getValue() + "\")", id.getKey());
    }
    int asked = 0;
    for (Map.Entry<String, String> root : roots.entrySet()) {
      for (String selection : selections(schema, root.getValue())) {
        String query =
            root.getKey().startsWith("node")
                ? "{ "
                    + root.getKey()
                    + " { ... on "
                    + root.getValue()
                    + " { "
                    + selection
                    + " } } }"
                : "{ " + root.getKey() + " { " + selection + " } }";
        for (String caller : CALLERS) {
          long before = statements.total();
          GraphQlResult result = graphql.query(query).as(caller).execute();
          long used = statements.total() - before;

          assertThat(result.errorCodes()).as(caller + " " + query).isSubsetOf(REFUSALS);
          long revealed = caller.equals("baiguoshu.admin") ? secretKinds(selection) : 0;
          assertThat(used)
              .as("scope, tenant context, one statement: %s %s", caller, query)
              .isLessThanOrEqualTo(3 + revealed);

          // asked again, it is answered from the kept plan (compiled again and compared, as the
          // tests verify every plan), with the same statements and the same answer
          long beforeAgain = statements.total();
          GraphQlResult again = graphql.query(query).as(caller).execute();
          assertThat(statements.total() - beforeAgain)
              .as("again: %s %s", caller, query)
              .isEqualTo(used);
          // the same answer, but for the request's own clock where a field says when it computed
          // its value (MetricValue.asOf)
          assertThat(withoutClock(again.body()))
              .as("again: %s %s", caller, query)
              .isEqualTo(withoutClock(result.body()));
          asked++;
        }
      }
    }
    assertThat(asked).isGreaterThan(100);
  }

  private static String withoutClock(tools.jackson.databind.JsonNode body) {
    return body.toString().replaceAll("\"asOf\":\"[^\"]*\"", "\"asOf\":\"…\"");
  }

  /** A global id of each declared Node type, found as the admin. */
  private Map<String, String> nodeIds() {
    GraphQlResult found =
        graphql
            .query(
                "{ community(key: \"baiguoshu\") { id"
                    + " grids(first: 1) { edges { node { id } } }"
                    + " buildings(first: 1) { edges { node { id } } }"
                    + " households(first: 1) { edges { node { id } } }"
                    + " residents(first: 1) { edges { node { id } } }"
                    + " partyMembers(first: 1) { edges { node { id } } }"
                    + " servicePosts { id } partners { id } bodies { id } }"
                    + " notices(first: 1) { edges { node { id } } } }")
            .as("baiguoshu.admin")
            .execute();
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("Community", found.data("community.id").asString());
    ids.put("Grid", found.data("community.grids.edges.0.node.id").asString());
    ids.put("Building", found.data("community.buildings.edges.0.node.id").asString());
    ids.put("Household", found.data("community.households.edges.0.node.id").asString());
    ids.put("Resident", found.data("community.residents.edges.0.node.id").asString());
    ids.put("PartyMember", found.data("community.partyMembers.edges.0.node.id").asString());
    ids.put("ServicePost", found.data("community.servicePosts.0.id").asString());
    ids.put("PartnerOrganization", found.data("community.partners.0.id").asString());
    ids.put("Notice", found.data("notices.edges.0.node.id").asString());
    ids.put("GovernanceBody", found.data("community.bodies.0.id").asString());
    ids.values().forEach(id -> assertThat(id).isNotBlank());
    return ids;
  }

  /**
   * The selections of a type: its scalars alone, then its scalars with each nested field declared
   * in SQL (object, list or connection) with that field's own scalars.
   */
  private List<String> selections(GraphQLSchema schema, String typeName) {
    GraphQLObjectType type = schema.getObjectType(typeName);
    String scalars = scalars(type);
    List<String> selections = new ArrayList<>();
    selections.add(scalars);
    for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
      String nested = nested(schema, type, field);
      if (nested != null) {
        selections.add(scalars + " " + nested);
      }
    }
    return selections;
  }

  /** A nested field with its scalars, or null for a scalar or a field resolved in Java. */
  private String nested(
      GraphQLSchema schema, GraphQLObjectType parent, GraphQLFieldDefinition field) {
    if (!(GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLObjectType target)) {
      return null;
    }
    boolean connectionType = parent.getName().endsWith("Connection");
    if (!connectionType
        && model.declares(parent.getName())
        && !model.writesInSql(parent.getName(), field.getName())) {
      return null;
    }
    if (target.getName().endsWith("Connection")) {
      GraphQLObjectType node =
          (GraphQLObjectType)
              GraphQLTypeUtil.unwrapAll(
                  ((GraphQLObjectType)
                          GraphQLTypeUtil.unwrapAll(target.getFieldDefinition("edges").getType()))
                      .getFieldDefinition("node")
                      .getType());
      return field.getName()
          + "(first: 2) { totalCount edges { cursor node { "
          + scalars(node)
          + " } } pageInfo { hasNextPage endCursor } }";
    }
    if (connectionType && field.getName().equals("edges")) {
      GraphQLObjectType node =
          (GraphQLObjectType)
              GraphQLTypeUtil.unwrapAll(target.getFieldDefinition("node").getType());
      return "edges { cursor node { " + scalars(node) + " } }";
    }
    return field.getName() + " { " + scalars(target) + " }";
  }

  private static String scalars(GraphQLObjectType type) {
    return type.getFieldDefinitions().stream()
        .filter(
            field ->
                field.getArguments().stream()
                    .noneMatch(a -> GraphQLTypeUtil.isNonNull(a.getType())))
        .filter(field -> isLeaf(GraphQLTypeUtil.unwrapAll(field.getType())))
        .map(GraphQLFieldDefinition::getName)
        .collect(Collectors.joining(" ", "__typename ", ""));
  }

  private static boolean isLeaf(GraphQLType type) {
    return GraphQLTypeUtil.isLeaf(type) && type instanceof GraphQLNamedType;
  }

  /** How many kinds of numbers the admin may have revealed, each recorded by one statement. */
  private static long secretKinds(String selection) {
    return (selection.contains("phone") ? 1 : 0) + (selection.contains("idCardNumber") ? 1 : 0);
  }
}
