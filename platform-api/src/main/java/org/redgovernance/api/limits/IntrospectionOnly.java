package org.redgovernance.api.limits;

import graphql.execution.ExecutionContext;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.Map;

/**
 * Whether an operation asks for nothing but the schema ({@code __schema}, {@code __type}, {@code
 * __typename} at its root). Such operations are measured by their own rule: the standard
 * introspection query of graphql-js 16 and 17 — what GraphiQL, graphql-codegen and
 * graphql-inspector send — nests type references 15 levels deep and lists every type, so the depth
 * and page-size rules for data would refuse it. It is bounded instead by a depth of its own ({@code
 * rg.graphql.max-introspection-depth}) and by graphql-java's good-faith introspection check (one
 * {@code __schema}, no {@code fields} inside {@code fields}), which runs on every such operation.
 * Where introspection is off (production), these operations fail validation anyway.
 */
final class IntrospectionOnly {

  private IntrospectionOnly() {}

  static boolean test(ExecutionContext execution) {
    return onlySchema(
        execution.getOperationDefinition().getSelectionSet(), execution.getFragmentsByName(), 0);
  }

  private static boolean onlySchema(
      SelectionSet selections, Map<String, FragmentDefinition> fragments, int nesting) {
    if (nesting > 10) {
      return false;
    }
    for (Selection<?> selection : selections.getSelections()) {
      boolean schema;
      if (selection instanceof Field field) {
        schema = field.getName().startsWith("__");
      } else if (selection instanceof InlineFragment inline) {
        schema = onlySchema(inline.getSelectionSet(), fragments, nesting + 1);
      } else if (selection instanceof FragmentSpread spread) {
        FragmentDefinition fragment = fragments.get(spread.getName());
        schema = fragment != null && onlySchema(fragment.getSelectionSet(), fragments, nesting + 1);
      } else {
        schema = false;
      }
      if (!schema) {
        return false;
      }
    }
    return true;
  }
}
