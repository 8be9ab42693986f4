package org.redgovernance.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.redgovernance.keycloak.MailCatcher;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.Mailbox;
import org.redgovernance.testing.Tokens;

/**
 * The street office onboards a community in tenant-admin; its first admin accepts the invitation,
 * logs in and invites a resident, who registers an account, accepts the invitation in platform-api
 * and holds the role in their next token; both then work in the new community there — and nowhere
 * else.
 */
class OnboardingEndToEndTests {

  private static final String PASSWORD = "Red-Governance-2026";

  private final Platform platform = Platform.get();

  @Test
  void anOnboardedCommunitysFirstAdmin_bringsInAResident_whoThenUsesThePlatformThere()
      throws InterruptedException {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String key = "e2e-" + suffix;
    String firstAdmin = "first-admin-" + suffix;
    String resident = "resident-" + suffix;

    GraphQlResult onboarded =
        platform
            .admin()
            .query(
                """
                mutation($input: OnboardCommunityInput!) {
                  onboardCommunity(input: $input) { community { status } errors { code message } }
                }""")
            .as("baishalu.admin")
            .variable(
                "input",
                Map.of(
                    "streetKey",
                    "baishalu",
                    "key",
                    key,
                    "name",
                    "端到端社区 " + suffix,
                    "firstAdmin",
                    Map.of(
                        "username",
                        firstAdmin,
                        "email",
                        firstAdmin + "@example.org",
                        "firstName",
                        "书记",
                        "lastName",
                        "王")))
            .execute();
    assertThat(onboarded.data("onboardCommunity.community.status").asString())
        .as(onboarded.toString())
        .isEqualTo("ACTIVE");

    assertThat(Mailbox.of(firstAdmin + "@example.org"))
        .singleElement()
        .satisfies(invitation -> assertThat(MailCatcher.actionLink(invitation)).isPresent());
    Invitations.accept(firstAdmin, PASSWORD);
    String adminToken = Tokens.login(firstAdmin, PASSWORD);
    GraphQlResult invited =
        platform
            .admin()
            .query(
                """
                mutation($input: InvitePersonInput!) {
                  invitePerson(input: $input) { invitation { status } errors { code message } }
                }""")
            .bearer(adminToken)
            .variable(
                "input",
                Map.of(
                    "communityKey",
                    key,
                    "email",
                    resident + "@example.org",
                    "firstName",
                    "居民",
                    "lastName",
                    "李",
                    "role",
                    "RESIDENT"))
            .execute();
    assertThat(invited.data("invitePerson.invitation.status").asString())
        .as(invited.toString())
        .isEqualTo("PENDING");
    String code = invitationCode(Mailbox.of(resident + "@example.org"));

    GraphQlResult published =
        platform
            .api()
            .query(
                """
                mutation($input: PublishNoticeInput!) {
                  publishNotice(input: $input) { notice { title } errors { code message } }
                }""")
            .bearer(adminToken)
            .variable("input", Map.of("communityKey", key, "title", "欢迎入驻", "body", "本社区已上线"))
            .execute();
    assertThat(published.data("publishNotice.notice.title").asString())
        .as(published.toString())
        .isEqualTo("欢迎入驻");

    GraphQlResult seeded =
        platform
            .api()
            .query("query($key: String!) { community(key: $key) { bodies { kind } } }")
            .bearer(adminToken)
            .variable("key", key)
            .execute();
    assertThat(seeded.data("community.bodies").size()).as(seeded.toString()).isEqualTo(5);

    // the resident has no account: they register one on Keycloak's page, sign in and accept
    String firstToken = Registration.register(resident, PASSWORD, "居民", "李");
    GraphQlResult accepted =
        platform
            .api()
            .query(
                "mutation($code: String!) { acceptInvitation(input: {code: $code})"
                    + " { invitation { communityKey role status } errors { code message } } }")
            .bearer(firstToken)
            .variable("code", code)
            .execute();
    assertThat(accepted.data("acceptInvitation.invitation.communityKey").asString())
        .as(accepted.toString())
        .isEqualTo(key);
    String residentToken = tokenWithRole(resident, "/communities/" + key + "/resident");
    GraphQlResult seen =
        platform
            .api()
            .query(
                """
                query($key: String!) {
                  community(key: $key) { key myRoles }
                  notices(first: 5) { edges { node { title community { key } } } }
                  communities { edges { node { key } } }
                }""")
            .bearer(residentToken)
            .variable("key", key)
            .execute();
    assertThat(seen.data("community.myRoles").toString())
        .as(seen.toString())
        .isEqualTo("[\"RESIDENT\"]");
    assertThat(seen.edgeValues("notices", "title")).containsExactly("欢迎入驻");
    assertThat(seen.edgeValues("communities", "key")).containsExactly(key);

    GraphQlResult elsewhere =
        platform
            .api()
            .query("query { community(key: \"baiguoshu\") { key } }")
            .bearer(residentToken)
            .execute();
    assertThat(elsewhere.data("community").isNull()).isTrue();
  }

  /** The invitation code in the one message to the invitee. */
  private static String invitationCode(List<String> messages) {
    assertThat(messages).hasSize(1);
    Matcher code = Pattern.compile("#code=([0-9A-Z]{26})").matcher(messages.get(0));
    assertThat(code.find()).as(messages.get(0)).isTrue();
    return code.group(1);
  }

  /** A fresh token of the person once it carries the group (tenant-admin grants within seconds). */
  private static String tokenWithRole(String username, String group) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (true) {
      String token = Tokens.login(username, PASSWORD);
      if (Tokens.groups(token).contains(group)) {
        return token;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(username + " never got " + group + ": " + Tokens.groups(token));
      }
      Thread.sleep(250);
    }
  }
}
