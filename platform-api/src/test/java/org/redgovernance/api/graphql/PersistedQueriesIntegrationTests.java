package org.redgovernance.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.graphql.PersistedQueries;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.Tokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Apollo's automatic persisted queries: a hash the server does not know asks for the text, hash and
 * text register it, a hash that is not the text's is refused; and queries over GET, by text or by
 * hash, never a mutation.
 */
class PersistedQueriesIntegrationTests extends IntegrationTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A document no other test sent, so that no instance has registered it yet. */
  private final String query =
      "query Mine" + UUID.randomUUID().toString().replace("-", "") + " { viewer { username } }";

  private final String hash = PersistedQueries.sha256(query);

  private static String extensions(String hash) {
    return "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}";
  }

  @Test
  void anUnknownHash_asksForTheText_whichRegistersIt_andThenTheHashAloneRuns() {
    GraphQlResult unknown =
        graphql.postRaw("{\"extensions\":" + extensions(hash) + "}", "baiguoshu.resident");
    assertThat(unknown.errorCodes()).containsExactly("PERSISTED_QUERY_NOT_FOUND");
    assertThat(unknown.body().path("errors").path(0).path("message").asString())
        .isEqualTo("PersistedQueryNotFound");

    GraphQlResult registered =
        graphql.postRaw(
            "{\"query\":"
                + JSON.writeValueAsString(query)
                + ",\"extensions\":"
                + extensions(hash)
                + "}",
            "baiguoshu.resident");
    assertThat(registered.data("viewer.username").asString()).isEqualTo("baiguoshu.resident");

    GraphQlResult byHash =
        graphql.postRaw("{\"extensions\":" + extensions(hash) + "}", "baiguoshu.owners");
    assertThat(byHash.data("viewer.username").asString()).isEqualTo("baiguoshu.owners");
  }

  @Test
  void aHashThatIsNotTheTexts_isRefused_andRegistersNothing() {
    String wrong = PersistedQueries.sha256("something else");
    GraphQlResult mismatch =
        graphql.postRaw(
            "{\"query\":"
                + JSON.writeValueAsString(query)
                + ",\"extensions\":"
                + extensions(wrong)
                + "}",
            "baiguoshu.resident");
    assertThat(mismatch.errorCodes()).containsExactly("PERSISTED_QUERY_HASH_MISMATCH");
    assertThat(
            graphql
                .postRaw("{\"extensions\":" + extensions(wrong) + "}", "baiguoshu.resident")
                .errorCodes())
        .containsExactly("PERSISTED_QUERY_NOT_FOUND");
  }

  @Test
  void queriesRunOverGet_byTextOrByHash_butMutationsDoNot() throws Exception {
    JsonNode byText = get("query=" + encode(query), "baiguoshu.resident", 200);
    assertThat(byText.path("data").path("viewer").path("username").asString())
        .isEqualTo("baiguoshu.resident");
    // Apollo over GET: the hash alone first, then hash and text, which registers it
    JsonNode unknown = get("extensions=" + encode(extensions(hash)), "baiguoshu.resident", 200);
    assertThat(unknown.path("errors").path(0).path("extensions").path("code").asString())
        .isEqualTo("PERSISTED_QUERY_NOT_FOUND");
    get(
        "query=" + encode(query) + "&extensions=" + encode(extensions(hash)),
        "baiguoshu.resident",
        200);
    JsonNode byHash = get("extensions=" + encode(extensions(hash)), "baiguoshu.resident", 200);
    assertThat(byHash.path("data").path("viewer").path("username").asString())
        .isEqualTo("baiguoshu.resident");

    JsonNode mutation =
        get(
            "query="
                + encode(
                    "mutation { reportMatter(input: {communityKey: \"baiguoshu\", title: \"t\","
                        + " description: \"d\", category: OTHER}) { errors { code } } }"),
            "baiguoshu.resident",
            200);
    assertThat(mutation.path("errors").path(0).path("extensions").path("code").asString())
        .isEqualTo("METHOD_NOT_ALLOWED");
    assertThat(mutation.path("data").isMissingNode() || mutation.path("data").isNull()).isTrue();

    get("query=" + encode(query), null, 401);
    get("query=" + encode(query) + "&variables=" + encode("[1]"), "baiguoshu.resident", 400);
  }

  private JsonNode get(String parameters, String user, int status) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql?" + parameters))
            .header("Accept", "application/json")
            .GET();
    if (user != null) {
      request.header("Authorization", "Bearer " + Tokens.of(user));
    }
    HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    return JSON.readTree(answer.body());
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
