package org.redgovernance.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.matters.MatterDesk;
import org.redgovernance.api.support.Rows;
import org.redgovernance.api.support.SeparateInstance;
import org.redgovernance.testing.GraphQlHttp;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.GraphQlWebSocket;

/**
 * An instance told to stop (SIGTERM, a deployment) closes its WebSockets at once with 1012, so that
 * clients reconnect and resume elsewhere, and finishes the requests it is working on before it
 * goes.
 */
class GracefulShutdownIntegrationTests {

  @Test
  void stopping_closesSocketsWithServiceRestart_andFinishesTheRequestInFlight() throws Exception {
    SeparateInstance instance = SeparateInstance.onSharedDatabase();
    GraphQlHttp graphql = new GraphQlHttp(instance.port());
    MatterDesk desk = new MatterDesk(graphql);
    String title = "停机时正在受理的事项";
    String matter = desk.reportedByTheResident(title);

    try (GraphQlWebSocket board =
            GraphQlWebSocket.connectAs(instance.port(), "baiguoshu.supervisor", "baiguoshu");
        Connection blocker = lockedMatter(title)) {
      board.subscribe("1", GraphQlHttp.load("matterEvents"));

      // a request in flight: accepting the matter waits for the row this test holds
      CompletableFuture<GraphQlResult> accepting =
          CompletableFuture.supplyAsync(
              () -> desk.call("baiguoshu.secretary", "acceptMatter", Map.of("id", matter)));
      Thread.sleep(500);
      assertThat(accepting).as("the request is in flight").isNotDone();

      CompletableFuture<Void> stopping = CompletableFuture.runAsync(instance::close);
      assertThat(board.closeCode(Duration.ofSeconds(5)))
          .as("the socket is closed with 1012 Service Restart before the instance is down")
          .isEqualTo(1012);
      Thread.sleep(300);
      assertThat(stopping).as("the instance waits for the request in flight").isNotDone();

      blocker.rollback();
      GraphQlResult accepted = accepting.get(20, TimeUnit.SECONDS);
      assertThat(accepted.status()).isEqualTo(200);
      assertThat(accepted.data("acceptMatter.errors").size()).as(accepted.toString()).isZero();
      assertThat(accepted.data("acceptMatter.matter.status").asString()).isEqualTo("ACCEPTED");
      Instant giveUp = Instant.now().plusSeconds(30);
      stopping.get(Duration.between(Instant.now(), giveUp).toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      instance.close();
    }
  }

  /** A transaction of this test's holding the matter's row, so that a change of it waits. */
  private static Connection lockedMatter(String title) throws Exception {
    Connection owner = Rows.ownTransaction();
    try (PreparedStatement lock =
        owner.prepareStatement("SELECT 1 FROM rg.matter WHERE title = ? FOR UPDATE")) {
      lock.setString(1, title);
      assertThat(lock.executeQuery().next()).as("the matter's row").isTrue();
    }
    return owner;
  }
}
