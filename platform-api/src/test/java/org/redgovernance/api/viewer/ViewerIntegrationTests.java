package org.redgovernance.api.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.testing.GraphQlResult;

class ViewerIntegrationTests extends IntegrationTest {

  @Test
  void viewer_showsAResidentTheirCommunityAndRole() {
    GraphQlResult result = graphql.document("viewer").as("baiguoshu.resident").execute();

    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    assertThat(result.data("viewer.username").asString()).isEqualTo("baiguoshu.resident");
    assertThat(result.data("viewer.platformOperator").asBoolean()).isFalse();
    assertThat(result.data("viewer.communityRoles.0.communityKey").asString())
        .isEqualTo("baiguoshu");
    assertThat(result.data("viewer.communityRoles.0.roles.0").asString()).isEqualTo("RESIDENT");
    assertThat(result.data("viewer.communityRoles.0.community.name").asString()).isEqualTo("白果树社区");
    assertThat(result.data("viewer.reachableCommunities").size()).isEqualTo(1);
  }

  @Test
  void viewer_showsAStreetAdminEveryCommunityOfTheirStreetOnly() {
    GraphQlResult result = graphql.document("viewer").as("baishalu.admin").execute();

    assertThat(result.data("viewer.streetRoles.0.streetKey").asString()).isEqualTo("baishalu");
    assertThat(result.data("viewer.streetRoles.0.roles.0").asString()).isEqualTo("ADMIN");
    assertThat(keys(result)).containsExactly("baiguoshu", "xinhua");
  }

  @Test
  void viewer_showsThePlatformOperatorEveryCommunity() {
    GraphQlResult result = graphql.document("viewer").as("platform.operator").execute();

    assertThat(result.data("viewer.platformOperator").asBoolean()).isTrue();
    assertThat(keys(result)).contains("baiguoshu", "xinhua", "qingyuan");
  }

  @Test
  void xCommunity_narrowsTheRequestToThatCommunity() {
    GraphQlResult result =
        graphql.document("viewer").as("baishalu.admin").header("X-Community", "xinhua").execute();

    assertThat(keys(result)).containsExactly("xinhua");
  }

  @Test
  void xCommunity_naminACommunityWithoutARole_refusesTheWholeRequest() {
    GraphQlResult foreign =
        graphql
            .document("viewer")
            .as("xinhua.resident")
            .header("X-Community", "baiguoshu")
            .execute();
    GraphQlResult unknown =
        graphql
            .document("viewer")
            .as("xinhua.resident")
            .header("X-Community", "no-such-community")
            .execute();

    assertThat(foreign.errorCodes()).containsExactly("COMMUNITY_FORBIDDEN");
    assertThat(foreign.body().path("data").isMissingNode() || foreign.body().path("data").isNull())
        .isTrue();
    assertThat(unknown.errorCodes()).containsExactly("COMMUNITY_FORBIDDEN");
    assertThat(unknown.body().path("errors").get(0).path("message").asString())
        .isEqualTo(
            foreign
                .body()
                .path("errors")
                .get(0)
                .path("message")
                .asString()
                .replace("baiguoshu", "no-such-community"));
  }

  private static java.util.List<String> keys(GraphQlResult result) {
    java.util.List<String> keys = new java.util.ArrayList<>();
    result.data("viewer.reachableCommunities").forEach(c -> keys.add(c.path("key").asString()));
    return keys;
  }
}
