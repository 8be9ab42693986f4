package org.redgovernance.api.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.graphql.SqlStatementCounter;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.api.support.Rows;
import org.redgovernance.testing.GraphQlResult;
import org.springframework.beans.factory.annotation.Autowired;

class NoticesIntegrationTests extends IntegrationTest {

  @Autowired SqlStatementCounter statements;

  @Test
  void notices_aResidentReadsTheirCommunitysNoticesForEveryone() {
    GraphQlResult result = graphql.document("notices").as("baiguoshu.resident").execute();

    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    List<String> communities = result.edgeValues("notices", "audience");
    assertThat(communities).isNotEmpty().containsOnly("EVERYONE");
    result
        .data("notices.edges")
        .forEach(
            edge ->
                assertThat(edge.path("node").path("community").path("key").asString())
                    .isEqualTo("baiguoshu"));
  }

  @Test
  void notices_partyMembersAlsoReadPartyNoticesAndStaffReadEverything() {
    List<String> secretary =
        graphql
            .document("notices")
            .as("baiguoshu.secretary")
            .execute()
            .edgeValues("notices", "audience");
    List<String> supervisor =
        graphql
            .document("notices")
            .as("baiguoshu.supervisor")
            .execute()
            .edgeValues("notices", "audience");

    assertThat(secretary).contains("EVERYONE", "PARTY_MEMBERS", "STAFF");
    assertThat(supervisor).contains("EVERYONE", "STAFF");
  }

  @Test
  void notices_aStreetAdminReadsEveryCommunityOfTheStreet() {
    GraphQlResult result =
        graphql.document("notices").as("baishalu.admin").variable("first", 100).execute();

    List<String> keys = new ArrayList<>();
    result
        .data("notices.edges")
        .forEach(edge -> keys.add(edge.path("node").path("community").path("key").asString()));
    assertThat(keys).contains("baiguoshu", "xinhua").doesNotContain("qingyuan");
  }

  @Test
  void aNoticePublishedByTheAdmin_isReadByAResident() {
    long audits = Rows.auditEvents("notice.published");
    long before = statements.total();
    GraphQlResult published =
        graphql
            .document("publishNotice")
            .as("baiguoshu.admin")
            .variable(
                "input",
                Map.of(
                    "communityKey", "baiguoshu",
                    "title", "停水通知",
                    "body", "周六上午9点至12点停水检修。"))
            .execute();

    // the caller's communities, the tenant context, the write (notice, audit record, event), the
    // notice read back in the same transaction
    assertThat(statements.total() - before).isEqualTo(4);
    assertThat(published.data("publishNotice.errors").size()).as(published.toString()).isZero();
    String id = published.data("publishNotice.notice.id").asString();
    assertThat(published.data("publishNotice.notice.authorName").asString()).isEqualTo("白果树社区 管理员");

    GraphQlResult read =
        graphql.document("node").as("baiguoshu.resident").variable("id", id).execute();
    assertThat(read.data("node.title").asString()).isEqualTo("停水通知");
    assertThat(Rows.auditEvents("notice.published")).isEqualTo(audits + 1);
  }

  @Test
  void publishNotice_xCommunityStandsInForTheCommunityKey() {
    GraphQlResult published =
        graphql
            .document("publishNotice")
            .as("baiguoshu.secretary")
            .header("X-Community", "baiguoshu")
            .variable(
                "input", Map.of("title", "党员大会", "body", "周五召开党员大会。", "audience", "PARTY_MEMBERS"))
            .execute();

    assertThat(published.data("publishNotice.notice.community.key").asString())
        .isEqualTo("baiguoshu");
    assertThat(published.data("publishNotice.notice.audience").asString())
        .isEqualTo("PARTY_MEMBERS");
  }

  @Test
  void publishNotice_refusesAResidentAndWritesNothing() {
    long before = Rows.notices("baiguoshu");

    GraphQlResult refused =
        graphql
            .document("publishNotice")
            .as("baiguoshu.resident")
            .variable("input", Map.of("communityKey", "baiguoshu", "title", "t", "body", "b"))
            .execute();

    assertThat(refused.data("publishNotice.notice").isNull()).isTrue();
    assertThat(refused.data("publishNotice.errors.0.code").asString()).isEqualTo("FORBIDDEN");
    assertThat(Rows.notices("baiguoshu")).isEqualTo(before);
  }

  @Test
  void publishNotice_rejectsAnEmptyTitleAndAnOversizedBodyByField() {
    long before = Rows.notices("baiguoshu");

    GraphQlResult emptyTitle =
        graphql
            .document("publishNotice")
            .as("baiguoshu.admin")
            .variable("input", Map.of("communityKey", "baiguoshu", "title", "   ", "body", "b"))
            .execute();
    GraphQlResult hugeBody =
        graphql
            .document("publishNotice")
            .as("baiguoshu.admin")
            .variable(
                "input",
                Map.of("communityKey", "baiguoshu", "title", "t", "body", "长".repeat(20_001)))
            .execute();

    assertThat(emptyTitle.data("publishNotice.errors.0.code").asString())
        .isEqualTo("INVALID_INPUT");
    assertThat(emptyTitle.data("publishNotice.errors.0.field.0").asString()).isEqualTo("title");
    assertThat(hugeBody.data("publishNotice.errors.0.field.0").asString()).isEqualTo("body");
    assertThat(Rows.notices("baiguoshu")).isEqualTo(before);
  }

