package org.redgovernance.api.readmodel;

import graphql.TypeResolutionEnvironment;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.TypeResolver;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.ClassNameTypeResolver;

/**
 * GraphQL execution below a compiled answer taken apart ({@link CompiledObject}): a field of such
 * an object is its piece of the answer, and a field resolved in Java runs its resolver on the Java
 * object of the row. Root fields are never below one.
 */
@Configuration(proxyBeanMethods = false)
class JavaFieldsBelow implements Instrumentation {

  @Override
  public DataFetcher<?> instrumentDataFetcher(
      DataFetcher<?> dataFetcher,
      InstrumentationFieldFetchParameters parameters,
      InstrumentationState state) {
    // a compiled answer holds any object type (connections, edges, page info) but the roots
    if (parameters.getExecutionStepInfo().getPath().isRootPath()
        || parameters.getExecutionStepInfo().getParent().getPath().isRootPath()) {
      return dataFetcher;
    }
    return environment -> {
      if (!(environment.getSource() instanceof CompiledObject object)) {
        return dataFetcher.get(environment);
      }
      Object value = object.get(environment.getField().getResultKey());
      if (!(value instanceof CompiledObject.JavaField java)) {
        return value;
      }
      return java.source() == null
          ? null
          : dataFetcher.get(
              DataFetchingEnvironmentImpl.newDataFetchingEnvironment(environment)
                  .source(java.source())
                  .build());
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
