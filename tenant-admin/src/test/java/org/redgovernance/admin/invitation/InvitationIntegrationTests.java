package org.redgovernance.admin.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redgovernance.admin.identity.KeycloakAdmin;
import org.redgovernance.admin.support.TenantAdminTest;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.Mailbox;
import org.redgovernance.testing.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * An invitation is addressed to an e-mail address or a mobile number and carries a code; whoever
 * holds the code accepts with the account they sign in with, and the role follows within seconds.
 * The admins see their community's invitations and may withdraw them; nobody else sees them, and a
 * withdrawn, expired or used code accepts nothing.
 */
class InvitationIntegrationTests extends TenantAdminTest {

  @Autowired KeycloakAdmin keycloak;

  private static final String INVITE =
      "mutation($key: String!, $email: String, $phone: String, $role: CommunityRole!) {"
          + " invitePerson(input: {communityKey: $key, email: $email, phone: $phone,"
          + " lastName: \"王\", firstName: \"秀英\", role: $role})"
          + " { invitation { id communityKey role channel sentTo inviteeName status expiresAt"
          + " invitedBy } person { username } invitationSent errors { code message field } } }";

  private static final String LIST =
      "query($key: String!, $pending: Boolean) { invitations(communityKey: $key, pendingOnly:"
          + " $pending) { id status sentTo acceptedBy } }";

  private static final String CANCEL =
      "mutation($key: String!, $id: ID!) { cancelInvitation(input: {communityKey: $key, id: $id})"
          + " { invitation { id status } errors { code field } } }";

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private GraphQlResult invite(String admin, String key, String email, String phone, String role) {
    GraphQlResult result =
        graphql
            .query(INVITE)
            .as(admin)
            .variable("key", key)
            .variable("email", email)
            .variable("phone", phone)
            .variable("role", role)
            .execute();
    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    return result;
  }

  @Test
  void anInviteeAcceptsWithTheAccountTheyAlreadyHave_andHoldsTheRoleInTheirNextToken()
      throws Exception {
    String email = "invitee-" + suffix() + "@example.org";
    GraphQlResult invited = invite("xinhua.admin", "xinhua", email, null, "PARTY_MEMBER");

    assertThat(invited.data("invitePerson.errors").size()).as(invited.toString()).isZero();
    assertThat(invited.data("invitePerson.invitationSent").asBoolean()).isTrue();
    assertThat(invited.data("invitePerson.person").isNull()).isTrue();
    JsonNode invitation = invited.data("invitePerson.invitation");
    assertThat(invitation.path("status").asString()).isEqualTo("PENDING");
    assertThat(invitation.path("channel").asString()).isEqualTo("EMAIL");
    assertThat(invitation.path("sentTo").asString()).isEqualTo("i***@example.org");
    assertThat(invitation.path("inviteeName").asString()).isEqualTo("王秀英");
    assertThat(Instant.parse(invitation.path("expiresAt").asString()))
        .isBetween(Instant.now().plus(Duration.ofDays(6)), Instant.now().plus(Duration.ofDays(8)));
    List<String> mail = Mailbox.of(email);
    assertThat(mail).singleElement().satisfies(m -> assertThat(m).contains("新华社区", "党员"));
    String code = invitationCode(mail.get(0));

    // baiguoshu.resident, who lives in another community, holds the code and accepts
    String userId = keycloak.userByUsername("baiguoshu.resident").orElseThrow().id();
    try {
      assertThat(acceptInvitation(code, userId, "baiguoshu.resident")).hasValue("ACCEPTED");
      awaitStatus("xinhua", invitation.path("id").asString(), "GRANTED");
      assertThat(Tokens.groups(Tokens.fresh("baiguoshu.resident")))
          .contains("/communities/xinhua/party-member", "/communities/baiguoshu/resident");
      assertThat(acceptInvitation(code, userId, "baiguoshu.resident")).hasValue("GRANTED");
      // the code is spent for everybody else, with the answer a wrong code gets
      String other = keycloak.userByUsername("baiguoshu.owners").orElseThrow().id();
      assertThat(acceptInvitation(code, other, "baiguoshu.owners")).isEmpty();
      assertThat(listed("xinhua.admin", "xinhua", false))
          .anyMatch(i -> i.contains(invitation.path("id").asString()) && i.contains("GRANTED"))
          .anyMatch(i -> i.contains("baiguoshu.resident"));
    } finally {
      graphql
          .query(
              "mutation { removeFromCommunity(input: {communityKey: \"xinhua\","
                  + " username: \"baiguoshu.resident\"}) { errors { code } } }")
          .as("xinhua.admin")
          .execute();
    }
  }

