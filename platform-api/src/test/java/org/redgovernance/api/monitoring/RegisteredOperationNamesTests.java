package org.redgovernance.api.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.redgovernance.graphql.PersistedQueries;

/**
 * The operations whose names the metrics always label by name are the front ends' documents that
 * platform-api's build registered (the reference app's, the console's).
 */
class RegisteredOperationNamesTests {

  @Test
  void theRegisteredOperationsAreTheFrontEndsDocuments() {
    Set<String> names =
        new PersistedQueries(10, false, PersistedQueries.DEFAULT_LOCATION)
            .registeredOperationNames();
    assertThat(names).contains("StreetComparison", "RolloutProject").hasSizeGreaterThan(10);
  }
}
