package org.redgovernance.api.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.redgovernance.api.readmodel.ReadRequest;
import org.redgovernance.api.support.Rows;
import org.redgovernance.testing.GraphQlHttp;
import org.redgovernance.testing.GraphQlResult;
import tools.jackson.databind.JsonNode;

/**
 * The rollout's root fields attacked across the wall ({@link TenantIsolationIntegrationTests}): in
 * each victim community's street, a project only the victim takes part in, reviewed, with an open
 * action. A project is the street's: a caller of another community of the same street must not see
 * it either, nor reach the victim's part by its IDs.
 */
final class RolloutAttacks {

  /** The victim's project, participant, review and action IDs, made once for the whole run. */
  private record Victim(String project, String participant, String review, String action) {}

  private static final Map<String, Victim> VICTIMS = new ConcurrentHashMap<>();

  private final GraphQlHttp graphql;
  private final List<String> communities;
  private final Map<String, String> streetOf;

  RolloutAttacks(GraphQlHttp graphql, List<String> communities, Map<String, String> streetOf) {
    this.graphql = graphql;
    this.communities = communities;
    this.streetOf = streetOf;
  }

  void define(BiConsumer<String, BiConsumer<String, String>> attacks) {
    for (String community : communities) {
      VICTIMS.computeIfAbsent(community, this::victim);
    }
    attacks.accept("Query.rolloutProjects", this::listed);
    attacks.accept(
        "Mutation.createRolloutProject",
        (user, victim) -> {
          long before = projects();
          for (String street : List.of(streetOf.get(victim), ownStreet(user))) {
            GraphQlResult result =
                mutate(
                    user,
                    "createRolloutProject(input: {streetKey: \""
                        + street
                        + "\", name: \"入侵"
                        + UUID.randomUUID()
                        + "\", ownerName: \"o\", startsOn: \"2026-01-01\", targetOn:"
                        + " \"2027-01-01\", indicators: [], communityKeys: [\""
                        + victim
                        + "\"]}) { project { id } errors { code } }");
            assertThat(result.data("createRolloutProject.errors.0.code").asString())
                .as("%s: %s", user, result)
                .isIn("NOT_FOUND", "FORBIDDEN");
          }
          assertThat(projects()).isEqualTo(before);
        });
    attacks.accept(
        "Mutation.updateRolloutProject",
        (user, victim) -> {
          GraphQlResult result =
              mutate(
                  user,
                  "updateRolloutProject(input: {id: \""
                      + VICTIMS.get(victim).project()
                      + "\", name: \"入侵\"}) { project { id } errors { code } }");
          assertThat(result.data("updateRolloutProject.errors.0.code").asString())
              .as("%s: %s", user, result)
              .isIn("NOT_FOUND", "FORBIDDEN");
          assertThat(Rows.count("SELECT count(*) FROM rg.rollout_project WHERE name = '入侵'"))
              .isZero();
        });
    attacks.accept(
        "Mutation.addRolloutCommunities",
        (user, victim) -> {
          long before = participants();
          GraphQlResult result =
              mutate(
                  user,
                  "addRolloutCommunities(input: {id: \""
                      + VICTIMS.get(victim).project()
                      + "\", communityKeys: [\""
                      + ownCommunity(user)
                      + "\"]}) { project { id } errors { code } }");
          assertThat(result.data("addRolloutCommunities.errors.0.code").asString())
              .as("%s: %s", user, result)
              .isIn("NOT_FOUND", "FORBIDDEN");
          assertThat(participants()).isEqualTo(before);
        });
    attacks.accept(
        "Mutation.moveRolloutStage",
        (user, victim) -> {
          GraphQlResult result =
              mutate(
                  user,
                  "moveRolloutStage(input: {id: \""
                      + VICTIMS.get(victim).participant()
                      + "\", stage: ONBOARDED}) { participant { id } errors { code } }");
          assertNotFound(user, result, "moveRolloutStage");
          assertThat(
                  Rows.count(
                      "SELECT count(*) FROM rg.rollout_participant WHERE stage <> 'PLANNED'"
                          + " AND project_id IN (SELECT id FROM rg.rollout_project WHERE name"
                          + " LIKE '受害者项目%')"))
              .isZero();
        });
    attacks.accept(
        "Mutation.setRolloutTarget",
        (user, victim) -> {
          long before = Rows.count("SELECT count(*) FROM rg.rollout_target");
          GraphQlResult result =
              mutate(
                  user,
                  "setRolloutTarget(input: {id: \""
                      + VICTIMS.get(victim).participant()
                      + "\", metricKey: \"households\", target: 1}) { participant { id }"
                      + " errors { code } }");
          assertNotFound(user, result, "setRolloutTarget");
          assertThat(Rows.count("SELECT count(*) FROM rg.rollout_target")).isEqualTo(before);
        });
    attacks.accept(
        "Mutation.recordRolloutReview",
        (user, victim) -> {
          long before = Rows.count("SELECT count(*) FROM rg.rollout_review");
          GraphQlResult result =
              mutate(
                  user,
                  "recordRolloutReview(input: {id: \""
                      + VICTIMS.get(victim).participant()
                      + "\", quarter: \""
                      + quarter(LocalDate.now(ReadRequest.ZONE))
                      + "\", rating: FAIL}) { review { id } errors { code } }");
          assertNotFound(user, result, "recordRolloutReview");
          assertThat(Rows.count("SELECT count(*) FROM rg.rollout_review")).isEqualTo(before);
        });
    attacks.accept(
        "Mutation.completeRolloutAction",
        (user, victim) -> {
          GraphQlResult result =
              mutate(
                  user,
                  "completeRolloutAction(input: {id: \""
                      + VICTIMS.get(victim).action()
                      + "\"}) { action { id } errors { code } }");
          assertNotFound(user, result, "completeRolloutAction");
          assertThat(
                  Rows.count(
                      "SELECT count(*) FROM rg.rollout_action WHERE done_on IS NOT NULL AND"
                          + " description = '受害者的整改'"))
              .isZero();
        });
  }

