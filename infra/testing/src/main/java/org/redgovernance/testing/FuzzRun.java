package org.redgovernance.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The tally of a fuzzing run against a service: how each answer came out (its first error code, the
 * code in its payload, or OK) and what went wrong. Whatever the operation, an answer is HTTP 200,
 * 400 with its errors (refused before it ran) or 413 (too large), and no error is {@code INTERNAL}
 * or without a code; each test adds its own findings with {@link #fail}.
 */
public final class FuzzRun {

  private final String service;
  private final long seed;
  private final Map<String, Integer> outcomes = new TreeMap<>();
  private final List<String> failures = new ArrayList<>();
  private int operations;

  public FuzzRun(String service, long seed) {
    this.service = service;
    this.seed = seed;
  }

  /** Counts the answer, notes whatever is wrong with it, and returns its outcome. */
  public String record(String user, String document, GraphQlResult result) {
    operations++;
    String outcome = outcome(result);
    outcomes.merge(outcome, 1, Integer::sum);
    boolean refusedWhole = result.status() == 400 && result.hasErrors();
    if (result.status() != 200 && result.status() != 413 && !refusedWhole) {
      fail("HTTP " + result.status(), user, document);
    }
    if (outcome.contains("INTERNAL") || outcome.contains("<no code>")) {
      fail("internal error " + shortened(result.toString()), user, document);
    }
    return outcome;
  }

  /** A finding: what, for whom, with which operation. */
  public void fail(String what, String user, String document) {
    failures.add(what + " as " + user + ": " + shortened(document));
  }

  /**
   * The outcomes whose code the schema does not declare: an error's code must be a value of {@code
   * errorCodes} (the schema's ErrorCode enum), a payload's of {@code payloadCodes}.
   */
  public List<String> undeclaredCodes(
      java.util.Collection<String> errorCodes, java.util.Collection<String> payloadCodes) {
    List<String> undeclared = new java.util.ArrayList<>();
    for (String outcome : outcomes.keySet()) {
      boolean declared =
          outcome.equals("OK")
              || (outcome.startsWith("payload ")
                  ? payloadCodes.contains(outcome.substring("payload ".length()))
                  : errorCodes.contains(outcome));
      if (!declared) {
        undeclared.add(outcome);
      }
    }
    return undeclared;
  }

  public List<String> failures() {
    return List.copyOf(failures);
  }

  /** The summary line and the first findings, for the build's log. */
  public void print() {
    System.out.printf(
        "fuzz (%s): %d operations (seed %d), outcomes %s, %d failures%n",
        service, operations, seed, outcomes, failures.size());
    failures.stream().limit(20).forEach(failure -> System.out.println("fuzz failure: " + failure));
  }

  /** The first error's code, "<no code>" when it has none, "payload CODE", or OK. */
  static String outcome(GraphQlResult result) {
    JsonNode errors = result.body().path("errors");
    if (!errors.isEmpty()) {
      String code = errors.path(0).path("extensions").path("code").asString();
      return code.isEmpty() ? "<no code>" : code;
    }
    for (JsonNode field : result.body().path("data")) {
      if (field.path("errors").size() > 0) {
        return "payload " + field.path("errors").path(0).path("code").asString();
      }
    }
    return "OK";
  }

  private static String shortened(String text) {
    return text.length() <= 600 ? text : text.substring(0, 600) + "… (" + text.length() + ")";
  }
}
