package org.redgovernance.api.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.api.support.Rows;
import org.redgovernance.database.InvitationCodes;
import org.redgovernance.testing.GraphQlResult;

/**
 * The invited person's side: whoever holds an invitation's code accepts it with the account they
 * are signed in with, whichever community that account belongs to, or none. A code that is wrong,
 * expired, for a suspended community or spent by someone else gets one answer.
 */
class InvitationAcceptanceIntegrationTests extends IntegrationTest {

  private static final String ACCEPT =
      "mutation($code: String!) { acceptInvitation(input: {code: $code})"
          + " { invitation { communityKey communityName role status } errors { code field } } }";

  private final String code = InvitationCodes.fresh();
  private final UUID id = UUID.randomUUID();

  /** An invitation as tenant-admin records it, into {@code community}, valid for a day. */
  private void invited(String community, String role) {
    assertThat(Rows.invitation(id.toString(), community, role, code)).isOne();
  }

  @AfterEach
  void forget() {
    Rows.forgetInvitation(id.toString());
  }

  private GraphQlResult accept(String user, String code) {
    GraphQlResult result = graphql.query(ACCEPT).as(user).variable("code", code).execute();
    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    return result;
  }

  @Test
  void anyoneSignedIn_acceptsWithTheCode_evenFromAnotherCommunity_andAgainAnswersTheSame() {
    invited("xinhua", "PARTY_MEMBER");

    GraphQlResult accepted = accept("baiguoshu.resident", code.toLowerCase());
    GraphQlResult again = accept("baiguoshu.resident", code);

    assertThat(accepted.data("acceptInvitation.errors").size()).as(accepted.toString()).isZero();
    assertThat(accepted.data("acceptInvitation.invitation").toString())
        .isEqualTo(again.data("acceptInvitation.invitation").toString())
        .contains("\"communityKey\":\"xinhua\"", "新华社区", "PARTY_MEMBER", "ACCEPTED");
    assertThat(
            Rows.count(
                "SELECT count(*) FROM rg.invitation_event WHERE invitation_id = ?::uuid"
                    + " AND kind = 'ACCEPTED' AND username = 'baiguoshu.resident'",
                id.toString()))
        .isOne();
  }

  @Test
  void aSpentExpiredWrongOrSuspendedCode_getsOneAnswer_andChangesNothing() {
    invited("xinhua", "RESIDENT");
    accept("baiguoshu.resident", code);
    GraphQlResult spent = accept("xinhua.resident", code);
    GraphQlResult wrong = accept("xinhua.resident", InvitationCodes.fresh());

    assertThat(spent.data("acceptInvitation").toString())
        .isEqualTo(wrong.data("acceptInvitation").toString())
        .contains("NOT_FOUND")
        .doesNotContain("xinhua\"", "baiguoshu");

    Rows.update("DELETE FROM rg.invitation_event WHERE invitation_id = ?::uuid", id.toString());
    Rows.update(
        "UPDATE rg.community_invitation SET expires_at = now() - interval '1 second'"
            + " WHERE id = ?::uuid",
        id.toString());
    assertThat(accept("xinhua.resident", code).data("acceptInvitation").toString())
        .isEqualTo(wrong.data("acceptInvitation").toString());

    Rows.update(
        "UPDATE rg.community_invitation SET expires_at = now() + interval '1 day'"
            + " WHERE id = ?::uuid",
        id.toString());
    Rows.update("UPDATE rg.community SET status = 'SUSPENDED' WHERE key = 'xinhua'");
    try {
      assertThat(accept("xinhua.resident", code).data("acceptInvitation").toString())
          .isEqualTo(wrong.data("acceptInvitation").toString());
    } finally {
      Rows.update("UPDATE rg.community SET status = 'ACTIVE' WHERE key = 'xinhua'");
    }
    assertThat(
            Rows.count(
                "SELECT count(*) FROM rg.invitation_event WHERE invitation_id = ?::uuid",
                id.toString()))
        .isZero();
  }

  @Test
  void textThatCannotBeACode_isInvalidInput_andWithoutATokenNothingIsAccepted() {
    invited("xinhua", "RESIDENT");
    for (String bad : new String[] {"", "abc", "x".repeat(10_000), code + "U"}) {
      assertThat(
              accept("baiguoshu.resident", bad).data("acceptInvitation.errors.0.code").asString())
          .as(bad.length() > 30 ? bad.substring(0, 30) : bad)
          .isIn("INVALID_INPUT");
    }
    GraphQlResult nul =
        graphql.query(ACCEPT).as("baiguoshu.resident").variable("code", "a\u0000b").execute();
    assertThat(nul.toString()).contains("INVALID_INPUT");
    GraphQlResult anonymous = graphql.query(ACCEPT).variable("code", code).execute();
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(
            Rows.count(
                "SELECT count(*) FROM rg.invitation_event WHERE invitation_id = ?::uuid",
                id.toString()))
        .isZero();
  }
}
