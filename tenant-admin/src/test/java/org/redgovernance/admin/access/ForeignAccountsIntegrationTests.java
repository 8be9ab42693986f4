package org.redgovernance.admin.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.redgovernance.admin.identity.KeycloakAdmin;
import org.redgovernance.admin.support.TenantAdminTest;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.Mailbox;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Accounts outside one's community stay out of reach. An invitation never takes over an account
 * that exists: no temporary password, no set-password link, no new contact for it, whoever names it
 * and however; an existing person is reached only through the e-mail address or number on their own
 * account, and the answer to every collision is the same. Revoking or removing someone who holds no
 * role in the community answers as for a username nobody has, without their name.
 */
class ForeignAccountsIntegrationTests extends TenantAdminTest {

  @Autowired KeycloakAdmin keycloak;

  private static final String BY_PHONE =
      "mutation($key: String!, $user: String!, $phone: String!) { invitePerson(input:"
          + " {communityKey: $key, username: $user, phone: $phone, role: RESIDENT})"
          + " { person { username roles } invitationSent errors { code message field } } }";

  private static final String BY_EMAIL =
      "mutation($key: String!, $user: String!, $email: String!) { invitePerson(input:"
          + " {communityKey: $key, username: $user, email: $email, role: RESIDENT})"
          + " { person { username roles } invitationSent errors { code message field } } }";

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private static String phoneFor(String suffix) {
    return "137" + String.format("%08d", Math.abs(suffix.hashCode()) % 100_000_000);
  }

  /** Someone Baiguoshu invited by e-mail, who has not set a password yet. */
  private String pendingInBaiguoshu() {
    String username = "pending-" + suffix();
    GraphQlResult invited =
        graphql
            .query(BY_EMAIL)
            .as("baiguoshu.admin")
            .variable("key", "baiguoshu")
            .variable("user", username)
            .variable("email", username + "@example.org")
            .execute();
    assertThat(invited.data("invitePerson.errors").size()).as(invited.toString()).isZero();
    assertThat(keycloak.account(username).orElseThrow().awaitsFirstPassword()).isTrue();
    return username;
  }

  @Test
  void aForeignAdmin_cannotTextThemselvesATemporaryPasswordForSomeoneElsesPendingAccount()
      throws IOException {
    String victim = pendingInBaiguoshu();
    String attackersPhone = phoneFor(victim);

    GraphQlResult attack =
        graphql
            .query(BY_PHONE)
            .as("xinhua.admin")
            .variable("key", "xinhua")
            .variable("user", victim)
            .variable("phone", attackersPhone)
            .execute();

    assertThat(attack.data("invitePerson.errors.0.code").asString()).isEqualTo("CONFLICT");
    assertThat(attack.data("invitePerson.invitationSent").asBoolean()).isFalse();
    assertThat(textMessagesTo(attackersPhone)).isZero();
    KeycloakAdmin.Account account = keycloak.account(victim).orElseThrow();
    assertThat(account.phone()).isEmpty();
    assertThat(account.awaitsFirstPassword()).isTrue();
    assertThat(keycloak.confinedTo(account.user().id(), "baiguoshu")).isTrue();
    assertThat(Mailbox.of(victim + "@example.org")).hasSize(1);
  }

  @Test
  void nobodyIsSentASetPasswordLinkForAnAccountInUse_norGetsItsRoleWithAnotherAddress() {
    GraphQlResult attack =
        graphql
            .query(BY_EMAIL)
            .as("baiguoshu.admin")
            .variable("key", "baiguoshu")
            .variable("user", "xinhua.admin")
            .variable("email", "attacker-" + suffix() + "@example.org")
            .execute();

    assertThat(attack.data("invitePerson.errors.0.code").asString()).isEqualTo("CONFLICT");
    assertThat(Mailbox.of("xinhua.admin@demo.red-governance.local")).isEmpty();
    String id = keycloak.account("xinhua.admin").orElseThrow().user().id();
    assertThat(keycloak.confinedTo(id, "baiguoshu")).isFalse();
    assertThat(keycloak.confinedTo(id, "xinhua")).isTrue();
  }

  @Test
  void aPendingAccountOfAnotherCommunity_namedWithItsOwnAddress_getsTheRoleButNoNewLink() {
    String pending = pendingInBaiguoshu();

    GraphQlResult invited =
        graphql
            .query(BY_EMAIL)
            .as("xinhua.admin")
            .variable("key", "xinhua")
            .variable("user", pending)
            .variable("email", pending + "@example.org")
            .execute();

    assertThat(invited.data("invitePerson.errors").size()).as(invited.toString()).isZero();
    assertThat(invited.data("invitePerson.invitationSent").asBoolean()).isFalse();
    // only Baiguoshu's own invitation: Xinhua's admin cannot make Keycloak mail the link again
    assertThat(Mailbox.of(pending + "@example.org")).hasSize(1);
  }

  @Test
  void everyCollisionWithAnotherAccount_getsOneAndTheSameAnswer() {
    String someone = "taken-" + suffix();
    GraphQlResult first =
        graphql
            .query(BY_EMAIL)
            .as("xinhua.admin")
            .variable("key", "xinhua")
            .variable("user", someone)
            .variable("email", someone + "@example.org")
            .execute();
    assertThat(first.data("invitePerson.errors").size()).isZero();

    // an existing username (of another community) with an address not on it
    GraphQlResult foreignUsername =
        graphql
            .query(BY_EMAIL)
            .as("baiguoshu.admin")
            .variable("key", "baiguoshu")
            .variable("user", "qingyuan.admin")
            .variable("email", "guess-" + suffix() + "@example.org")
            .execute();
    // a new username with an address that is on another account
    GraphQlResult foreignAddress =
        graphql
            .query(BY_EMAIL)
            .as("baiguoshu.admin")
            .variable("key", "baiguoshu")
            .variable("user", "fresh-" + suffix())
            .variable("email", someone + "@example.org")
            .execute();
    // an existing username by phone
    GraphQlResult foreignByPhone =
        graphql
            .query(BY_PHONE)
            .as("baiguoshu.admin")
            .variable("key", "baiguoshu")
            .variable("user", someone)
            .variable("phone", phoneFor(someone))
            .execute();

    assertThat(foreignUsername.data("invitePerson").toString())
        .isEqualTo(foreignAddress.data("invitePerson").toString())
        .isEqualTo(foreignByPhone.data("invitePerson").toString())
        .contains("CONFLICT")
        .doesNotContain("qingyuan")
        .doesNotContain(someone);
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
  void revokingOrRemovingSomeoneOfAnotherCommunity_answersAsForNobody_withoutTheirName() {
    String revoke =
        "mutation($user: String!) { revokeCommunityRole(input: {communityKey: \"xinhua\","
            + " username: $user, role: RESIDENT}) { person { userId username name roles }"
            + " errors { code message field } } }";
    String remove =
        "mutation($user: String!) { removeFromCommunity(input: {communityKey: \"xinhua\","
            + " username: $user}) { person { userId username name roles }"
            + " errors { code message field } } }";
    for (String mutation : new String[] {revoke, remove}) {
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

  private static long textMessagesTo(String phone) throws IOException {
    if (!Files.isDirectory(SMS_OUTBOX)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(SMS_OUTBOX)) {
      return files.filter(f -> f.getFileName().toString().endsWith("-" + phone + ".txt")).count();
    }
  }
}
