package org.redgovernance.admin.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redgovernance.admin.identity.KeycloakAdmin;
import org.redgovernance.admin.support.TenantAdminTest;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.Mailbox;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Accounts outside one's reach stay out of it. An invitation names no account and touches none: no
 * temporary password, no set-password link, no new contact, whatever username it is given — the
 * code goes to the address or number given, and its holder accepts with their own account. Every
 * invitation gets the same answer whoever the username or contact belongs to. Granting, revoking or
 * removing a role of someone outside the caller's reach answers as for a username nobody has,
 * without their name.
 */
class ForeignAccountsIntegrationTests extends TenantAdminTest {

  @Autowired KeycloakAdmin keycloak;

  private static final String BY_PHONE =
      "mutation($key: String!, $user: String!, $phone: String!) { invitePerson(input:"
          + " {communityKey: $key, username: $user, phone: $phone, role: RESIDENT})"
          + " { invitation { status role communityKey } person { username } invitationSent"
          + " errors { code message field } } }";

  private static final String BY_EMAIL =
      "mutation($key: String!, $user: String!, $email: String!) { invitePerson(input:"
          + " {communityKey: $key, username: $user, email: $email, role: RESIDENT})"
          + " { invitation { status role communityKey } person { username } invitationSent"
          + " errors { code message field } } }";

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private static String phoneFor(String suffix) {
    return "137" + String.format("%08d", Math.abs(suffix.hashCode()) % 100_000_000);
  }

  /** Someone Baiguoshu's onboarding made first admin, who has not set a password yet. */
  private String pendingInBaiguoshu() {
    String username = "pending-" + suffix();
    String id =
        keycloak.createEmailUser(username, username + "@example.org", "待", "定").orElseThrow().id();
    keycloak.join(id, keycloak.groupId("communities/baiguoshu/resident").orElseThrow());
    assertThat(keycloak.account(username).orElseThrow().awaitsFirstPassword()).isTrue();
    return username;
  }

  private GraphQlResult invite(String query, String admin, String key, String user, String to) {
    return graphql
        .query(query)
        .as(admin)
        .variable("key", key)
        .variable("user", user)
        .variable(query.equals(BY_PHONE) ? "phone" : "email", to)
        .execute();
  }

  @Test
  void anInvitationNamingSomeoneElsesPendingAccount_textsTheInviterACode_andTouchesNoAccount() {
    String victim = pendingInBaiguoshu();
    String attackersPhone = phoneFor(victim);

    GraphQlResult attack = invite(BY_PHONE, "xinhua.admin", "xinhua", victim, attackersPhone);

    assertThat(attack.data("invitePerson.invitation.status").asString()).isEqualTo("PENDING");
    assertThat(textMessagesTo(attackersPhone))
        .singleElement()
        .satisfies(text -> assertThat(text).doesNotContain(victim, "密码"));
    KeycloakAdmin.Account account = keycloak.account(victim).orElseThrow();
    assertThat(account.phone()).isEmpty();
    assertThat(account.awaitsFirstPassword()).isTrue();
    assertThat(keycloak.confinedTo(account.user().id(), "baiguoshu")).isTrue();
    assertThat(Mailbox.of(victim + "@example.org")).isEmpty();
  }

  @Test
  void nobodyIsSentASetPasswordLinkForAnAccountInUse_norGetsItsRole() {
    String attacker = "attacker-" + suffix() + "@example.org";
    GraphQlResult attack =
        invite(BY_EMAIL, "baiguoshu.admin", "baiguoshu", "xinhua.admin", attacker);

    assertThat(attack.data("invitePerson.invitation.status").asString()).isEqualTo("PENDING");
    assertThat(Mailbox.of(attacker))
        .singleElement()
        .satisfies(m -> assertThat(m).doesNotContain("xinhua.admin"));
    assertThat(Mailbox.of("xinhua.admin@demo.red-governance.local")).isEmpty();
    String id = keycloak.account("xinhua.admin").orElseThrow().user().id();
    assertThat(keycloak.confinedTo(id, "xinhua")).isTrue();
  }

