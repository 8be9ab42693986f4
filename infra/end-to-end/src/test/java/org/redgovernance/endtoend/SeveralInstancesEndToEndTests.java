package org.redgovernance.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redgovernance.testing.GraphQlHttp;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.GraphQlWebSocket;

/**
 * Two platform-api instances on one database, as a deployment with several replicas runs them: a
 * subscriber on either hears of what is written through the other, and a community suspended in
 * tenant-admin is closed to its own people on both within the directory's time to live (10 s), and
 * open again on both as soon after its reactivation.
 */
class SeveralInstancesEndToEndTests {

  /** rg.tenancy.directory-ttl as production has it, and a margin for a busy machine. */
  private static final Duration WITHIN_TTL = Duration.ofSeconds(10 + 3);

  private static final String BOARD = "subscription { matterEvents { kind matterId } }";

  private final Platform platform = Platform.get();

  @Test
  void aSubscriberOnEitherInstance_hearsOfAMatterReportedThroughTheOther() {
    int one = platform.apiPort();
    int other = Platform.devApiPort();
    for (int[] pair : new int[][] {{one, other}, {other, one}}) {
      try (GraphQlWebSocket board =
          GraphQlWebSocket.connectAs(pair[0], "baiguoshu.supervisor", "baiguoshu")) {
        board.subscribe("1", BOARD);
        // the subscription listens once the instance has read the subscribe message, which the
        // protocol does not acknowledge: a report made before that is not for this board, so a
        // report unheard is made again, at most three times
        boolean heard = false;
        for (int attempt = 0; attempt < 3 && !heard; attempt++) {
          String matter =
              Reports.byTheResident(
                  new GraphQlHttp(pair[1]), "两个实例之间的报告 " + UUID.randomUUID(), "另一个实例上报告的事项");
          heard = board.receivesEvent("matterEvents", "matterId", matter, Duration.ofSeconds(5));
        }
        assertThat(heard)
            .as("the board on port %d heard of the matter reported on port %d", pair[0], pair[1])
            .isTrue();
      }
    }
  }

  @Test
  void aSuspensionInTenantAdmin_reachesBothInstancesWithinTheDirectorysTimeToLive() {
    List<GraphQlHttp> instances =
        List.of(new GraphQlHttp(platform.apiPort()), new GraphQlHttp(Platform.devApiPort()));
    for (GraphQlHttp instance : instances) {
      assertThat(seenByItsAdmin(instance)).as("qingyuan open before").isTrue();
    }
    try {
      change("suspendCommunity", "两个实例的暂停检查");
      Instant suspended = Instant.now();
      for (GraphQlHttp instance : instances) {
        awaitSeen(instance, false, suspended);
      }
    } finally {
      change("reactivateCommunity", "检查完毕");
    }
    Instant reactivated = Instant.now();
    for (GraphQlHttp instance : instances) {
      awaitSeen(instance, true, reactivated);
    }
  }

  /** Waits until the community's admin sees it ({@code open}) or not, at most the TTL after. */
  private static void awaitSeen(GraphQlHttp instance, boolean open, Instant since) {
    while (seenByItsAdmin(instance) != open && Instant.now().isBefore(since.plus(WITHIN_TTL))) {
      sleep(Duration.ofMillis(250));
    }
    assertThat(seenByItsAdmin(instance))
        .as(
            "qingyuan open to its admin, %s after the change",
            Duration.between(since, Instant.now()))
        .isEqualTo(open);
  }

  private static boolean seenByItsAdmin(GraphQlHttp instance) {
    GraphQlResult answer =
        instance
            .query("query { community(key: \"qingyuan\") { key } }")
            .as("qingyuan.admin")
            .execute();
    return !answer.data("community").isNull();
  }

  private void change(String mutation, String reason) {
    GraphQlResult changed =
        platform
            .admin()
            .query(
                "mutation($input: CommunityStatusInput!) { "
                    + mutation
                    + "(input: $input) { errors { code message } } }")
            .as("gutang.admin")
            .variable("input", Map.of("communityKey", "qingyuan", "reason", reason))
            .execute();
    assertThat(changed.data(mutation + ".errors").size()).as(changed.toString()).isZero();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
