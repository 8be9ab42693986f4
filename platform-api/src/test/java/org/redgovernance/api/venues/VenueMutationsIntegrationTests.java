package org.redgovernance.api.venues;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.testing.GraphQlResult;

class VenueMutationsIntegrationTests extends IntegrationTest {

  @Test
  void aServicePost_isAddedUpdatedWithItsVersionAndRemoved() {
    GraphQlResult added =
        run(
            "addServicePost",
            Map.of(
                "communityKey", "xinhua", "kind", "HEALTH_HALL", "name", "新华健康小屋", "capacity", 12));
    String id = added.data("addServicePost.servicePost.id").asString();

    GraphQlResult stale =
        run(
            "updateServicePost",
            Map.of("id", id, "expectedVersion", 4, "openingHours", "周一 9:00-11:00"));
    GraphQlResult updated =
        run(
            "updateServicePost",
            Map.of("id", id, "expectedVersion", 0, "openingHours", "周一 9:00-11:00"));
    GraphQlResult removed = run("removeServicePost", Map.of("id", id, "expectedVersion", 1));

    assertThat(added.data("addServicePost.servicePost.capacity").asInt()).isEqualTo(12);
    assertThat(stale.data("updateServicePost.errors.0.code").asString()).isEqualTo("CONFLICT");
    assertThat(updated.data("updateServicePost.servicePost.version").asInt()).isEqualTo(1);
    assertThat(removed.data("removeServicePost.removedId").asString()).isEqualTo(id);
    assertThat(
            graphql
                .document("node")
                .as("xinhua.admin")
                .variable("id", id)
                .execute()
                .data("node")
                .isNull())
        .isTrue();
  }

  @Test
  void inputsAreCheckedByField() {
    GraphQlResult capacity =
        run(
            "addServicePost",
            Map.of("communityKey", "xinhua", "kind", "OTHER", "name", "容量错", "capacity", 0));
    GraphQlResult dates =
        run(
            "addPartner",
            Map.of(
                "communityKey",
                "xinhua",
                "kind",
                "ENTERPRISE",
                "name",
                "倒签单位",
                "agreementFrom",
                "2026-01-01",
                "agreementTo",
                "2025-01-01"));
    GraphQlResult resident =
        graphql
            .document("addPartner")
            .as("xinhua.resident")
            .variable("input", Map.of("communityKey", "xinhua", "kind", "OTHER", "name", "越权"))
            .execute();

    assertThat(capacity.data("addServicePost.errors.0.field.0").asString()).isEqualTo("capacity");
    assertThat(dates.data("addPartner.errors.0.field.0").asString()).isEqualTo("agreementTo");
    assertThat(resident.data("addPartner.errors.0.code").asString()).isEqualTo("FORBIDDEN");
  }

  @Test
  void aPartner_isAddedOnceAndRemoved() {
    Map<String, Object> input =
        Map.of("communityKey", "xinhua", "kind", "UNIVERSITY", "name", "慈溪职业高级中学团委");
    GraphQlResult added = run("addPartner", input);
    GraphQlResult again = run("addPartner", input);
    GraphQlResult removed =
        run(
            "removePartner",
            Map.of("id", added.data("addPartner.partner.id").asString(), "expectedVersion", 0));

    assertThat(again.data("addPartner.errors.0.code").asString()).isEqualTo("DUPLICATE");
    assertThat(removed.data("removePartner.errors").size()).isZero();
  }

  @Test
  void aPartnersAgreement_isExtendedButNeverEndsBeforeItBegins() {
    String id =
        run(
                "addPartner",
                Map.of(
                    "communityKey",
                    "xinhua",
                    "kind",
                    "ENTERPRISE",
                    "name",
                    "续签单位",
                    "agreementFrom",
                    "2024-01-01"))
            .data("addPartner.partner.id")
            .asString();

    GraphQlResult backwards =
        run("updatePartner", Map.of("id", id, "expectedVersion", 0, "agreementTo", "2023-12-31"));
    GraphQlResult extended =
        run("updatePartner", Map.of("id", id, "expectedVersion", 0, "agreementTo", "2027-12-31"));

    assertThat(backwards.data("updatePartner.errors.0.field.0").asString())
        .isEqualTo("agreementTo");
    assertThat(extended.data("updatePartner.partner.agreementTo").asString())
        .isEqualTo("2027-12-31");
  }

  @Test
  void deleteTakesTheOneDeleteInput_andTheDeprecatedRemoveStillWorks() {
    String post = addedPost("删除的驿站");
    String partner = addedPartner("删除的单位");
    String oldStyle = addedPartner("旧式删除的单位");

    GraphQlResult stale = run("deleteServicePost", Map.of("id", post, "expectedVersion", 7));
    GraphQlResult deletedPost = run("deleteServicePost", Map.of("id", post, "expectedVersion", 0));
    GraphQlResult deletedPartner = run("deletePartner", Map.of("id", partner));
    GraphQlResult removed = run("removePartner", Map.of("id", oldStyle, "expectedVersion", 0));
    GraphQlResult again = run("deletePartner", Map.of("id", partner));

    assertThat(stale.data("deleteServicePost.errors.0.code").asString()).isEqualTo("CONFLICT");
    assertThat(deletedPost.data("deleteServicePost.deletedId").asString()).isEqualTo(post);
    assertThat(deletedPartner.data("deletePartner.deletedId").asString())
        .as("without expectedVersion: whatever the current version is")
        .isEqualTo(partner);
    assertThat(removed.data("removePartner.removedId").asString()).isEqualTo(oldStyle);
    assertThat(again.data("deletePartner.errors.0.code").asString()).isEqualTo("NOT_FOUND");
  }

  @Test
  void anUpdateWithoutExpectedVersion_appliesToTheCurrentVersion() {
    String post = addedPost("无版本更新的驿站");
    run("updateServicePost", Map.of("id", post, "expectedVersion", 0, "openingHours", "周一"));

    GraphQlResult updated = run("updateServicePost", Map.of("id", post, "openingHours", "周二"));

    assertThat(updated.data("updateServicePost.servicePost.openingHours").asString())
        .isEqualTo("周二");
    assertThat(updated.data("updateServicePost.servicePost.version").asInt()).isEqualTo(2);
  }

  private String addedPost(String name) {
    return run(
            "addServicePost", Map.of("communityKey", "xinhua", "kind", "HEALTH_HALL", "name", name))
        .data("addServicePost.servicePost.id")
        .asString();
  }

  private String addedPartner(String name) {
    return run("addPartner", Map.of("communityKey", "xinhua", "kind", "ENTERPRISE", "name", name))
        .data("addPartner.partner.id")
        .asString();
  }

  private GraphQlResult run(String mutation, Map<String, Object> input) {
    return graphql.document(mutation).as("xinhua.admin").variable("input", input).execute();
  }
}
