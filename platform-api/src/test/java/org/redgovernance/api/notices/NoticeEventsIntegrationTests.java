package org.redgovernance.api.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.keycloak.RealmDefinition;
import org.redgovernance.testing.GraphQlHttp;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.GraphQlWebSocket;
import org.redgovernance.testing.Tokens;
import tools.jackson.databind.JsonNode;

/** Live notice boards over graphql-transport-ws, fed through PostgreSQL LISTEN/NOTIFY. */
class NoticeEventsIntegrationTests extends IntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void aResidentsBoard_receivesANoticeTheAdminPublishes() {
    try (GraphQlWebSocket board = GraphQlWebSocket.connectAs(port, "baiguoshu.resident", null)) {
      board.subscribe("1", GraphQlHttp.load("noticeEvents"));

      String id = publish("baiguoshu.admin", "baiguoshu", "电梯维修", "EVERYONE");

      JsonNode event = board.next(WAIT);
      assertThat(event).as("event").isNotNull();
      assertThat(event.path("type").asString()).isEqualTo("next");
      JsonNode data = event.path("payload").path("data").path("noticeEvents");
      assertThat(data.path("kind").asString()).isEqualTo("PUBLISHED");
      assertThat(data.path("noticeId").asString()).isEqualTo(id);
      assertThat(data.path("notice").path("title").asString()).isEqualTo("电梯维修");
    }
  }

  @Test
  void aBoard_receivesNothingOfAnotherCommunityOrOfAnAudienceItIsNotIn() {
    try (GraphQlWebSocket board = GraphQlWebSocket.connectAs(port, "xinhua.resident", null)) {
      board.subscribe("1", GraphQlHttp.load("noticeEvents"));

      publish("baiguoshu.admin", "baiguoshu", "白果树内部通知", "EVERYONE");
      publish("xinhua.admin", "xinhua", "新华工作人员通知", "STAFF");
      String sentinel = publish("xinhua.admin", "xinhua", "新华居民通知", "EVERYONE");

      JsonNode event = board.next(WAIT);
      assertThat(event).isNotNull();
      assertThat(
              event.path("payload").path("data").path("noticeEvents").path("noticeId").asString())
          .isEqualTo(sentinel);
    }
  }

  @Test
  void withdrawingANotice_tellsResidentsWithoutShowingItAnyMore() {
    String id = publish("baiguoshu.admin", "baiguoshu", "即将撤回", "EVERYONE");
    try (GraphQlWebSocket board =
        GraphQlWebSocket.connectAs(port, "baiguoshu.resident", "baiguoshu")) {
      board.subscribe("1", GraphQlHttp.load("noticeEvents"));

      GraphQlResult withdrawn =
          graphql
              .document("withdrawNotice")
              .as("baiguoshu.admin")
              .variable("input", Map.of("id", id, "reason", "取消", "expectedVersion", 0))
              .execute();
      assertThat(withdrawn.data("withdrawNotice.errors").size()).isZero();

      JsonNode data = board.next(WAIT).path("payload").path("data").path("noticeEvents");
      assertThat(data.path("kind").asString()).isEqualTo("WITHDRAWN");
      assertThat(data.path("noticeId").asString()).isEqualTo(id);
      assertThat(data.path("notice").isNull()).isTrue();
    }
  }

  // Repeated, because the refusal races the client's reading. The protocol's answer is 4401; when
  // Tomcat aborts the close handshake the JDK client reports the same refusal as 1006. Either way
  // the connection must close and must never be acknowledged.
  @RepeatedTest(20)
  void aConnectionWithoutAValidToken_isClosedUnauthorized() {
    try (GraphQlWebSocket anonymous = GraphQlWebSocket.connect(port, Map.of())) {
      assertRefused(anonymous);
    }
    try (GraphQlWebSocket forged =
        GraphQlWebSocket.connect(port, Map.of("Authorization", "Bearer not.a.token"))) {
      assertRefused(forged);
    }
  }

  private static void assertRefused(GraphQlWebSocket connection) {
    assertThat(connection.closeCode(WAIT)).isIn(4401, 1006);
    JsonNode message = connection.next(Duration.ZERO);
    assertThat(message == null ? "" : message.path("type").asString())
        .isNotEqualTo("connection_ack");
  }

  @Test
  void aConnectionNarrowedToAForeignCommunity_isRefused() {
    try (GraphQlWebSocket board =
        GraphQlWebSocket.connectAs(port, "xinhua.resident", "baiguoshu")) {
      board.subscribe("1", GraphQlHttp.load("noticeEvents"));

      JsonNode refused = board.next(WAIT);
      assertThat(refused.path("type").asString()).isIn("error", "next");
      assertThat(refused.toString()).contains("COMMUNITY_FORBIDDEN").doesNotContain("白果树");
    }
  }

  @Test
  void aSubscription_endsUnauthenticatedWhenItsTokenExpires_andSendsNothingAfter() {
    try (GraphQlWebSocket board =
        GraphQlWebSocket.connectWith(port, Tokens.shortLived("baiguoshu.resident"), null)) {
      board.subscribe("1", GraphQlHttp.load("noticeEvents"));
      String before = publish("baiguoshu.admin", "baiguoshu", "到期前的通知", "EVERYONE");
      assertThat(noticeId(board.next(WAIT))).isEqualTo(before);

      JsonNode end = board.next(Duration.ofSeconds(RealmDefinition.SHORT_TOKEN_SECONDS + 10));

      assertThat(end).as("the end of the subscription").isNotNull();
      assertThat(end.path("type").asString()).isEqualTo("error");
      assertThat(end.path("id").asString()).isEqualTo("1");
      assertThat(end.path("payload").path(0).path("extensions").path("code").asString())
          .isEqualTo("UNAUTHENTICATED");
      publish("baiguoshu.admin", "baiguoshu", "到期后的通知", "EVERYONE");
      assertThat(board.next(Duration.ofSeconds(3))).isNull();
    }
  }

  @Test
  void aClientThatRenewsItsToken_keepsItsSubscriptionPastTheFirstTokensExpiry()
      throws InterruptedException {
    try (GraphQlWebSocket board =
        GraphQlWebSocket.connectWith(port, Tokens.shortLived("baiguoshu.resident"), null)) {
      board.subscribe("1", GraphQlHttp.load("noticeEvents"));
      Thread.sleep(Duration.ofSeconds(RealmDefinition.SHORT_TOKEN_SECONDS / 2).toMillis());
      board.renewToken(Tokens.shortLived("baiguoshu.resident"));
      // past the first token's expiry, within the second's
      Thread.sleep(Duration.ofSeconds(RealmDefinition.SHORT_TOKEN_SECONDS / 2 + 2).toMillis());
      String later = publish("baiguoshu.admin", "baiguoshu", "续期后的通知", "EVERYONE");

      assertThat(noticeId(board.next(WAIT))).isEqualTo(later);
      JsonNode end = board.next(Duration.ofSeconds(RealmDefinition.SHORT_TOKEN_SECONDS + 5));
      assertThat(end.path("payload").path(0).path("extensions").path("code").asString())
          .isEqualTo("UNAUTHENTICATED");
    }
  }

  @Test
  void renewingWithSomebodyElsesTokenOrGarbage_closesTheSocketWith4403() {
    for (String token : new String[] {Tokens.of("baiguoshu.admin"), "not.a.token"}) {
      try (GraphQlWebSocket socket = GraphQlWebSocket.connectAs(port, "baiguoshu.resident", null)) {
        socket.sendRaw(
            "{\"type\": \"ping\", \"payload\": {\"Authorization\": \"Bearer " + token + "\"}}");
        assertThat(socket.closeCode(WAIT)).isEqualTo(4403);
      }
    }
  }

  @Test
  void messagesOutsideTheProtocol_closeTheSocketWith4400() {
    for (String message :
        new String[] {
          "not json",
          "[1, 2]",
          "{\"type\": \"nope\"}",
          "{\"type\": 7}",
          "{\"type\": \"subscribe\", \"id\": \"1\"}",
          "{\"type\": \"subscribe\", \"id\": \"1\", \"payload\": {\"query\": 5}}",
          "{\"type\": \"connection_init\", \"payload\": \"token\"}"
        }) {
      try (GraphQlWebSocket socket = GraphQlWebSocket.connectAs(port, "baiguoshu.resident", null)) {
        socket.sendRaw(message);
        assertThat(socket.closeCode(WAIT)).as(message).isEqualTo(4400);
      }
    }
  }

  private static String noticeId(JsonNode event) {
    assertThat(event).as("event").isNotNull();
    return event.path("payload").path("data").path("noticeEvents").path("noticeId").asString();
  }

  private String publish(String username, String community, String title, String audience) {
    GraphQlResult published =
        graphql
            .document("publishNotice")
            .as(username)
            .variable(
                "input",
                Map.of(
                    "communityKey", community, "title", title, "body", "内容", "audience", audience))
            .execute();
    assertThat(published.data("publishNotice.errors").size()).as(published.toString()).isZero();
    return published.data("publishNotice.notice.id").asString();
  }
}
