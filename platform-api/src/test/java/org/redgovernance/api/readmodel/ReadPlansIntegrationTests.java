package org.redgovernance.api.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.api.support.Rows;
import org.redgovernance.testing.GraphQlHttp;
import org.redgovernance.testing.GraphQlResult;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A query asked again is answered from the plan kept for it, a mutation's payload read back from
 * the plan of its selection — and a plan never answers anyone but the caller, the scope, the
 * variables and the day it was compiled for, never skips what a read must do each time, and never
 * keeps a time computed from the clock. The tests run with every use of a plan compiled again and
 * compared ({@code rg.read-plans.verify}).
 */
class ReadPlansIntegrationTests extends IntegrationTest {

  private static final String RESIDENTS =
      "{ community(key: \"baiguoshu\") { residents(first: 20) { totalCount edges { node {"
          + " id name phone household { address building { number grid { name } } } } } } } }";

  @Autowired ReadPlans plans;

  @Test
  void aQueryAskedAgain_isAnsweredFromItsPlan_withTheSameAnswer() {
    GraphQlResult first = graphql.query(RESIDENTS).as("baiguoshu.secretary").execute();
    long hits = plans.stats().hitCount();

    GraphQlResult again = graphql.query(RESIDENTS).as("baiguoshu.secretary").execute();

    assertThat(plans.stats().hitCount() - hits).isEqualTo(1);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(first.data("community.residents.edges").size()).isEqualTo(20);
  }

  @Test
  void aPlanIsTheCallersOwn_anotherRoleGetsItsOwnAnswer() {
    GraphQlResult secretary = graphql.query(RESIDENTS).as("baiguoshu.secretary").execute();
    GraphQlResult supervisor = graphql.query(RESIDENTS).as("baiguoshu.supervisor").execute();
    GraphQlResult foreign = graphql.query(RESIDENTS).as("xinhua.admin").execute();
    String plain = secretary.data("community.residents.edges.0.node.phone").asString();
    String masked = supervisor.data("community.residents.edges.0.node.phone").asString();
    assertThat(plain).doesNotContain("*");
    assertThat(masked).contains("*").isNotEqualTo(plain);
    assertThat(foreign.data("community").isNull()).isTrue();
    assertThat(foreign.toString()).doesNotContain(plain);
  }

  @Test
  void aPlanIsTheScopesOwn_theXCommunityHeaderNarrowsIt() {
    String document = "{ communities(first: 50) { edges { node { key } } } }";
    GraphQlResult street = graphql.query(document).as("baishalu.admin").execute();
    GraphQlResult narrowed =
        new GraphQlHttp(port)
            .query(document)
            .as("baishalu.admin")
            .header("X-Community", "baiguoshu")
            .execute();

    assertThat(street.edgeValues("communities", "key")).contains("baiguoshu", "xinhua");
    assertThat(narrowed.edgeValues("communities", "key")).containsExactly("baiguoshu");
  }

  @Test
  void variablesChooseTheirOwnPlan() {
    String document =
        "query($key: String!) { community(key: $key) { name residents { totalCount } } }";

    for (int round = 0; round < 2; round++) {
      GraphQlResult baiguoshu =
          graphql.query(document).variable("key", "baiguoshu").as("platform.operator").execute();
      GraphQlResult xinhua =
          graphql.query(document).variable("key", "xinhua").as("platform.operator").execute();

      assertThat(baiguoshu.data("community.name").asString()).contains("白果树");
      assertThat(xinhua.data("community.name").asString()).doesNotContain("白果树");
    }
  }

  @Test
  void aLookupByNumber_isChargedRecordedAndAuditedEveryTime_neverAnsweredFromAPlan() {
    String phone =
        graphql
            .query(RESIDENTS)
            .as("baiguoshu.admin")
            .execute()
            .data("community.residents.edges.2.node.phone")
            .asString();
    String lookup =
        "query($filter: ResidentFilter) { community(key: \"baiguoshu\") {"
            + " residents(first: 5, filter: $filter) { edges { node { id } } } } }";
    long lookups = Rows.auditEvents("personal-data.looked-up");
    long hits = plans.stats().hitCount();

    for (int i = 0; i < 3; i++) {
      GraphQlResult found =
          graphql
              .query(lookup)
              .variable("filter", Map.of("phone", phone))
              .as("baiguoshu.admin")
              .execute();
      assertThat(found.data("community.residents.edges").size()).isPositive();
    }

    assertThat(Rows.auditEvents("personal-data.looked-up") - lookups).isEqualTo(3);
    assertThat(plans.stats().hitCount()).isEqualTo(hits);
  }

  @Test
  void aMutationsReadBack_isKeptPerSelection_andReadsEachChangedObject() {
    String publish =
        "mutation($input: PublishNoticeInput!) { publishNotice(input: $input) {"
            + " notice { id title audience } errors { code } } }";
    GraphQlResult first = publishNotice(publish, "第一则通知");
    long hits = plans.stats().hitCount();

    GraphQlResult second = publishNotice(publish, "第二则通知");

    assertThat(plans.stats().hitCount() - hits).isEqualTo(1);
    assertThat(first.data("publishNotice.notice.title").asString()).isEqualTo("第一则通知");
    assertThat(second.data("publishNotice.notice.title").asString()).isEqualTo("第二则通知");
    assertThat(second.data("publishNotice.notice.id").asString())
        .isNotEqualTo(first.data("publishNotice.notice.id").asString());
  }

  private GraphQlResult publishNotice(String document, String title) {
    return graphql
        .query(document)
        .variable(
            "input",
            Map.of("communityKey", "xinhua", "title", title, "body", "正文", "audience", "EVERYONE"))
        .as("xinhua.admin")
        .execute();
  }

  @Test
  void aReadThatComputesATimeFromTheClock_isCompiledForEveryRequest() {
    // meetings held in the last eight weeks: a time Java computes from the request's clock
    String figures =
        "{ community(key: \"baiguoshu\") { meetingFigures { heldInLast8Weeks openActionItems } } }";
    graphql.query(figures).as("baiguoshu.admin").execute();
    long hits = plans.stats().hitCount();

    GraphQlResult again = graphql.query(figures).as("baiguoshu.admin").execute();

    assertThat(plans.stats().hitCount()).isEqualTo(hits);
    assertThat(again.hasErrors()).isFalse();
  }
}
