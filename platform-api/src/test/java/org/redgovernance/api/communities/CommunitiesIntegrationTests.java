package org.redgovernance.api.communities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.testing.GraphQlResult;

class CommunitiesIntegrationTests extends IntegrationTest {

  @Test
  void communities_aStreetAdminSeesTheirStreetsCommunitiesOnly() {
    List<String> keys = keys(graphql.document("communities").as("baishalu.admin").execute());

    assertThat(keys).containsExactly("baiguoshu", "xinhua");
  }

  @Test
  void communities_theOperatorSeesAllAndFiltersByStreet() {
    assertThat(keys(graphql.document("communities").as("platform.operator").execute()))
        .contains("baiguoshu", "qingyuan", "xinhua");
    assertThat(
            keys(
                graphql
                    .document("communities")
                    .as("platform.operator")
                    .variable("filter", Map.of("streetKey", "gutang"))
                    .execute()))
        .containsExactly("qingyuan");
  }

  @Test
  void communities_pagesByKey() {
    GraphQlResult first =
        graphql.document("communities").as("baishalu.admin").variable("first", 1).execute();
    GraphQlResult second =
        graphql
            .document("communities")
            .as("baishalu.admin")
            .variable("first", 1)
            .variable("after", first.data("communities.pageInfo.endCursor").asString())
            .execute();

    assertThat(keys(first)).containsExactly("baiguoshu");
    assertThat(first.data("communities.pageInfo.hasNextPage").asBoolean()).isTrue();
    assertThat(keys(second)).containsExactly("xinhua");
    assertThat(second.data("communities.pageInfo.hasNextPage").asBoolean()).isFalse();
  }

  @Test
  void community_byKeyShowsNameStreetAndTheCallersRoles() {
    GraphQlResult result =
        graphql
            .document("community")
            .as("baiguoshu.secretary")
            .variable("key", "baiguoshu")
            .execute();

    assertThat(result.data("community.name").asString()).isEqualTo("白果树社区");
    assertThat(result.data("community.street.name").asString()).isEqualTo("白沙路街道");
    assertThat(result.data("community.myRoles").toString()).contains("SECRETARY", "PARTY_MEMBER");
  }

  @Test
  void community_byGlobalIdRoundTripsThroughNode() {
    String id =
        graphql
            .document("community")
            .as("baiguoshu.resident")
            .variable("key", "baiguoshu")
            .execute()
            .data("community.id")
            .asString();

    GraphQlResult node =
        graphql.document("node").as("baiguoshu.resident").variable("id", id).execute();

    assertThat(node.data("node.__typename").asString()).isEqualTo("Community");
    assertThat(node.data("node.key").asString()).isEqualTo("baiguoshu");
  }

  @Test
  void enumLabels_giveZhCnLabelsForEveryValue() {
    GraphQlResult result =
        graphql
            .document("enumLabels")
            .as("baiguoshu.resident")
            .variable("enum", "CommunityRole")
            .execute();

    assertThat(result.data("enumLabels").size()).isEqualTo(7);
    assertThat(result.data("enumLabels.6.label").asString()).isEqualTo("居民");
    assertThat(
            graphql
                .document("enumLabels")
                .as("baiguoshu.resident")
                .variable("enum", "Nope")
                .execute()
                .errorCodes())
        .containsExactly("BAD_USER_INPUT");
  }

  @Test
  void everyEnumsLabels_comeInOneCall() {
    GraphQlResult result =
        graphql.query("{ enumLabels { enum value label } }").as("baiguoshu.resident").execute();

    List<String> labels = new java.util.ArrayList<>();
    result
        .data("enumLabels")
        .forEach(
            label ->
                labels.add(
                    label.path("enum").asString()
                        + "."
                        + label.path("value").asString()
                        + "="
                        + label.path("label").asString()));
    assertThat(labels)
        .contains("CommunityRole.RESIDENT=居民", "AcceptedInvitationStatus.GRANTED=已授权")
        .noneMatch(label -> label.startsWith("__"))
        .hasSizeGreaterThan(100);
  }

  private static List<String> keys(GraphQlResult result) {
    return result.edgeValues("communities", "key");
  }
}
