package org.redgovernance.api.support;

import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.testing.GraphQlHttp;
import org.redgovernance.testing.GraphQlResult;

/** A demo person's inbox and account, as tests of features that notify read them. */
public final class Inbox {

  private Inbox() {}

  /** The kinds of {@code user}'s notifications about {@code subjectId}, newest first. */
  public static List<String> kinds(GraphQlHttp graphql, String user, String subjectId) {
    GraphQlResult inbox =
        graphql.document("notifications").as(user).variable("first", 100).execute();
    return StreamSupport.stream(inbox.data("notifications.edges").spliterator(), false)
        .map(edge -> edge.path("node"))
        .filter(node -> node.path("subjectId").asString().equals(subjectId))
        .map(node -> node.path("kind").asString())
        .toList();
  }

  /** The global id of the resident whose account (Keycloak subject) {@code userId} is. */
  public static String residentOf(String communityKey, String userId) {
    String community = Rows.text("SELECT id::text FROM rg.community WHERE key = ?", communityKey);
    String resident =
        Rows.text(
            "SELECT resident_id::text FROM rg.resident_account"
                + " WHERE community_id = ?::uuid AND user_id = ?",
            community,
            userId);
    return GlobalId.of("Resident", UUID.fromString(community), UUID.fromString(resident));
  }
}
