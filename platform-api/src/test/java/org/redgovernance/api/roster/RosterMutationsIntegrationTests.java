package org.redgovernance.api.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.api.support.Rows;
import org.redgovernance.database.IdCardNumbers;
import org.redgovernance.testing.GraphQlResult;
import tools.jackson.databind.JsonNode;

/** Registering and correcting residents and households: validation by field, versions, refusals. */
class RosterMutationsIntegrationTests extends IntegrationTest {

  private static final AtomicInteger SERIAL = new AtomicInteger();

  private String householdId;
  private String buildingId;

  @BeforeEach
  void aHouseholdAndABuildingOfBaiguoshu() {
    GraphQlResult ids =
        graphql.document("rosterIds").as("baiguoshu.admin").variable("key", "baiguoshu").execute();
    householdId = ids.data("community.households.edges.0.node.id").asString();
    buildingId = ids.data("community.buildings.edges.0.node.id").asString();
  }

  @Test
  void addResident_registersAndTakesGenderAndBirthYearFromTheIdCard() {
    String idCard = idCard(1988, false);

    GraphQlResult added =
        addResident(
            "baiguoshu.admin",
            Map.of("name", "周晓梅", "idCardNumber", idCard, "phone", "139 5741 0000"));

    JsonNode resident = added.data("addResident.resident");
    assertThat(added.data("addResident.errors").size()).as(added.toString()).isZero();
    assertThat(resident.path("birthYear").asInt()).isEqualTo(1988);
    assertThat(resident.path("gender").asString()).isEqualTo("FEMALE");
    assertThat(resident.path("phone").asString()).isEqualTo("13957410000");
    assertThat(resident.path("idCardNumber").asString()).isEqualTo(idCard);
    assertThat(resident.path("version").asInt()).isZero();
  }

  @Test
  void addResident_refusesAWrongIdCardChecksumByFieldAndWritesNothing() {
    String idCard = idCard(1990, true);
    char wrong = idCard.charAt(17) == '0' ? '1' : '0';
    long before = residents();

    GraphQlResult refused =
        addResident(
            "baiguoshu.admin",
            Map.of("name", "错号", "idCardNumber", idCard.substring(0, 17) + wrong));

    assertThat(refused.data("addResident.errors.0.code").asString()).isEqualTo("INVALID_INPUT");
    assertThat(refused.data("addResident.errors.0.field.0").asString()).isEqualTo("idCardNumber");
    assertThat(residents()).isEqualTo(before);
  }

  @Test
  void addResident_refusesABadPhoneAndABirthYearThatContradictsTheIdCard() {
    GraphQlResult phone = addResident("baiguoshu.admin", Map.of("name", "甲", "phone", "12345"));
    GraphQlResult year =
        addResident(
            "baiguoshu.admin",
            Map.of("name", "乙", "idCardNumber", idCard(1970, true), "birthYear", 1971));
    GraphQlResult name = addResident("baiguoshu.admin", Map.of("name", "  "));

    assertThat(phone.data("addResident.errors.0.field.0").asString()).isEqualTo("phone");
    assertThat(year.data("addResident.errors.0.field.0").asString()).isEqualTo("birthYear");
    assertThat(name.data("addResident.errors.0.field.0").asString()).isEqualTo("name");
  }

  @Test
  void addResident_refusesADuplicateIdCardNumber() {
    String idCard = idCard(1975, true);
    addResident("baiguoshu.admin", Map.of("name", "第一次", "idCardNumber", idCard));
    long before = residents();

    GraphQlResult again =
        addResident("baiguoshu.secretary", Map.of("name", "第二次", "idCardNumber", idCard));

    assertThat(again.data("addResident.errors.0.code").asString()).isEqualTo("DUPLICATE");
    assertThat(again.data("addResident.errors.0.field.0").asString()).isEqualTo("idCardNumber");
    assertThat(residents()).isEqualTo(before);
  }

  @Test
  void roster_isChangedOnlyByTheAdminAndSecretary() {
    for (String user :
        new String[] {"baiguoshu.supervisor", "baiguoshu.resident", "baishalu.admin"}) {
      GraphQlResult refused = addResident(user, Map.of("name", "越权"));
      assertThat(refused.data("addResident.errors.0.code").asString())
          .as(user)
          .isEqualTo("FORBIDDEN");
    }
  }

  @Test
  void updateResident_withAStaleVersionIsAConflict_withTheCurrentOneItApplies() {
    String id =
        addResident("baiguoshu.admin", Map.of("name", "改名前"))
            .data("addResident.resident.id")
            .asString();

    GraphQlResult stale = update(Map.of("id", id, "expectedVersion", 3, "name", "改名后"));
    GraphQlResult applied =
        update(Map.of("id", id, "expectedVersion", 0, "name", "改名后", "phone", "13800000001"));
    GraphQlResult replayed = update(Map.of("id", id, "expectedVersion", 0, "name", "再改"));

    assertThat(stale.data("updateResident.errors.0.code").asString()).isEqualTo("CONFLICT");
    assertThat(applied.data("updateResident.resident.name").asString()).isEqualTo("改名后");
    assertThat(applied.data("updateResident.resident.version").asInt()).isEqualTo(1);
    assertThat(applied.data("updateResident.resident.phone").asString()).isEqualTo("13800000001");
    assertThat(replayed.data("updateResident.errors.0.code").asString()).isEqualTo("CONFLICT");
  }

