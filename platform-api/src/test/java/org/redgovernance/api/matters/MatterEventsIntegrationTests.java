package org.redgovernance.api.matters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.testing.GraphQlHttp;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.GraphQlWebSocket;
import tools.jackson.databind.JsonNode;

/** Live matter boards and a reporter's own screen, over graphql-transport-ws. */
class MatterEventsIntegrationTests extends IntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private MatterDesk desk;

  @BeforeEach
  void desk() {
    desk = new MatterDesk(graphql);
  }

  @Test
  void aStaffBoard_seesAResidentsNewMatterAndEveryStepAfter() {
    try (GraphQlWebSocket board =
        GraphQlWebSocket.connectAs(port, "baiguoshu.supervisor", "baiguoshu")) {
      board.subscribe("1", GraphQlHttp.load("matterEvents"));

      String id = desk.reportedByTheResident("实时看板测试");
      desk.call("baiguoshu.secretary", "acceptMatter", Map.of("id", id));

      JsonNode reported = event(board);
      assertThat(reported.path("kind").asString()).isEqualTo("REPORTED");
      assertThat(reported.path("matterId").asString()).isEqualTo(id);
      assertThat(reported.path("matter").path("reporter").path("name").asString()).isNotBlank();
      assertThat(event(board).path("kind").asString()).isEqualTo("ACCEPTED");
    }
  }

  @Test
  void aReportersScreen_followsTheirOwnMatters_only() {
    try (GraphQlWebSocket mine = GraphQlWebSocket.connectAs(port, "baiguoshu.resident", null)) {
      mine.subscribe("1", GraphQlHttp.load("myMatterEvents"));

      GraphQlResult someoneElses =
          desk.call(
              "baiguoshu.admin",
              "reportMatter",
              Map.of(
                  "communityKey", "baiguoshu",
                  "title", "巡查发现",
                  "description", "d",
                  "category", "OTHER",
                  "source", "GRID_PATROL",
                  "isPublic", true));
      desk.call(
          "baiguoshu.secretary",
          "acceptMatter",
          Map.of("id", someoneElses.data("reportMatter.matter.id").asString()));
      String own = desk.reportedByTheResident("我的事");

      JsonNode first = event(mine);
      assertThat(first.path("matterId").asString()).isEqualTo(own);
      assertThat(first.path("matter").path("mine").asBoolean()).isTrue();
    }
  }

  private static JsonNode event(GraphQlWebSocket socket) {
    JsonNode message = socket.next(WAIT);
    assertThat(message).as("an event").isNotNull();
    return message.path("payload").path("data").path("matterEvents");
  }
}
