package org.redgovernance.admin.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redgovernance.admin.identity.KeycloakAdmin;
import org.redgovernance.admin.support.TenantAdminTest;
import org.redgovernance.testing.GraphQlResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** Without an SMS gateway a phone invitation is refused before anything is created. */
@TestPropertySource(properties = "rg.sms.outbox=")
class PhoneInvitationWithoutGatewayIntegrationTests extends TenantAdminTest {

  @Autowired KeycloakAdmin keycloak;

  @Test
  void aPhoneInvitation_isRefusedAsUnavailable_andCreatesNobody() {
    String username = "nosms-" + UUID.randomUUID().toString().substring(0, 8);
    GraphQlResult invited =
        graphql
            .query(
                "mutation($user: String!) { invitePerson(input: {communityKey: \"xinhua\","
                    + " username: $user, phone: \"13900000001\", role: RESIDENT})"
                    + " { person { username } invitationSent errors { code field } } }")
            .as("xinhua.admin")
            .variable("user", username)
            .execute();
    assertThat(invited.data("invitePerson.errors.0.code").asString()).isEqualTo("UNAVAILABLE");
    assertThat(invited.data("invitePerson.person").isNull()).isTrue();
    assertThat(keycloak.userByUsername(username)).isEmpty();
  }
}