  @Test
  void publishNotice_withoutACommunity_asksForOne() {
    GraphQlResult result =
        graphql
            .document("publishNotice")
            .as("baishalu.admin")
            .variable("input", Map.of("title", "t", "body", "b"))
            .execute();

    assertThat(result.data("publishNotice.errors.0.code").asString())
        .isEqualTo("COMMUNITY_REQUIRED");
  }

  @Test
  void withdrawNotice_withAStaleVersion_isAConflictAndChangesNothing() {
    String id = publish("baiguoshu.admin", "将被撤回");

    GraphQlResult stale = withdraw("baiguoshu.admin", id, 7, "写错了");
    assertThat(stale.data("withdrawNotice.errors.0.code").asString()).isEqualTo("CONFLICT");

    GraphQlResult withdrawn = withdraw("baiguoshu.admin", id, 0, "写错了");
    assertThat(withdrawn.data("withdrawNotice.errors").size()).as(withdrawn.toString()).isZero();
    assertThat(withdrawn.data("withdrawNotice.notice.status").asString()).isEqualTo("WITHDRAWN");
    assertThat(withdrawn.data("withdrawNotice.notice.version").asInt()).isEqualTo(1);

    GraphQlResult again = withdraw("baiguoshu.admin", id, 1, "再撤一次");
    assertThat(again.data("withdrawNotice.errors.0.code").asString()).isEqualTo("CONFLICT");
  }

  @Test
  void aWithdrawnNotice_disappearsForResidentsButStaysForStaff() {
    String id = publish("baiguoshu.admin", "临时通知");
    withdraw("baiguoshu.secretary", id, 0, "已过期");

    assertThat(
            graphql
                .document("node")
                .as("baiguoshu.resident")
                .variable("id", id)
                .execute()
                .data("node")
                .isNull())
        .isTrue();
    assertThat(
            graphql
                .document("node")
                .as("baiguoshu.admin")
                .variable("id", id)
                .execute()
                .data("node.status")
                .asString())
        .isEqualTo("WITHDRAWN");
  }

  @Test
  void withdrawNotice_refusesAResident() {
    String id = publish("baiguoshu.admin", "居民不能撤回");

    GraphQlResult refused = withdraw("baiguoshu.resident", id, 0, "想撤回");

    assertThat(refused.data("withdrawNotice.errors.0.code").asString()).isEqualTo("FORBIDDEN");
    assertThat(
            graphql
                .document("node")
                .as("baiguoshu.resident")
                .variable("id", id)
                .execute()
                .data("node.status")
                .asString())
        .isEqualTo("PUBLISHED");
  }

  @Test
  void notices_pagesWithCursorsWithoutGapsOrRepeats() {
    List<String> all =
        graphql
            .document("notices")
            .as("baiguoshu.admin")
            .variable("first", 100)
            .execute()
            .edgeValues("notices", "id");

    List<String> paged = new ArrayList<>();
    String after = null;
    boolean hasNext = true;
    while (hasNext) {
      var call = graphql.document("notices").as("baiguoshu.admin").variable("first", 2);
      if (after != null) {
        call.variable("after", after);
      }
      GraphQlResult page = call.execute();
      paged.addAll(page.edgeValues("notices", "id"));
      hasNext = page.data("notices.pageInfo.hasNextPage").asBoolean();
      after = page.data("notices.pageInfo.endCursor").asString();
    }

    assertThat(paged).isEqualTo(all);
  }

  @Test
  void notices_refusesPagesLargerThanTheMaximumAndForgedCursors() {
    GraphQlResult tooLarge =
        graphql.document("notices").as("baiguoshu.admin").variable("first", 101).execute();
    GraphQlResult forged =
        graphql
            .document("notices")
            .as("baiguoshu.admin")
            .variable("after", "not-a-cursor!")
            .execute();

    assertThat(tooLarge.errorCodes()).containsExactly("BAD_USER_INPUT");
    assertThat(forged.errorCodes()).containsExactly("BAD_USER_INPUT");
  }

  @Test
  void notices_readsAPageInThreeStatementsWhateverItsSize() {
    long small = statementsFor(2);
    long large = statementsFor(50);

    // resolving the caller's communities, setting the tenant context, the page itself
    assertThat(small).isEqualTo(3);
    assertThat(large).isEqualTo(3);
  }

  private long statementsFor(int first) {
    long before = statements.total();
    GraphQlResult result =
        graphql.document("notices").as("baishalu.admin").variable("first", first).execute();
    assertThat(result.hasErrors()).isFalse();
    return statements.total() - before;
  }

  private String publish(String username, String title) {
    GraphQlResult published =
        graphql
            .document("publishNotice")
            .as(username)
            .variable("input", Map.of("communityKey", "baiguoshu", "title", title, "body", "内容"))
            .execute();
    return published.data("publishNotice.notice.id").asString();
  }

  private GraphQlResult withdraw(String username, String id, int version, String reason) {
    return graphql
        .document("withdrawNotice")
        .as(username)
        .variable("input", Map.of("id", id, "reason", reason, "expectedVersion", version))
        .execute();
  }
}
