package org.redgovernance.benchmark;

import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * One request of the benchmark, as each server spells it, and how to bring both answers to the same
 * form: the check before timing compares {@code normalise(platform-api answer)} with {@code
 * normalise(PostGraphile answer)}.
 */
record BenchmarkQuery(
    String name,
    String description,
    String community,
    Request platformApi,
    Request postgraphile,
    boolean mutation) {

  /** A GraphQL request and the function that turns its answer into comparable data. */
  record Request(
      String document, Map<String, Object> variables, Function<JsonNode, Object> normalise) {}
}
