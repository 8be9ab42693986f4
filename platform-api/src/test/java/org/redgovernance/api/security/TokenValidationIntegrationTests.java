package org.redgovernance.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
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
  void aControlCharacterInAHeader_isRejectedByTheFirewall_evenWithAGoodToken() throws Exception {
    // Sent as raw bytes: HTTP clients refuse to send such a header at all. Byte 0x85 reaches the
    // service as U+0085, a control character; without the firewall the request would be answered.
    String body = "{\"query\":\"{ viewer { reachableCommunities { key } } }\"}";
    byte[] request =
        ("POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer "
                + Tokens.of("baiguoshu.resident")
                + "\r\nX-Community: baiguoshu\u0085\r\nConnection: close\r\nContent-Length: "
                + body.length()
                + "\r\n\r\n"
                + body)
            .getBytes(StandardCharsets.ISO_8859_1);
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.getOutputStream().write(request);
      String statusLine =
          new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
              .readLine();

      assertThat(statusLine).startsWith("HTTP/1.1 400");
    }
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
