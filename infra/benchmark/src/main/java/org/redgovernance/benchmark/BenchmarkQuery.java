package org.redgovernance.benchmark;

import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One request of the benchmark, as each server spells it, and how to bring both answers to the same
 * form: the check before timing compares {@code normalise(platform-api answer)} with {@code
 * normalise(PostGraphile answer)}. A request PostGraphile has no counterpart of (the street's
 * dashboard: ranks and series its users would hand-write as a SQL function) has no {@code
 * postgraphile}: platform-api's figures are reported alone, and its {@code normalise} checks the
 * answer's shape.
 */
record BenchmarkQuery(
    String name,
    String description,
    String community,
    Request platformApi,
    @Nullable Request postgraphile,
    boolean mutation) {

  /** Whether PostGraphile answers it too. */
  boolean compared() {
    return postgraphile != null;
  }

  /** A GraphQL request and the function that turns its answer into comparable data. */
  record Request(
      String document, Map<String, Object> variables, Function<JsonNode, Object> normalise) {}
}
