package org.redgovernance.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/** zh-CN is the default locale: every value of every enum of the schema has a display label. */
class EnumLabelCoverageIntegrationTests extends IntegrationTest {

  @Autowired GraphQlSource graphQlSource;

  @Test
  void everyEnumValueOfTheSchema_hasAZhCnLabel() throws Exception {
    Properties labels = new Properties();
    try (var reader =
        new InputStreamReader(
            getClass().getClassLoader().getResourceAsStream("labels_zh_CN.properties"),
            StandardCharsets.UTF_8)) {
      labels.load(reader);
    }
    List<String> missing = new ArrayList<>();
    for (var type : graphQlSource.schema().getAllTypesAsList()) {
      if (type instanceof GraphQLEnumType enumType && !enumType.getName().startsWith("__")) {
        for (GraphQLEnumValueDefinition value : enumType.getValues()) {
          String key = enumType.getName() + "." + value.getName();
          if (!labels.containsKey(key)) {
            missing.add(key);
          }
        }
      }
    }
    assertThat(missing).as("enum values without a zh-CN label").isEmpty();
  }
}
