package org.redgovernance.api.readmodel;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;
import java.util.List;
import java.util.Map;

/**
 * One field as selected: its arguments (variables and defaults applied) and the fields selected
 * below it. Compiled the same whether it sits in a larger selection or is the field being fetched.
 */
public record Selected(Map<String, Object> arguments, List<SelectedField> below) {

  static Selected of(SelectedField field) {
    return new Selected(field.getArguments(), field.getSelectionSet().getImmediateFields());
  }

  /** The field {@code environment} fetches. */
  public static Selected of(DataFetchingEnvironment environment) {
    return new Selected(
        environment.getArguments(), environment.getSelectionSet().getImmediateFields());
  }

  /** Neither arguments nor sub-selection: a scalar or enum as it is. */
  boolean plain() {
    return arguments.isEmpty() && below.isEmpty();
  }
}
