package org.redgovernance.api.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.api.support.Rows;
import org.redgovernance.api.support.Uploads;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.HttpJson;
import org.redgovernance.testing.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * The evidence of a community's stages as the street office relies on it: photos and PDFs uploaded
 * to a community's part in a project, filed with the stage change they show, downloaded by the
 * community's staff and the street office only.
 */
class RolloutEvidenceIntegrationTests extends IntegrationTest {

  private RolloutDesk desk;

  @BeforeEach
  void desk() {
    desk = new RolloutDesk(graphql);
  }

  @Test
  void evidenceUploaded_isFiledWithTheStageChangeItShows_andReadByStaffAndStreetOnly()
      throws Exception {
    String participant = participantOf(desk.started(List.of("baiguoshu", "xinhua")), "baiguoshu");
    HttpJson.Response uploaded = upload("baishalu.admin", participant, "通报会.png", png(1));
    assertThat(uploaded.status()).as("%s", uploaded.body()).isEqualTo(201);
    String evidence = uploaded.body().path("id").asString();
    String url = uploaded.body().path("url").asString();

    GraphQlResult moved =
        desk.move(
            "baishalu.admin",
            participant,
            "ONBOARDED",
            Map.of("note", "平台开通", "evidence", List.of(evidence)));
    assertThat(moved.data("moveRolloutStage.errors").isEmpty()).as("%s", moved).isTrue();
    JsonNode change =
        desk.node(
                "baiguoshu.admin",
                participant,
                "... on RolloutParticipant { stageChanges { stage evidence { id fileName"
                    + " contentType size url filed } } evidence { id filed } }")
            .data("node");
    JsonNode filed = change.path("stageChanges").get(0).path("evidence").get(0);
    assertThat(filed.path("id").asString()).isEqualTo(evidence);
    assertThat(filed.path("fileName").asString()).isEqualTo("通报会.png");
    assertThat(filed.path("contentType").asString()).isEqualTo("image/png");
    assertThat(filed.path("filed").asBoolean()).isTrue();
    assertThat(change.path("evidence").get(0).path("filed").asBoolean()).isTrue();

    assertThat(get(url, "baiguoshu.admin").statusCode()).isEqualTo(200);
    assertThat(get(url, "baiguoshu.admin").body()).isEqualTo(png(1));
    assertThat(get(url, "baishalu.viewer").statusCode()).isEqualTo(200);
    assertThat(get(url, "baiguoshu.resident").statusCode()).isEqualTo(404);
    assertThat(get(url, "xinhua.admin").statusCode()).isEqualTo(404);
    assertThat(get(url, "gutang.admin").statusCode()).isEqualTo(404);
    assertThat(get(url, null).statusCode()).isEqualTo(401);

    // filed once: the same file cannot show a second change
    GraphQlResult again =
        desk.move("baishalu.admin", participant, "PILOTING", Map.of("evidence", List.of(evidence)));
    assertThat(again.data("moveRolloutStage.errors").get(0).path("field").toString())
        .contains("evidence");
    assertThat(stageOf(participant)).isEqualTo("ONBOARDED");
  }

  @Test
  void onlyTheStreetsAdmin_uploads_onlyPhotosAndPdfs_andEachFileOnce() {
    String participant = participantOf(desk.started(List.of("xinhua")), "xinhua");
    long before = Rows.count("SELECT count(*) FROM rg.rollout_evidence");
    assertThat(upload("xinhua.admin", participant, "a.png", png(2)).status()).isEqualTo(403);
    assertThat(upload("baishalu.viewer", participant, "a.png", png(2)).status()).isEqualTo(403);
    assertThat(upload("baiguoshu.admin", participant, "a.png", png(2)).status()).isEqualTo(404);
    assertThat(upload("gutang.admin", participant, "a.png", png(2)).status()).isEqualTo(404);
    HttpJson.Response script =
        upload("baishalu.admin", participant, "a.png", "<script>".getBytes());
    assertThat(script.status()).isEqualTo(400);
    assertThat(script.body().path("code").asString()).isEqualTo("INVALID_INPUT");
    assertThat(Rows.count("SELECT count(*) FROM rg.rollout_evidence")).isEqualTo(before);

    assertThat(upload("baishalu.admin", participant, "../../etc/a.png", png(2)).status())
        .isEqualTo(201);
    HttpJson.Response twice = upload("baishalu.admin", participant, "b.png", png(2));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.body().path("code").asString()).isEqualTo("DUPLICATE");
    assertThat(
            Rows.text("SELECT file_name FROM rg.rollout_evidence ORDER BY created_at DESC LIMIT 1"))
        .isEqualTo("a.png");
  }

  @Test
  void evidenceOfAnotherCommunitysPart_isNotFiledWithThisOne() {
    JsonNode project = desk.started(List.of("baiguoshu", "xinhua"));
    String baiguoshu = participantOf(project, "baiguoshu");
    String xinhua = participantOf(project, "xinhua");
    String ofXinhua =
        upload("baishalu.admin", xinhua, "x.png", png(3)).body().path("id").asString();
    GraphQlResult moved =
        desk.move("baishalu.admin", baiguoshu, "ONBOARDED", Map.of("evidence", List.of(ofXinhua)));
    assertThat(moved.data("moveRolloutStage.errors").get(0).path("code").asString())
        .isEqualTo("INVALID_INPUT");
    assertThat(stageOf(baiguoshu)).isEqualTo("PLANNED");
    assertThat(
            Rows.count(
                "SELECT count(*) FROM rg.rollout_evidence WHERE stage_change_id IS NOT NULL"
                    + " AND file_name = 'x.png'"))
        .isZero();
  }

  private static String participantOf(JsonNode project, String community) {
    for (JsonNode participant : project.path("participants")) {
      if (participant.path("community").path("key").asString().equals(community)) {
        return participant.path("id").asString();
      }
    }
    throw new AssertionError(community);
  }

  private String stageOf(String participant) {
    return desk.node("baishalu.viewer", participant, "... on RolloutParticipant { stage }")
        .data("node.stage")
        .asString();
  }

  private HttpJson.Response upload(String user, String participant, String name, byte[] content) {
    return Uploads.post(
        port, "/rollout-evidence", user, Map.of("participant", participant), name, content);
  }

  private HttpResponse<byte[]> get(String url, String user) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + url));
    if (user != null) {
      request.header("Authorization", "Bearer " + Tokens.of(user));
    }
    return HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A PNG whose bytes, and so its SHA-256, differ with {@code seed}. */
  private static byte[] png(int seed) {
    byte[] bytes =
        Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 64);
    Arrays.fill(bytes, 8, 64, (byte) seed);
    return bytes;
  }
}
