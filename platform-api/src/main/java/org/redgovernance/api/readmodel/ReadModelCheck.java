package org.redgovernance.api.readmodel;

import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when the read model's declarations and the schema disagree ({@link
 * ReadModel#problems}): a field added to the schema and forgotten in its type's declaration fails
 * the build's first test, not a client's request.
 */
@Component
class ReadModelCheck implements SmartInitializingSingleton {

  private final ReadModel model;
  private final GraphQlSource source;

  ReadModelCheck(ReadModel model, GraphQlSource source) {
    this.model = model;
    this.source = source;
  }

  @Override
  public void afterSingletonsInstantiated() {
    List<String> problems = model.problems(source.schema());
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "The read model does not match the schema:\n  " + String.join("\n  ", problems));
    }
  }
}