  /** Listed, filtered by the victim's street, or asked for by ID: none of the victim's. */
  private void listed(String user, String victim) {
    Victim ids = VICTIMS.get(victim);
    GraphQlResult listed =
        graphql
            .query(
                "query($s: String) { rolloutProjects(first: 100, filter: {streetKey: $s}) { edges"
                    + " { node { id participants { id community { key } } } } } }")
            .as(user)
            .variable("s", streetOf.get(victim))
            .execute();
    assertThat(listed.hasErrors()).as("%s", listed).isFalse();
    assertThat(listed.data("rolloutProjects").toString())
        .doesNotContain(ids.project())
        .doesNotContain(ids.participant())
        .doesNotContain("\"" + victim + "\"");
    for (String id : List.of(ids.project(), ids.participant(), ids.review(), ids.action())) {
      GraphQlResult node =
          graphql
              .query("query($id: ID!) { node(id: $id) { id } }")
              .as(user)
              .variable("id", id)
              .execute();
      assertThat(node.data("node").isNull()).as("%s: %s", user, node).isTrue();
    }
  }

  private Victim victim(String community) {
    GraphQlResult made =
        mutate(
            "platform.operator",
            "createRolloutProject(input: {streetKey: \""
                + streetOf.get(community)
                + "\", name: \"受害者项目 "
                + community
                + " "
                + UUID.randomUUID()
                + "\", ownerName: \"o\", startsOn: \"2026-01-01\", targetOn: \"2027-12-31\","
                + " indicators: [{metricKey: \"households\", target: 1}], communityKeys: [\""
                + community
                + "\"]}) { project { id participants { id } } errors { code message } }");
    JsonNode project = made.data("createRolloutProject.project");
    assertThat(project.isNull()).as("%s", made).isFalse();
    String participant = project.path("participants").get(0).path("id").asString();
    LocalDate previous = LocalDate.now(ReadRequest.ZONE).minusMonths(3);
    GraphQlResult reviewed =
        mutate(
            "platform.operator",
            "recordRolloutReview(input: {id: \""
                + participant
                + "\", quarter: \""
                + quarter(previous)
                + "\", rating: GOOD, actions: [{description: \"受害者的整改\", ownerName: \"o\","
                + " dueOn: \""
                + LocalDate.now(ReadRequest.ZONE).plusMonths(2)
                + "\"}]}) { review { id actions { id } } errors { code message } }");
    JsonNode review = reviewed.data("recordRolloutReview.review");
    assertThat(review.isNull()).as("%s", reviewed).isFalse();
    return new Victim(
        project.path("id").asString(),
        participant,
        review.path("id").asString(),
        review.path("actions").get(0).path("id").asString());
  }

  private GraphQlResult mutate(String user, String field) {
    return graphql.query("mutation { " + field + " }").as(user).execute();
  }

  private static void assertNotFound(String user, GraphQlResult result, String field) {
    assertThat(result.data(field + ".errors.0.code").asString())
        .as("%s: %s", user, result)
        .isEqualTo("NOT_FOUND");
  }

  private static String quarter(LocalDate day) {
    return day.getYear() + "-Q" + day.get(IsoFields.QUARTER_OF_YEAR);
  }

  /** The community the demo user belongs to, or the first of their street's. */
  private static String ownCommunity(String user) {
    String prefix = user.substring(0, user.indexOf('.'));
    return switch (prefix) {
      case "baishalu" -> "baiguoshu";
      case "gutang" -> "qingyuan";
      default -> prefix;
    };
  }

  private String ownStreet(String user) {
    return streetOf.get(ownCommunity(user));
  }

  private static long projects() {
    return Rows.count("SELECT count(*) FROM rg.rollout_project");
  }

  private static long participants() {
    return Rows.count("SELECT count(*) FROM rg.rollout_participant");
  }
}
