package org.redgovernance.api.readmodel;

import graphql.TypeResolutionEnvironment;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.GraphQLObjectType;
import graphql.schema.TypeResolver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.ClassNameTypeResolver;

/**
 * GraphQL execution where compiled answers and Java objects meet. Below a compiled answer taken
 * apart ({@link CompiledObject}) a field of such an object is its piece of the answer, and a field
 * resolved in Java runs its resolver on the Java object of the row (root fields are never below
 * one). The other way round, a declared field of a Java object that stands for a row (a {@code
 * Community} from the scope) is compiled against that row ({@link DeclaredFields}).
 */
@Configuration(proxyBeanMethods = false)
class JavaFieldsBelow implements Instrumentation {

  private final ReadModel model;
  private final ObjectProvider<DeclaredFields> declared;

  JavaFieldsBelow(ReadModel model, ObjectProvider<DeclaredFields> declared) {
    this.model = model;
    this.declared = declared;
  }

  @Override
  public DataFetcher<?> instrumentDataFetcher(
      DataFetcher<?> dataFetcher,
      InstrumentationFieldFetchParameters parameters,
      InstrumentationState state) {
    DataFetcher<?> fetcher = declaredOfJavaObjects(dataFetcher, parameters);
    // a compiled answer holds any object type (connections, edges, page info) but the roots
    if (parameters.getExecutionStepInfo().getPath().isRootPath()
        || parameters.getExecutionStepInfo().getParent().getPath().isRootPath()) {
      return fetcher;
    }
    return environment -> {
      if (!(environment.getSource() instanceof CompiledObject object)) {
        return fetcher.get(environment);
      }
      Object value = object.get(environment.getField().getResultKey());
      if (!(value instanceof CompiledObject.JavaField java)) {
        return value;
      }
      return java.source() == null
          ? null
          : fetcher.get(
              DataFetchingEnvironmentImpl.newDataFetchingEnvironment(environment)
                  .source(java.source())
                  .build());
    };
  }

  /**
   * A field declared in SQL with no resolver of its own, of a Java object that stands for a row (a
   * {@code Community} from the scope): compiled against the row, in one statement.
   */
  private DataFetcher<?> declaredOfJavaObjects(
      DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters) {
    GraphQLObjectType parent = parameters.getExecutionStepInfo().getObjectType();
    String field = parameters.getExecutionStepInfo().getFieldDefinition().getName();
    if (!parameters.isTrivialDataFetcher()
        || parent == null
        || !model.compiledOnJavaObjects(parent.getName(), field)) {
      return dataFetcher;
    }
    return environment -> {
      GlobalIdParts id = model.idOfJavaObject(parent.getName(), environment.getSource());
      return id == null
          ? dataFetcher.get(environment)
          : declared.getObject().answer(parent.getName(), id, environment);
    };
  }

  /** Interfaces and unions resolve a compiled object by the type it names. */
  @Bean
  GraphQlSourceBuilderCustomizer compiledObjectTypes() {
    TypeResolver byClass = new ClassNameTypeResolver();
    TypeResolver resolver =
        (TypeResolutionEnvironment environment) ->
            environment.getObject() instanceof CompiledObject object && object.typeName() != null
                ? environment.getSchema().getObjectType(object.typeName())
                : byClass.getType(environment);
    return builder -> builder.defaultTypeResolver(resolver);
  }
}
