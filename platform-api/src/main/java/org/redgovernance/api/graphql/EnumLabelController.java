package org.redgovernance.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLEnumType;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code enumLabels}: zh-CN display labels, so that identifiers stay English and screens show
 * Chinese. Labels live in {@code labels_zh_CN.properties}; a value without one shows its name.
 */
@Controller
class EnumLabelController {

  record EnumLabel(String value, String label) {}

  private final Properties labels = new Properties();

  EnumLabelController() {
    try (var reader =
        new InputStreamReader(
            new ClassPathResource("labels_zh_CN.properties").getInputStream(),
            StandardCharsets.UTF_8)) {
      labels.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @QueryMapping
  List<EnumLabel> enumLabels(@Argument("enum") String enumName, DataFetchingEnvironment env) {
    if (!(env.getGraphQLSchema().getType(enumName) instanceof GraphQLEnumType type)) {
      throw ApiException.badInput("No enum named " + enumName);
    }
    return type.getValues().stream()
        .map(
            value ->
                new EnumLabel(
                    value.getName(),
                    labels.getProperty(enumName + "." + value.getName(), value.getName())))
        .toList();
  }
}