  @Test
  void aPhoneInvitation_textsTheCodeAndALink_andNeverAPassword() {
    String phone = "136" + String.format("%08d", Math.abs(suffix().hashCode()) % 100_000_000);
    GraphQlResult invited = invite("xinhua.admin", "xinhua", null, phone, "RESIDENT");

    assertThat(invited.data("invitePerson.invitation.channel").asString()).isEqualTo("PHONE");
    assertThat(invited.data("invitePerson.invitation.sentTo").asString())
        .isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
    List<String> texts = textMessagesTo(phone);
    assertThat(texts)
        .singleElement()
        .satisfies(
            text ->
                assertThat(text)
                    .startsWith("【红色治家】王秀英，您好")
                    .contains("新华社区", "居民", "/invitation#code=")
                    .doesNotContain("密码"));
    assertThat(invitationCode(texts.get(0))).hasSize(26);
    assertThat(keycloak.userByUsername(phone)).isEmpty();
  }

  @Test
  void aWithdrawnOrExpiredCode_acceptsNothing() throws Exception {
    String userId = keycloak.userByUsername("baiguoshu.resident").orElseThrow().id();
    String withdrawnTo = "withdrawn-" + suffix() + "@example.org";
    String withdrawn =
        invite("xinhua.admin", "xinhua", withdrawnTo, null, "RESIDENT")
            .data("invitePerson.invitation.id")
            .asString();
    GraphQlResult cancelled =
        graphql
            .query(CANCEL)
            .as("xinhua.admin")
            .variable("key", "xinhua")
            .variable("id", withdrawn)
            .execute();
    assertThat(cancelled.data("cancelInvitation.invitation.status").asString())
        .isEqualTo("CANCELLED");
    assertThat(
            acceptInvitation(
                invitationCode(Mailbox.of(withdrawnTo).get(0)), userId, "baiguoshu.resident"))
        .isEmpty();
    GraphQlResult again =
        graphql
            .query(CANCEL)
            .as("xinhua.admin")
            .variable("key", "xinhua")
            .variable("id", withdrawn)
            .execute();
    assertThat(again.data("cancelInvitation.errors.0.code").asString())
        .isEqualTo("ILLEGAL_TRANSITION");

    String expiredTo = "expired-" + suffix() + "@example.org";
    String expired =
        invite("xinhua.admin", "xinhua", expiredTo, null, "RESIDENT")
            .data("invitePerson.invitation.id")
            .asString();
    try (Connection owner = owner()) {
      owner
          .createStatement()
          .execute(
              "SELECT set_config('rg.community_ids', (SELECT array_agg(id)::text FROM rg.community),"
                  + " false)");
      PreparedStatement past =
          owner.prepareStatement(
              "UPDATE rg.community_invitation SET expires_at = now() - interval '1 second'"
                  + " WHERE id = ?::uuid");
      past.setString(1, expired);
      assertThat(past.executeUpdate()).isOne();
    }
    assertThat(
            acceptInvitation(
                invitationCode(Mailbox.of(expiredTo).get(0)), userId, "baiguoshu.resident"))
        .isEmpty();
    assertThat(listed("xinhua.admin", "xinhua", false))
        .anyMatch(i -> i.contains(expired) && i.contains("EXPIRED"))
        .anyMatch(i -> i.contains(withdrawn) && i.contains("CANCELLED"));
    assertThat(listed("xinhua.admin", "xinhua", true))
        .noneMatch(i -> i.contains(expired) || i.contains(withdrawn));
    assertThat(Tokens.groups(Tokens.fresh("baiguoshu.resident")))
        .noneMatch(g -> g.startsWith("/communities/xinhua/"));
  }

