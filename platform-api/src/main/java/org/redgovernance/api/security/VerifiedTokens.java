package org.redgovernance.api.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers tokens whose signature has been checked, so that a front end's next requests with the
 * same token do not parse and verify it again (a tenth of a cheap request's CPU). Only tokens the
 * decoder accepted are remembered, by their exact text; every use checks the claims again — issuer,
 * audience and above all expiry — so a remembered token stops working when it expires, exactly as
 * before.
 */
final class VerifiedTokens implements JwtDecoder {

  private final JwtDecoder decoder;
  private final OAuth2TokenValidator<Jwt> validator;
  private final int capacity;
  private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

  VerifiedTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator, int capacity) {
    this.decoder = decoder;
    this.validator = validator;
    this.capacity = capacity;
  }

  @Override
  public Jwt decode(String token) throws JwtException {
    Jwt known = verified.get(token);
    if (known == null) {
      Jwt jwt = decoder.decode(token);
      remember(token, jwt);
      return jwt;
    }
    OAuth2TokenValidatorResult result = validator.validate(known);
    if (result.hasErrors()) {
      verified.remove(token);
      throw new JwtValidationException("The token is no longer valid", result.getErrors());
    }
    return known;
  }

  private void remember(String token, Jwt jwt) {
    if (verified.size() >= capacity) {
      // Tokens live minutes: forgetting all of them costs one verification each, nothing more.
      verified.clear();
    }
    verified.put(token, jwt);
  }
}
