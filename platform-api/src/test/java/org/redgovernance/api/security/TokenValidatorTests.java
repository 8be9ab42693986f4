package org.redgovernance.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

/** The claim checks that follow the signature check, on tokens made here. */
class TokenValidatorTests {

  private static final String ISSUER = "http://127.0.0.1:8180/realms/red-governance";

  private final OAuth2TokenValidator<Jwt> validator =
      SecurityConfiguration.tokenValidator(ISSUER, "rg-api");

  @Test
  void acceptsATokenForThisApiFromTheRealm() {
    assertThat(validator.validate(token(ISSUER, List.of("rg-api"), 300)).hasErrors()).isFalse();
  }

  @Test
  void refusesATokenForAnotherAudience() {
    assertThat(validator.validate(token(ISSUER, List.of("account"), 300)).hasErrors()).isTrue();
  }

  @Test
  void refusesATokenFromAnotherIssuer() {
    assertThat(
            validator
                .validate(token("http://127.0.0.1:8180/realms/master", List.of("rg-api"), 300))
                .hasErrors())
        .isTrue();
  }

  @Test
  void refusesAnExpiredToken() {
    assertThat(validator.validate(token(ISSUER, List.of("rg-api"), -120)).hasErrors()).isTrue();
  }

  private static Jwt token(String issuer, List<String> audience, long expiresInSeconds) {
    Instant now = Instant.now();
    return Jwt.withTokenValue("t")
        .header("alg", "RS256")
        .issuer(issuer)
        .audience(audience)
        .subject("someone")
        .issuedAt(now.minusSeconds(600))
        .expiresAt(now.plusSeconds(expiresInSeconds))
        .build();
  }
}