  @Test
  void anotherCommunitysAdmin_neitherSeesNorWithdrawsTheInvitations_norInvitesIntoIt() {
    String id =
        invite("xinhua.admin", "xinhua", "private-" + suffix() + "@example.org", null, "RESIDENT")
            .data("invitePerson.invitation.id")
            .asString();

    assertThat(listed("baiguoshu.admin", "xinhua", false)).isEmpty();
    assertThat(listed("baishalu.viewer", "xinhua", false)).anyMatch(i -> i.contains(id));
    GraphQlResult cancel =
        graphql
            .query(CANCEL)
            .as("baiguoshu.admin")
            .variable("key", "xinhua")
            .variable("id", id)
            .execute();
    assertThat(cancel.data("cancelInvitation.errors.0.code").asString()).isEqualTo("NOT_FOUND");
    GraphQlResult byViewer =
        graphql
            .query(CANCEL)
            .as("baishalu.viewer")
            .variable("key", "xinhua")
            .variable("id", id)
            .execute();
    assertThat(byViewer.data("cancelInvitation.errors.0.code").asString()).isEqualTo("FORBIDDEN");
    GraphQlResult intoForeign =
        invite("baiguoshu.admin", "xinhua", "x-" + suffix() + "@example.org", null, "ADMIN");
    assertThat(intoForeign.data("invitePerson.errors.0.code").asString()).isEqualTo("NOT_FOUND");
    assertThat(intoForeign.data("invitePerson.invitationSent").asBoolean()).isFalse();
  }

  @Test
  void badInput_isRefusedAndNothingIsSent() {
    assertThat(
            invite("xinhua.admin", "xinhua", "not-an-address", null, "RESIDENT")
                .data("invitePerson.errors.0.field")
                .toString())
        .contains("email");
    assertThat(
            invite("xinhua.admin", "xinhua", null, "12345", "RESIDENT")
                .data("invitePerson.errors.0.code")
                .asString())
        .isEqualTo("INVALID_INPUT");
    assertThat(
            invite("xinhua.admin", "xinhua", null, null, "RESIDENT")
                .data("invitePerson.errors.0.code")
                .asString())
        .isEqualTo("INVALID_INPUT");
    assertThat(textMessagesTo("12345")).isEmpty();
    assertThat(Mailbox.of("not-an-address")).isEmpty();
  }

  @Test
  void oneAddressGetsAtMostFiveInvitationsADay_soInvitationsCannotPesterAnyone() {
    String email = "pestered-" + suffix() + "@example.org";
    for (int i = 0; i < 5; i++) {
      assertThat(
              invite("xinhua.admin", "xinhua", email, null, "RESIDENT")
                  .data("invitePerson.invitation.status")
                  .asString())
          .isEqualTo("PENDING");
    }
    GraphQlResult sixth = invite("xinhua.admin", "xinhua", email, null, "RESIDENT");
    assertThat(sixth.data("invitePerson.errors.0.code").asString()).isEqualTo("RATE_LIMITED");
    assertThat(sixth.data("invitePerson.invitationSent").asBoolean()).isFalse();
    assertThat(Mailbox.of(email)).hasSize(5);
  }

  private void awaitStatus(String key, String id, String status) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(20);
    while (Instant.now().isBefore(deadline)) {
      if (listed("xinhua.admin", key, false).stream()
          .anyMatch(i -> i.contains(id) && i.contains(status))) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("Invitation " + id + " never became " + status);
  }

  private List<String> listed(String user, String key, boolean pendingOnly) {
    List<String> rows = new ArrayList<>();
    graphql
        .query(LIST)
        .as(user)
        .variable("key", key)
        .variable("pending", pendingOnly)
        .execute()
        .data("invitations")
        .forEach(i -> rows.add(i.toString()));
    return rows;
  }
}
