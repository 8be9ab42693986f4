package org.redgovernance.api.readmodel;

import graphql.language.Argument;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.TypeName;
import graphql.language.VariableReference;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLUnionType;
import graphql.schema.SelectedField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The fields selected below an interface- or union-typed field ({@code node(id:)}) that apply to
 * one object type, in the order GraphQL writes them for it. graphql-java lists a result key where
 * it first appears for any type; for {@code { ... on Notice { title } id ... on Meeting { title }
 * }} a meeting's answer is {@code id, title} though the list says {@code title, id}. The order is
 * worked out again from the document, as GraphQL's field collection does for that type.
 */
public final class TypeSelection {

  private TypeSelection() {}

  /** The fields of {@code environment}'s selection that apply to {@code type}, in answer order. */
  public static List<SelectedField> of(String type, DataFetchingEnvironment environment) {
    List<String> order = new ArrayList<>();
    for (Field field : environment.getMergedField().getFields()) {
      collect(type, field.getSelectionSet(), environment, order);
    }
    return environment.getSelectionSet().getImmediateFields().stream()
        .filter(field -> field.getObjectTypeNames().contains(type))
        .sorted(Comparator.comparingInt(field -> position(order, field.getResultKey())))
        .toList();
  }

  private static int position(List<String> order, String key) {
    int index = order.indexOf(key);
    return index < 0 ? Integer.MAX_VALUE : index;
  }

  private static void collect(
      String type,
      SelectionSet selections,
      DataFetchingEnvironment environment,
      List<String> order) {
    if (selections == null) {
      return;
    }
    Map<String, FragmentDefinition> fragments = environment.getFragmentsByName();
    for (Selection<?> selection : selections.getSelections()) {
      if (!included((DirectivesContainer<?>) selection, environment.getVariables())) {
        continue;
      }
      if (selection instanceof Field field) {
        String key = field.getAlias() != null ? field.getAlias() : field.getName();
        if (!order.contains(key)) {
          order.add(key);
        }
      } else if (selection instanceof InlineFragment fragment) {
        if (applies(fragment.getTypeCondition(), type, environment.getGraphQLSchema())) {
          collect(type, fragment.getSelectionSet(), environment, order);
        }
      } else if (selection instanceof FragmentSpread spread) {
        FragmentDefinition fragment = fragments.get(spread.getName());
        if (fragment != null
            && applies(fragment.getTypeCondition(), type, environment.getGraphQLSchema())) {
          collect(type, fragment.getSelectionSet(), environment, order);
        }
      }
    }
  }

  private static boolean applies(TypeName condition, String type, GraphQLSchema schema) {
    if (condition == null || condition.getName().equals(type)) {
      return true;
    }
    GraphQLType named = schema.getType(condition.getName());
    GraphQLObjectType object = schema.getObjectType(type);
    if (named instanceof GraphQLInterfaceType face) {
      return object != null && schema.getImplementations(face).contains(object);
    }
    return named instanceof GraphQLUnionType union && union.getTypes().contains(object);
  }

  /** {@code @skip} and {@code @include}, with literal or variable conditions. */
  private static boolean included(DirectivesContainer<?> node, Map<String, Object> variables) {
    for (Directive directive : node.getDirectives()) {
      Argument condition = directive.getArgument("if");
      if (condition == null) {
        continue;
      }
      boolean value =
          condition.getValue() instanceof BooleanValue literal
              ? literal.isValue()
              : condition.getValue() instanceof VariableReference variable
                  && Boolean.TRUE.equals(variables.get(variable.getName()));
      if (directive.getName().equals("skip") && value
          || directive.getName().equals("include") && !value) {
        return false;
      }
    }
    return true;
  }
}
