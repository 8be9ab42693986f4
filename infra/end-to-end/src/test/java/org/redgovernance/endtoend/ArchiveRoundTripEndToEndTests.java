package org.redgovernance.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redgovernance.database.DatabaseRoles;
import org.redgovernance.database.Ids;
import org.redgovernance.database.LocalPostgres;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.TestStack;
import org.redgovernance.testing.Tokens;

/**
 * Export → erase → import through tenant-admin, and platform-api answers the same queries with the
 * same data afterwards: the roster, the bodies, the matter board, the meetings with their agenda
 * and attendance, the notices and every figure.
 */
class ArchiveRoundTripEndToEndTests {

  private static final String STREET_ADMIN = "baishalu.admin";
  private static final String SCREENS =
      """
      query($key: String!) {
        community(key: $key) {
          name
          figures { households residents partyMembers householdsWithPartyMember
                    partyMemberHouseholdShare partyMembersByKind { kind count } }
          bodies { kind name currentTerm { number } }
          households(first: 50) {
            edges { node { id address residents { id name gender birthYear phone owner status } } }
          }
          partyMembers(first: 50) { edges { node { id name } } }
          matters(first: 50) {
            edges { node { id title status category isPublic raisedByName
                           reporter { name } assignee { name } supportCount } }
          }
          matterFigures { total open overdue byStatus { status count } averageRating rated }
          meetings(first: 20) {
            edges { node { id title startsAt status minutes
                           agenda { position topic decision matter { title status } }
                           attendanceByBody { body { name } present absent excused }
                           actionItems { description dueOn status } } }
          }
        }
        notices(first: 50, filter: {communityKey: $key}) { edges { node { id title body } } }
      }""";

  private final Platform platform = Platform.get();

  @Test
  void exportEraseImport_andPlatformApiAnswersTheSameQueriesWithTheSameData() throws Exception {
    String copy = emptyCommunity();
    assertThat(importInto(copy, export("baiguoshu")).statusCode()).isEqualTo(200);
    GraphQlResult before = screens(copy);
    assertThat(before.hasErrors()).as(before.toString()).isFalse();
    assertThat(before.data("community.households.edges").size()).isEqualTo(50);
    assertThat(before.data("community.matters.edges").size()).isPositive();
    assertThat(before.data("community.meetings.edges").size()).isPositive();

    byte[] archive = export(copy);
    GraphQlResult erased = erase(copy);
    assertThat(erased.data("eraseCommunity.errors").size()).as(erased.toString()).isZero();
    GraphQlResult gone = screens(copy);
    assertThat(gone.data("community.households.edges").size()).isZero();
    assertThat(gone.data("community.matters.edges").size()).isZero();

    HttpResponse<String> imported = importInto(copy, archive);
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    GraphQlResult after = screens(copy);
    assertThat(after.body().toString()).isEqualTo(before.body().toString());

    export(copy);
    assertThat(erase(copy).data("eraseCommunity.errors").size()).isZero();
  }

  private GraphQlResult screens(String key) {
    return platform.api().query(SCREENS).as(STREET_ADMIN).variable("key", key).execute();
  }

  private GraphQlResult erase(String key) {
    return platform
        .admin()
        .query(
            """
            mutation($key: String!) {
              eraseCommunity(input: {communityKey: $key, reason: "端到端测试"}) {
                errors { code message }
              }
            }""")
        .as(STREET_ADMIN)
        .variable("key", key)
        .execute();
  }

  private byte[] export(String key) throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(archiveUri(key))
                    .header("Authorization", "Bearer " + Tokens.of(STREET_ADMIN))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private HttpResponse<String> importInto(String key, byte[] archive)
      throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(archiveUri(key))
                .header("Authorization", "Bearer " + Tokens.of(STREET_ADMIN))
                .header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(archive))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private URI archiveUri(String key) {
    return URI.create(
        "http://127.0.0.1:" + platform.adminPort() + "/communities/" + key + "/archive");
  }

  /** A registry entry with no data yet, as a new installation would receive a community. */
  private static String emptyCommunity() throws SQLException {
    String key = "e2e-rt-" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection owner =
            DriverManager.getConnection(
                TestStack.get().jdbcUrl(), DatabaseRoles.OWNER, LocalPostgres.OWNER_PASSWORD);
        PreparedStatement insert =
            owner.prepareStatement(
                "INSERT INTO rg.community (id, key, name, street_id, status)"
                    + " SELECT ?, ?, ?, id, 'ONBOARDING' FROM rg.street WHERE key = 'baishalu'")) {
      insert.setObject(1, Ids.newId());
      insert.setString(2, key);
      insert.setString(3, "往返测试 " + key);
      assertThat(insert.executeUpdate()).isEqualTo(1);
    }
    return key;
  }
}