  @Test
  void moveOutResident_keepsTheRecordAndCannotBeRepeated_andTakesThemOffTheirHousehold() {
    String id =
        addResident("baiguoshu.admin", Map.of("name", "将搬走", "movedInOn", "2020-05-01"))
            .data("addResident.resident.id")
            .asString();

    GraphQlResult before = moveOut(id, 0, "2020-04-01");
    GraphQlResult moved = moveOut(id, 0, "2026-01-31");
    GraphQlResult again = moveOut(id, 1, "2026-02-01");

    assertThat(before.data("moveOutResident.errors.0.field.0").asString()).isEqualTo("movedOutOn");
    assertThat(moved.data("moveOutResident.resident.status").asString()).isEqualTo("MOVED_OUT");
    assertThat(moved.data("moveOutResident.resident.movedOutOn").asString())
        .isEqualTo("2026-01-31");
    assertThat(again.data("moveOutResident.errors.0.code").asString()).isEqualTo("CONFLICT");
    GraphQlResult household =
        graphql
            .query(
                "{ node(id: \"" + householdId + "\") { ... on Household { residents { id } } } }")
            .as("baiguoshu.admin")
            .execute();
    assertThat(household.data("node.residents").findValuesAsString("id"))
        .isNotEmpty()
        .doesNotContain(id);
  }

  @Test
  void deleteResident_removesAMistakeButNotSomeoneWithPartyRecords() {
    String mistake =
        addResident("baiguoshu.admin", Map.of("name", "录错了"))
            .data("addResident.resident.id")
            .asString();
    String partyMember =
        graphql
            .document("partyMembers")
            .as("baiguoshu.admin")
            .variable("key", "baiguoshu")
            .variable("first", 1)
            .execute()
            .data("community.partyMembers.edges.0.node.resident.id")
            .asString();

    GraphQlResult deleted = delete(mistake, 0);
    GraphQlResult refused = delete(partyMember, 0);

    assertThat(deleted.data("deleteResident.deletedId").asString()).isEqualTo(mistake);
    assertThat(
            graphql
                .document("node")
                .as("baiguoshu.admin")
                .variable("id", mistake)
                .execute()
                .data("node")
                .isNull())
        .isTrue();
    assertThat(refused.data("deleteResident.errors.0.code").asString()).isEqualTo("CONFLICT");
  }

  @Test
  void deleteResident_refusesSomeoneAnotherFeatureKeepsRecordsOf_andChangesNothing() {
    // the reporter of a matter: the matters feature keeps the record, the roster cannot see it
    String reporter =
        graphql
            .query(
                "{ community(key: \"baiguoshu\") { matters(first: 20) { edges { node {"
                    + " reporter { residentId } } } } } }")
            .as("baiguoshu.admin")
            .execute()
            .data("community.matters")
            .findValuesAsString("residentId")
            .get(0);
    long before = residents();

    GraphQlResult refused = delete(reporter, 0);

    assertThat(refused.errorCodes()).isEmpty();
    assertThat(refused.data("deleteResident.errors.0.code").asString()).isEqualTo("CONFLICT");
    assertThat(refused.data("deleteResident.deletedId").isNull()).isTrue();
    assertThat(residents()).isEqualTo(before);
  }

  @Test
  void addHousehold_registersAnAddressOnceAndTakesTheBuildingsGrid() {
    String room = Integer.toString(9000 + SERIAL.incrementAndGet());
    Map<String, Object> input = Map.of("buildingId", buildingId, "unit", "9", "room", room);

    GraphQlResult added =
        graphql
            .document("addHousehold")
            .as("baiguoshu.secretary")
            .variable("input", input)
            .execute();
    GraphQlResult again =
        graphql
            .document("addHousehold")
            .as("baiguoshu.secretary")
            .variable("input", input)
            .execute();

    assertThat(added.data("addHousehold.household.address").asString()).endsWith("-9-" + room);
    assertThat(added.data("addHousehold.household.grid.name").asString()).startsWith("第");
    assertThat(again.data("addHousehold.errors.0.code").asString()).isEqualTo("DUPLICATE");
  }

  private GraphQlResult addResident(String user, Map<String, Object> fields) {
    Map<String, Object> input = new HashMap<>(fields);
    input.put("householdId", householdId);
    return graphql.document("addResident").as(user).variable("input", input).execute();
  }

  private GraphQlResult update(Map<String, Object> input) {
    return graphql
        .document("updateResident")
        .as("baiguoshu.admin")
        .variable("input", input)
        .execute();
  }

  private GraphQlResult moveOut(String id, int version, String date) {
    return graphql
        .document("moveOutResident")
        .as("baiguoshu.secretary")
        .variable("input", Map.of("id", id, "expectedVersion", version, "movedOutOn", date))
        .execute();
  }

  private GraphQlResult delete(String id, int version) {
    return graphql
        .document("deleteResident")
        .as("baiguoshu.admin")
        .variable("input", Map.of("id", id, "expectedVersion", version))
        .execute();
  }

  private static long residents() {
    return Rows.count(
        "SELECT count(*) FROM rg.resident r JOIN rg.community c ON c.id = r.community_id WHERE c.key = 'baiguoshu'");
  }

  /** A valid ID-card number no demo resident has (region 110105, Beijing). */
  private static String idCard(int year, boolean male) {
    int sequence = (SERIAL.incrementAndGet() % 400) * 2 + (male ? 1 : 0);
    String first17 = String.format("110105%04d0615%03d", year, sequence % 1000);
    return first17 + IdCardNumbers.checkCharacter(first17);
  }
}
