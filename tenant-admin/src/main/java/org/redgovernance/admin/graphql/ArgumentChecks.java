package org.redgovernance.admin.graphql;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import java.util.Map;
import org.redgovernance.database.StorableText;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Checks every field's arguments before the field runs, so that no feature can forget it: text that
 * cannot be stored or makes no sense ({@link StorableText}: NUL, unpaired surrogates, control
 * characters, more than {@code rg.graphql.max-string-length} characters) is {@code INVALID_INPUT}
 * naming the argument, and a page size ({@code first}) outside 0…{@value #MAX_PAGE} is {@code
 * BAD_USER_INPUT}. Nothing runs, nothing changes.
 */
@Component
class ArgumentChecks extends SimplePerformantInstrumentation {

  /** The largest page any list of tenant-admin returns. */
  static final int MAX_PAGE = 200;

  private final int maxLength;

  ArgumentChecks(@Value("${rg.graphql.max-string-length:20000}") int maxLength) {
    this.maxLength = maxLength;
  }

  @Override
  public DataFetcher<?> instrumentDataFetcher(
      DataFetcher<?> fetcher,
      InstrumentationFieldFetchParameters parameters,
      InstrumentationState state) {
    if (parameters.isTrivialDataFetcher()) {
      return fetcher;
    }
    return environment -> {
      Map<String, Object> arguments = environment.getArguments();
      StorableText.find(arguments, "", maxLength)
          .ifPresent(
              problem -> {
                throw new AdminErrors.Refused(
                    "INVALID_INPUT", problem.message(), Map.of("field", problem.path()));
              });
      if (arguments.get("first") instanceof Integer first && (first < 0 || first > MAX_PAGE)) {
        throw new AdminErrors.Refused(
            "BAD_USER_INPUT", "first must be between 0 and " + MAX_PAGE, Map.of("field", "first"));
      }
      return fetcher.get(environment);
    };
  }
}
