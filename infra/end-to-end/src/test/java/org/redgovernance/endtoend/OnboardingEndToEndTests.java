package org.redgovernance.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redgovernance.keycloak.MailCatcher;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.Mailbox;
import org.redgovernance.testing.Tokens;

/**
 * The street office onboards a community in tenant-admin; its first admin accepts the invitation,
 * logs in and brings a resident in; both then work in the new community in platform-api — and
 * nowhere else.
 */
class OnboardingEndToEndTests {

  private static final String PASSWORD = "Red-Governance-2026";

  private final Platform platform = Platform.get();

  @Test
  void anOnboardedCommunitysFirstAdmin_bringsInAResident_whoThenUsesThePlatformThere() {
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
                  invitePerson(input: $input) { person { username roles } errors { code message } }
                }""")
            .bearer(adminToken)
            .variable(
                "input",
                Map.of(
                    "communityKey",
                    key,
                    "username",
                    resident,
                    "email",
                    resident + "@example.org",
                    "firstName",
                    "居民",
                    "lastName",
                    "李",
                    "role",
                    "RESIDENT"))
            .execute();
    assertThat(invited.data("invitePerson.person.roles").toString())
        .as(invited.toString())
        .isEqualTo("[\"RESIDENT\"]");

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

    Invitations.accept(resident, PASSWORD);
    String residentToken = Tokens.login(resident, PASSWORD);
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
}
