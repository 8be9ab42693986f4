package org.redgovernance.benchmark;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Before anything is timed: both servers answer every query without errors and with the same data
 * once normalised; otherwise the run stops and shows both.
 */
final class EqualityCheck {

  private EqualityCheck() {}

  static void verify(BenchmarkStack stack, List<BenchmarkQuery> queries, String token)
      throws Exception {
    for (BenchmarkQuery query : queries) {
      JsonNode a =
          GraphQlClient.send(
              stack.platformApi().graphqlUrl(),
              token,
              query.community(),
              GraphQlClient.body(query.platformApi()));
      if (!query.compared()) {
        if (a.has("errors")) {
          throw new IllegalStateException(query.name() + ": errors\n platform-api: " + a);
        }
        System.out.println(
            "answered alone: "
                + query.name()
                + " "
                + GraphQlClient.JSON.writeValueAsString(query.platformApi().normalise().apply(a)));
        continue;
      }
      JsonNode b =
          GraphQlClient.send(
              stack.postgraphile().graphqlUrl(),
              token,
              query.community(),
              GraphQlClient.body(query.postgraphile()));
      if (a.has("errors") || b.has("errors")) {
        throw new IllegalStateException(
            query.name() + ": errors\n platform-api: " + a + "\n PostGraphile: " + b);
      }
      Object left = query.platformApi().normalise().apply(a);
      Object right = query.postgraphile().normalise().apply(b);
      if (!left.equals(right)) {
        throw new IllegalStateException(
            query.name()
                + ": different data\n platform-api: "
                + GraphQlClient.JSON.writeValueAsString(left)
                + "\n PostGraphile: "
                + GraphQlClient.JSON.writeValueAsString(right));
      }
      System.out.println("same data: " + query.name());
    }
  }
}
