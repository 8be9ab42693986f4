package org.redgovernance.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.Tokens;

/** Tokens that must never pass, against the running service and the real Keycloak. */
class TokenValidationIntegrationTests extends IntegrationTest {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder D64 = Base64.getUrlDecoder();

  @Test
  void aRealTokenForTheApi_isAccepted() {
    assertThat(graphql.document("viewer").as("baiguoshu.resident").execute().status())
        .isEqualTo(200);
  }

  @Test
  void noToken_is401() {
    assertThat(graphql.document("viewer").execute().status()).isEqualTo(401);
  }

  @Test
  void garbage_is401() {
    assertThat(graphql.document("viewer").bearer("not.a.token").execute().status()).isEqualTo(401);
  }

  @Test
  void algNone_is401() {
    String[] real = Tokens.of("baiguoshu.resident").split("\\.");
    String unsigned =
        B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + real[1]
            + ".";

    assertThat(graphql.document("viewer").bearer(unsigned).execute().status()).isEqualTo(401);
  }

  @Test
  void aTamperedPayload_is401() {
    String[] real = Tokens.of("baiguoshu.resident").split("\\.");
    String payload =
        new String(D64.decode(real[1]), StandardCharsets.UTF_8)
            .replace("/communities/baiguoshu/resident", "/communities/baiguoshu/admin");
    String tampered =
        real[0]
            + "."
            + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + real[2];

    assertThat(graphql.document("viewer").bearer(tampered).execute().status()).isEqualTo(401);
  }

  @Test
  void theRightClaimsSignedByAnotherKey_are401() throws Exception {
    String[] real = Tokens.of("baiguoshu.resident").split("\\.");
    var keys = KeyPairGenerator.getInstance("RSA");
    keys.initialize(2048);
    var signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(keys.generateKeyPair().getPrivate());
    signer.update((real[0] + "." + real[1]).getBytes(StandardCharsets.US_ASCII));
    String forged = real[0] + "." + real[1] + "." + B64.encodeToString(signer.sign());

    GraphQlResult result = graphql.document("viewer").bearer(forged).execute();

    assertThat(result.status()).isEqualTo(401);
  }
}