  @Test
  void everyInvitation_getsOneAndTheSameAnswer_whoeverTheUsernameOrContactBelongsTo() {
    String someone = "someone-" + suffix();
    String fresh = "fresh-" + suffix();
    // nobody's username, nobody's address
    GraphQlResult nobodys =
        invite(BY_EMAIL, "baiguoshu.admin", "baiguoshu", fresh, fresh + "@example.org");
    // an existing username of another community, with an address not on it
    GraphQlResult foreignUsername =
        invite(
            BY_EMAIL, "baiguoshu.admin", "baiguoshu", "qingyuan.admin", someone + "@example.org");
    // a new username with the address of an account of another community
    GraphQlResult foreignAddress =
        invite(
            BY_EMAIL,
            "baiguoshu.admin",
            "baiguoshu",
            "fresh-" + suffix(),
            "qingyuan.admin@demo.red-governance.local");
    // the username and the address of one and the same foreign account
    GraphQlResult foreignAccount =
        invite(
            BY_EMAIL,
            "baiguoshu.admin",
            "baiguoshu",
            "qingyuan.admin",
            "qingyuan.admin@demo.red-governance.local");

    assertThat(nobodys.data("invitePerson").toString())
        .isEqualTo(foreignUsername.data("invitePerson").toString())
        .isEqualTo(foreignAddress.data("invitePerson").toString())
        .isEqualTo(foreignAccount.data("invitePerson").toString())
        .contains("PENDING")
        .doesNotContain("qingyuan", "CONFLICT");
    assertThat(
            invite(BY_PHONE, "baiguoshu.admin", "baiguoshu", "qingyuan.admin", phoneFor(someone))
                .data("invitePerson")
                .toString())
        .isEqualTo(
            invite(BY_PHONE, "baiguoshu.admin", "baiguoshu", fresh, phoneFor(fresh))
                .data("invitePerson")
                .toString());
    assertThat(keycloak.userByUsername(fresh)).isEmpty();
    String qingyuan = keycloak.account("qingyuan.admin").orElseThrow().user().id();
    assertThat(keycloak.confinedTo(qingyuan, "qingyuan")).isTrue();
  }

  @Test
  void onboardingCannotMakeAnExistingAccountTheFirstAdminWithAnotherAddress() {
    String key = "takeover-" + suffix();
    GraphQlResult onboarded =
        graphql
            .query(
                "mutation($key: String!) { onboardCommunity(input: {streetKey: \"baishalu\", key:"
                    + " $key, name: \"接管测试社区\", firstAdmin: {username: \"xinhua.admin\","
                    + " email: \"attacker@example.org\"}}) { community { status }"
                    + " invitationSent errors { code field } } }")
            .as("baishalu.admin")
            .variable("key", key)
            .execute();

    assertThat(onboarded.data("onboardCommunity.errors.0.code").asString()).isEqualTo("CONFLICT");
    assertThat(onboarded.data("onboardCommunity.invitationSent").asBoolean()).isFalse();
    assertThat(Mailbox.of("attacker@example.org")).isEmpty();
    assertThat(Mailbox.of("xinhua.admin@demo.red-governance.local")).isEmpty();
    String id = keycloak.account("xinhua.admin").orElseThrow().user().id();
    assertThat(keycloak.confinedTo(id, "xinhua")).isTrue();
  }

  @Test
  void grantingRevokingOrRemovingSomeoneOfAnotherCommunity_answersAsForNobody_withoutTheirName() {
    String grant =
        "mutation($user: String!) { grantCommunityRole(input: {communityKey: \"xinhua\","
            + " username: $user, role: RESIDENT}) { person { userId username name roles }"
            + " errors { code message field } } }";
    String revoke =
        "mutation($user: String!) { revokeCommunityRole(input: {communityKey: \"xinhua\","
            + " username: $user, role: RESIDENT}) { person { userId username name roles }"
            + " errors { code message field } } }";
    String remove =
        "mutation($user: String!) { removeFromCommunity(input: {communityKey: \"xinhua\","
            + " username: $user}) { person { userId username name roles }"
            + " errors { code message field } } }";
    for (String mutation : new String[] {grant, revoke, remove}) {
      GraphQlResult foreign =
          graphql.query(mutation).as("xinhua.admin").variable("user", "qingyuan.admin").execute();
      GraphQlResult nobody =
          graphql
              .query(mutation)
              .as("xinhua.admin")
              .variable("user", "nobody-" + suffix())
              .execute();

      assertThat(foreign.hasErrors()).as(foreign.toString()).isFalse();
      assertThat(foreign.body().path("data").toString())
          .isEqualTo(nobody.body().path("data").toString())
          .contains("NOT_FOUND")
          .doesNotContain("青园", "qingyuan");
    }
  }

  @Test
  void aStreetAdmin_grantsStreetRolesOnlyToTheStreetsPeople_andAnswersAsForNobodyOtherwise() {
    String grant =
        "mutation($user: String!) { grantStreetRole(input: {streetKey: \"gutang\","
            + " username: $user, role: VIEWER}) { username errors { code message field } } }";
    GraphQlResult foreign =
        graphql.query(grant).as("gutang.admin").variable("user", "xinhua.resident").execute();
    GraphQlResult nobody =
        graphql.query(grant).as("gutang.admin").variable("user", "nobody-" + suffix()).execute();

    assertThat(foreign.body().path("data").toString())
        .isEqualTo(nobody.body().path("data").toString())
        .contains("NOT_FOUND")
        .doesNotContain("xinhua");
  }
}
