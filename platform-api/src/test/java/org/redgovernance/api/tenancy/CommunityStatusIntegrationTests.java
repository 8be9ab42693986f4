package org.redgovernance.api.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.api.support.Rows;
import org.redgovernance.testing.GraphQlHttp;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.GraphQlWebSocket;
import tools.jackson.databind.JsonNode;

/**
 * What a community's status means in platform-api: suspended, its own people lose access and the
 * street still reads it; archived, everyone reads and nobody writes. The status is set here behind
 * the API's back, as tenant-admin sets it.
 */
class CommunityStatusIntegrationTests extends IntegrationTest {

  @AfterEach
  void reactivate() {
    setStatus("ACTIVE");
  }

  @Test
  void aSuspendedCommunity_isClosedToItsOwnPeople_andReadOnlyForItsStreet() {
    setStatus("SUSPENDED");

    GraphQlResult asAdmin = community("qingyuan.admin");
    assertThat(asAdmin.data("community").isNull()).as(asAdmin.toString()).isTrue();
    GraphQlResult asStreet = community("gutang.admin");
    assertThat(asStreet.data("community.status").asString()).isEqualTo("SUSPENDED");
    assertThat(publish("gutang.admin")).isIn("FORBIDDEN", "COMMUNITY_READ_ONLY");
    assertThat(publish("qingyuan.admin")).isEqualTo("NOT_FOUND");
  }

  @Test
  void anErasedCommunity_isClosedToItsOwnPeople_andItsStreetSeesOnlyItsEntry() {
    setStatus("ERASED");

    assertThat(community("qingyuan.admin").data("community").isNull()).isTrue();
    assertThat(community("gutang.admin").data("community.status").asString()).isEqualTo("ERASED");
    assertThat(publish("gutang.admin")).isIn("FORBIDDEN", "COMMUNITY_READ_ONLY");
    assertThat(publish("qingyuan.admin")).isEqualTo("NOT_FOUND");
  }

  @Test
  void anArchivedCommunity_isReadableByItsPeople_andWritableByNobody() {
    setStatus("ARCHIVED");

    assertThat(community("qingyuan.admin").data("community.status").asString())
        .isEqualTo("ARCHIVED");
    assertThat(publish("qingyuan.admin")).isEqualTo("COMMUNITY_READ_ONLY");
    GraphQlResult raise =
        graphql
            .document("reportMatter")
            .as("qingyuan.admin")
            .variable(
                "input",
                Map.of(
                    "communityKey", "qingyuan",
                    "title", "t",
                    "description", "d",
                    "category", "OTHER",
                    "source", "GRID_PATROL"))
            .execute();
    assertThat(raise.data("reportMatter.errors.0.code").asString())
        .isEqualTo("COMMUNITY_READ_ONLY");
  }

  @Test
  void aLiveSubscription_endsWhenItsCommunityIsSuspended_insteadOfDeliveringTheNextEvent() {
    try (GraphQlWebSocket board = GraphQlWebSocket.connectAs(port, "qingyuan.admin", "qingyuan")) {
      board.subscribe("1", GraphQlHttp.load("noticeEvents"));
      String published =
          graphql
              .document("publishNotice")
              .as("qingyuan.admin")
              .variable(
                  "input", Map.of("communityKey", "qingyuan", "title", "订阅前的通知", "body", "内容"))
              .execute()
              .data("publishNotice.notice.id")
              .asString();
      JsonNode first = board.next(Duration.ofSeconds(10));
      assertThat(first.path("type").asString()).as(String.valueOf(first)).isEqualTo("next");

      setStatus("SUSPENDED");
      // an event of the community that was committed as it was suspended
      GlobalId notice = GlobalId.decode(published).orElseThrow();
      Rows.announce("notice", notice.communityId(), notice.id(), "PUBLISHED", null);

      JsonNode end = board.next(Duration.ofSeconds(10));
      assertThat(end).as("the end of the subscription").isNotNull();
      assertThat(end.path("type").asString()).isEqualTo("error");
      assertThat(end.path("payload").path(0).path("extensions").path("code").asString())
          .isEqualTo("FORBIDDEN");
      assertThat(end.toString()).doesNotContain("订阅前的通知");
    }
  }

  private GraphQlResult community(String user) {
    return graphql.document("community").as(user).variable("key", "qingyuan").execute();
  }

  private String publish(String user) {
    return graphql
        .document("publishNotice")
        .as(user)
        .variable("input", Map.of("communityKey", "qingyuan", "title", "停水通知", "body", "明日停水"))
        .execute()
        .data("publishNotice.errors.0.code")
        .asString();
  }

  private static void setStatus(String status) {
    Rows.update("UPDATE rg.community SET status = ? WHERE key = 'qingyuan'", status);
  }
}
