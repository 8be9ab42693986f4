package org.redgovernance.api.venues;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.testing.GraphQlResult;

class VenuesIntegrationTests extends IntegrationTest {

  @Test
  void aResident_seesTheServicePostsAndTheUniversityPartner() {
    GraphQlResult result =
        graphql.document("venues").as("baiguoshu.resident").variable("key", "baiguoshu").execute();

    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    assertThat(result.data("community.servicePosts").toString())
        .contains("PIONEER_POST", "先锋驿站", "HEALTH_HALL", "健康生活馆", "GRID_BRANCH");
    assertThat(result.data("community.partners.0.name").asString()).contains("宁波大学");
    assertThat(result.data("community.partners.0.kind").asString()).isEqualTo("UNIVERSITY");
  }

  @Test
  void aServicePost_roundTripsThroughNode() {
    String id =
        graphql
            .document("venues")
            .as("baiguoshu.resident")
            .variable("key", "baiguoshu")
            .execute()
            .data("community.servicePosts.0.id")
            .asString();

    assertThat(
            graphql
                .document("node")
                .as("baiguoshu.resident")
                .variable("id", id)
                .execute()
                .data("node.__typename")
                .asString())
        .isEqualTo("ServicePost");
  }
}
