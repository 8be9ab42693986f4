package org.redgovernance.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLEnumType;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code enumLabels}: zh-CN display labels, so that identifiers stay English and screens show
 * Chinese. Labels live in {@code labels_zh_CN.properties}; a value without one shows its name.
 */
@Controller
class EnumLabelController {

  record EnumLabel(String enumName, String value, String label) {}

  private final EnumLabels labels;

  EnumLabelController(EnumLabels labels) {
    this.labels = labels;
  }

  @QueryMapping
  List<EnumLabel> enumLabels(
      @Argument("enum") @Nullable String enumName, DataFetchingEnvironment env) {
    if (enumName == null) {
      // every enum of the schema but graphql-java's own (__TypeKind …), sorted by name
      return env.getGraphQLSchema().getAllTypesAsList().stream()
          .filter(GraphQLEnumType.class::isInstance)
          .map(GraphQLEnumType.class::cast)
          .filter(type -> !type.getName().startsWith("__"))
          .flatMap(type -> labelsOf(type).stream())
          .toList();
    }
    if (!(env.getGraphQLSchema().getType(enumName) instanceof GraphQLEnumType type)) {
      throw ApiException.badInput("No enum named " + enumName);
    }
    return labelsOf(type);
  }

  @SchemaMapping(typeName = "EnumLabel", field = "enum")
  String enumOf(EnumLabel label) {
    return label.enumName();
  }

  private List<EnumLabel> labelsOf(GraphQLEnumType type) {
    return type.getValues().stream()
        .map(
            value ->
                new EnumLabel(
                    type.getName(), value.getName(), labels.of(type.getName(), value.getName())))
        .toList();
  }
}
