package org.redgovernance.api.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.redgovernance.testing.GraphQlHttp;
import org.redgovernance.testing.GraphQlResult;
import tools.jackson.databind.JsonNode;

/**
 * Xinhua's meeting desk as the tests use it: its five bodies with the people sitting on them, a
 * service post to meet at, and the mutations its admin runs.
 */
final class XinhuaMeetingDesk {

  static final String ADMIN = "xinhua.admin";
  static final String RESIDENT = "xinhua.resident";

  private final GraphQlHttp graphql;

  /** Body ID by kind. */
  final Map<String, String> bodies = new HashMap<>();

  /** The people (resident or party member IDs) sitting on each kind of body now. */
  final Map<String, List<String>> seats = new HashMap<>();

  final String post;

  XinhuaMeetingDesk(GraphQlHttp graphql) {
    this.graphql = graphql;
    GraphQlResult result =
        graphql.document("bodySeats").as(ADMIN).variable("key", "xinhua").execute();
    for (JsonNode body : result.data("community.bodies")) {
      String kind = body.path("kind").asString();
      bodies.put(kind, body.path("id").asString());
      List<String> people = new ArrayList<>();
      body.path("currentTerm")
          .path("members")
          .forEach(m -> people.add(m.path("personId").asString()));
      seats.put(kind, people);
    }
    post = result.data("community.servicePosts.0.id").asString();
  }

  /** A weekly briefing tomorrow at the service post, inviting all five bodies. */
  String scheduled(String title) {
    return scheduled(title, new ArrayList<>(bodies.values()));
  }

  String scheduled(String title, List<String> invited) {
    JsonNode meeting =
        call(
            "scheduleMeeting",
            Map.of(
                "communityKey",
                "xinhua",
                "kind",
                "WEEKLY_BRIEFING",
                "title",
                title,
                "startsAt",
                OffsetDateTime.now().plusDays(1).toString(),
                "servicePostId",
                post,
                "invitedBodyIds",
                invited));
    assertThat(meeting.path("invitedBodies").size()).isEqualTo(invited.size());
    return meeting.path("id").asString();
  }

  /** A matter the resident reported and the admin accepted. */
  String acceptedMatter(String title, boolean isPublic) {
    GraphQlResult raised =
        graphql
            .document("reportMatter")
            .as(RESIDENT)
            .variable(
                "input",
                Map.of(
                    "communityKey",
                    "xinhua",
                    "title",
                    title,
                    "description",
                    title,
                    "category",
                    "FACILITY",
                    "isPublic",
                    isPublic))
            .execute();
    String id = raised.data("reportMatter.matter.id").asString();
    GraphQlResult accepted =
        graphql.document("acceptMatter").as(ADMIN).variable("input", Map.of("id", id)).execute();
    assertThat(accepted.data("acceptMatter.matter.status").asString()).isEqualTo("ACCEPTED");
    return id;
  }

  /** Runs a mutation as the admin, expects no user errors; the meeting if the payload has one. */
  JsonNode call(String mutation, Map<String, Object> input) {
    GraphQlResult result =
        graphql.document(mutation).as(ADMIN).variable("input", new HashMap<>(input)).execute();
    assertThat(result.data(mutation + ".errors").size()).as(result.toString()).isZero();
    JsonNode payload = result.data(mutation);
    return payload.has("meeting") ? payload.path("meeting") : payload;
  }
}
