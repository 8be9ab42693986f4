package org.redgovernance.api.readmodel;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.SelectedField;
import java.util.List;
import java.util.Map;

/**
 * One field as selected: its arguments (variables and defaults applied), the fields selected below
 * it, and whether its type admits null. Compiled the same whether it sits in a larger selection or
 * is the field being fetched.
 */
public record Selected(Map<String, Object> arguments, List<SelectedField> below, boolean nullable) {

  static Selected of(SelectedField field) {
    return new Selected(
        field.getArguments(),
        field.getSelectionSet().getImmediateFields(),
        GraphQLTypeUtil.isNullable(field.getType()));
  }

  /** The field {@code environment} fetches. */
  public static Selected of(DataFetchingEnvironment environment) {
    return new Selected(
        environment.getArguments(),
        environment.getSelectionSet().getImmediateFields(),
        GraphQLTypeUtil.isNullable(environment.getFieldType()));
  }

  /** Neither arguments nor sub-selection: a scalar or enum as it is. */
  boolean plain() {
    return arguments.isEmpty() && below.isEmpty();
  }
}
