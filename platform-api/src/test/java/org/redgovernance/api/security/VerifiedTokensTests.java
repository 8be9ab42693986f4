package org.redgovernance.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** A verified token is not verified again, and still stops working when it expires. */
class VerifiedTokensTests {

  private static final String ISSUER = "http://127.0.0.1:8180/realms/red-governance";

  private final OAuth2TokenValidator<Jwt> validator =
      SecurityConfiguration.tokenValidator(ISSUER, "rg-api");

  @Test
  void aTokenUsedAgain_isNotVerifiedAgain() {
    AtomicInteger verifications = new AtomicInteger();
    Jwt jwt = jwt(Instant.now().plusSeconds(300));
    VerifiedTokens tokens = new VerifiedTokens(counting(jwt, verifications), validator, 10);

    assertThat(tokens.decode("token-a")).isSameAs(jwt);
    assertThat(tokens.decode("token-a")).isSameAs(jwt);
    assertThat(tokens.decode("token-b")).isSameAs(jwt);

    assertThat(verifications).hasValue(2);
  }

  @Test
  void aRememberedToken_isRefusedOnceItHasExpired() {
    // expired beyond the validators' minute of clock skew
    Jwt expired = jwt(Instant.now().minusSeconds(120));
    AtomicInteger verifications = new AtomicInteger();
    VerifiedTokens tokens = new VerifiedTokens(counting(expired, verifications), validator, 10);
    tokens.decode("token");

    assertThatThrownBy(() -> tokens.decode("token")).isInstanceOf(JwtValidationException.class);
  }

  @Test
  void aRefusedToken_isNotRemembered() {
    AtomicInteger verifications = new AtomicInteger();
    JwtDecoder refusing =
        token -> {
          verifications.incrementAndGet();
          throw new BadJwtException("bad signature");
        };
    VerifiedTokens tokens = new VerifiedTokens(refusing, validator, 10);

    assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
    assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
    assertThat(verifications).hasValue(2);
  }

  @Test
  void atCapacity_tokensAreForgottenAndVerifiedAgain() {
    AtomicInteger verifications = new AtomicInteger();
    VerifiedTokens tokens =
        new VerifiedTokens(
            counting(jwt(Instant.now().plusSeconds(300)), verifications), validator, 2);
    tokens.decode("a");
    tokens.decode("b");
    tokens.decode("c");
    tokens.decode("a");

    assertThat(verifications).hasValue(4);
  }

  private static JwtDecoder counting(Jwt jwt, AtomicInteger verifications) {
    return token -> {
      verifications.incrementAndGet();
      return jwt;
    };
  }

  private static Jwt jwt(Instant expiresAt) {
    return Jwt.withTokenValue("t")
        .header("alg", "RS256")
        .issuer(ISSUER)
        .audience(List.of("rg-api"))
        .subject("someone")
        .issuedAt(expiresAt.minusSeconds(300))
        .expiresAt(expiresAt)
        .build();
  }
}
