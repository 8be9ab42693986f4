package org.redgovernance.api.matters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.redgovernance.testing.GraphQlHttp;
import org.redgovernance.testing.GraphQlResult;
import tools.jackson.databind.JsonNode;

/**
 * The matter mutations as the tests call them: raise a matter in Baiguoshu and walk it to any
 * status through the demo users allowed to take each step (also for features that react to matters,
 * such as notifications).
 */
public final class MatterDesk {

  static final String COMMUNITY = "baiguoshu";

  private final GraphQlHttp graphql;
  private final String ownersCommitteeId;

  public MatterDesk(GraphQlHttp graphql) {
    this.graphql = graphql;
    this.ownersCommitteeId = bodyId("OWNERS_COMMITTEE");
  }

  public String ownersCommitteeId() {
    return ownersCommitteeId;
  }

  /** The resident reports a public matter for themselves. */
  public String reportedByTheResident(String title) {
    GraphQlResult result =
        call(
            "baiguoshu.resident",
            "reportMatter",
            Map.of(
                "communityKey",
                COMMUNITY,
                "title",
                title,
                "description",
                title + "，请处理。",
                "category",
                "FACILITY",
                "isPublic",
                true));
    assertThat(result.data("reportMatter.errors").size()).as(result.toString()).isZero();
    return result.data("reportMatter.matter.id").asString();
  }

  /** A new matter of the resident's, moved on to {@code status}. */
  public String at(String status, String title) {
    String id = reportedByTheResident(title);
    List<String> path =
        List.of("REPORTED", "ACCEPTED", "IN_PROGRESS", "RESOLVED", "VERIFIED", "CLOSED");
    for (String next : path.subList(1, path.indexOf(status) + 1)) {
      GraphQlResult result =
          switch (next) {
            case "ACCEPTED" -> call("baiguoshu.secretary", "acceptMatter", Map.of("id", id));
            case "IN_PROGRESS" -> call("baiguoshu.secretary", "assignMatter", assignment(id));
            case "RESOLVED" ->
                call("baiguoshu.admin", "resolveMatter", Map.of("id", id, "resolution", "已修好"));
            case "VERIFIED" -> call("baiguoshu.supervisor", "verifyMatter", Map.of("id", id));
            case "CLOSED" ->
                call("baiguoshu.resident", "rateMatter", Map.of("id", id, "rating", 5));
            default -> throw new IllegalArgumentException(next);
          };
      String field = result.body().path("data").properties().iterator().next().getKey();
      assertThat(result.data(field + ".errors").size()).as(result.toString()).isZero();
      assertThat(result.data(field + ".matter.status").asString()).isEqualTo(next);
    }
    return id;
  }

  public Map<String, Object> assignment(String id) {
    return Map.of(
        "id", id, "assigneeId", ownersCommitteeId, "dueOn", LocalDate.now().plusDays(7).toString());
  }

  public GraphQlResult call(String user, String mutation, Map<String, Object> input) {
    return graphql.document(mutation).as(user).variable("input", new HashMap<>(input)).execute();
  }

  /** The matter as {@code user} sees it (the document {@code matter}). */
  public JsonNode matter(String user, String id) {
    return graphql.document("matter").as(user).variable("id", id).execute().data("node");
  }

  /** The global id of Baiguoshu's body of {@code kind}. */
  public String bodyId(String kind) {
    GraphQlResult bodies =
        graphql.document("bodies").as("baiguoshu.admin").variable("key", COMMUNITY).execute();
    for (JsonNode body : bodies.data("community.bodies")) {
      if (body.path("kind").asString().equals(kind)) {
        return body.path("id").asString();
      }
    }
    throw new IllegalStateException("No " + kind + " in " + bodies);
  }
}
