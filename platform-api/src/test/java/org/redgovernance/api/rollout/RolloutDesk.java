package org.redgovernance.api.rollout;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.redgovernance.api.readmodel.ReadRequest;
import org.redgovernance.testing.GraphQlHttp;
import org.redgovernance.testing.GraphQlResult;

/** The street office's desk for rollout projects, as the tests use it. */
final class RolloutDesk {

  static final String PROJECT_FIELDS =
      "id name goal ownerName startsOn targetOn version street { key }"
          + " indicators { metric { key } target }"
          + " participants { id community { key } stage stageOn version"
          + " stageChanges { stage changedOn note changedByName }"
          + " indicators { metric { key } target ownTarget value asOf onTarget } }"
          + " overview { stages { stage communities }"
          + " indicators { metric { key } target onTarget offTarget noValue } overdueActions }";

  /** What a list of projects shows of each: who takes part, and the overview. */
  static final String LISTED_FIELDS =
      "id name participants { id community { key } stage }"
          + " overview { stages { stage communities }"
          + " indicators { metric { key } target onTarget offTarget noValue } overdueActions }";

  static final String REVIEW_FIELDS =
      "id quarter reviewedOn rating findings reviewerName"
          + " values { metric { key } target value sample sufficient day onTarget }"
          + " actions { id description ownerName dueOn doneOn doneNote overdue version }";

  private final GraphQlHttp graphql;

  RolloutDesk(GraphQlHttp graphql) {
    this.graphql = graphql;
  }

  static List<Map<String, Object>> indicators(Object... keysAndTargets) {
    List<Map<String, Object>> indicators = new java.util.ArrayList<>();
    for (int i = 0; i < keysAndTargets.length; i += 2) {
      indicators.add(Map.of("metricKey", keysAndTargets[i], "target", keysAndTargets[i + 1]));
    }
    return indicators;
  }

  static Map<String, Object> project(String name, List<String> communities) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("streetKey", "baishalu");
    input.put("name", name);
    input.put("goal", "把白果树经验推广到街道各社区");
    input.put("ownerName", "街道党工委书记");
    input.put("startsOn", LocalDate.now(ReadRequest.ZONE).minusMonths(6).toString());
    input.put("targetOn", LocalDate.now(ReadRequest.ZONE).plusMonths(6).toString());
    input.put(
        "indicators", indicators("party_household_share", 40.0, "matters_overdue_share", 10.0));
    input.put("communityKeys", communities);
    return input;
  }

  static String uniqueName() {
    return "红色治家推广 " + UUID.randomUUID();
  }

  GraphQlResult create(String user, Map<String, Object> input) {
    return graphql
        .query(
            "mutation($input: CreateRolloutProjectInput!) { createRolloutProject(input: $input) {"
                + " project { "
                + PROJECT_FIELDS
                + " } errors { code message field } } }")
        .as(user)
        .variable("input", input)
        .execute();
  }

  /** A project of baishalu with these communities, made by the street's admin: its JSON. */
  tools.jackson.databind.JsonNode started(List<String> communities) {
    GraphQlResult made = create("baishalu.admin", project(uniqueName(), communities));
    if (!made.data("createRolloutProject.errors").isEmpty()) {
      throw new IllegalStateException(made.toString());
    }
    return made.data("createRolloutProject.project");
  }

  GraphQlResult move(String user, String participant, String stage, Map<String, Object> more) {
    Map<String, Object> input = new LinkedHashMap<>(more);
    input.put("id", participant);
    input.put("stage", stage);
    return graphql
        .query(
            "mutation($input: MoveRolloutStageInput!) { moveRolloutStage(input: $input) {"
                + " participant { id stage stageOn version stageChanges { stage changedOn note } }"
                + " errors { code message field } } }")
        .as(user)
        .variable("input", input)
        .execute();
  }

  GraphQlResult review(String user, Map<String, Object> input) {
    return graphql
        .query(
            "mutation($input: RecordRolloutReviewInput!) { recordRolloutReview(input: $input) {"
                + " review { "
                + REVIEW_FIELDS
                + " } errors { code message field } } }")
        .as(user)
        .variable("input", input)
        .execute();
  }

  GraphQlResult complete(String user, Map<String, Object> input) {
    return graphql
        .query(
            "mutation($input: CompleteRolloutActionInput!) { completeRolloutAction(input: $input)"
                + " { action { id doneOn doneNote overdue version } errors { code message field } }"
                + " }")
        .as(user)
        .variable("input", input)
        .execute();
  }

  GraphQlResult node(String user, String id, String fields) {
    return graphql
        .query("query($id: ID!) { node(id: $id) { id " + fields + " } }")
        .as(user)
        .variable("id", id)
        .execute();
  }

  GraphQlResult projects(String user) {
    return graphql
        .query(
            "query { rolloutProjects(first: 20) { totalCount edges { node { "
                + LISTED_FIELDS
                + " } } } }")
        .as(user)
        .execute();
  }
}
