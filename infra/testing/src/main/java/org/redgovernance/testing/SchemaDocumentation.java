package org.redgovernance.testing;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLUnionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every element of a schema a front-end developer reads in GraphiQL or in generated code — type,
 * field, argument, input field, enum value — has a description. Lists the ones that do not, by
 * their schema coordinate (e.g. {@code Matter.title}, {@code Query.matters(first:)}).
 */
public final class SchemaDocumentation {

  private static final Set<String> BUILT_IN = Set.of("String", "Int", "Float", "Boolean", "ID");

  private SchemaDocumentation() {}

  public static List<String> undocumented(GraphQLSchema schema) {
    List<String> missing = new ArrayList<>();
    for (GraphQLNamedType type : schema.getAllTypesAsList()) {
      String name = type.getName();
      if (name.startsWith("__") || BUILT_IN.contains(name)) {
        continue;
      }
      if (blank(type.getDescription())) {
        missing.add(name);
      }
      if (type instanceof GraphQLFieldsContainer container) {
        for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
          if (blank(field.getDescription())) {
            missing.add(name + "." + field.getName());
          }
          for (GraphQLArgument argument : field.getArguments()) {
            if (blank(argument.getDescription())) {
              missing.add(name + "." + field.getName() + "(" + argument.getName() + ":)");
            }
          }
        }
      } else if (type instanceof GraphQLInputObjectType input) {
        for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
          if (blank(field.getDescription())) {
            missing.add(name + "." + field.getName());
          }
        }
      } else if (type instanceof GraphQLEnumType enumType) {
        for (GraphQLEnumValueDefinition value : enumType.getValues()) {
          if (blank(value.getDescription())) {
            missing.add(name + "." + value.getName());
          }
        }
      } else if (!(type instanceof GraphQLScalarType) && !(type instanceof GraphQLUnionType)) {
        missing.add(name + " (unexpected kind)");
      }
    }
    return missing;
  }

  private static boolean blank(String description) {
    return description == null || description.isBlank();
  }
}
