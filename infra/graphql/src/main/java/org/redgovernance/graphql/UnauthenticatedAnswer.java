package org.redgovernance.graphql;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import tools.jackson.databind.json.JsonMapper;

/**
 * A 401 that a client can read: the standard {@code WWW-Authenticate} header (RFC 6750) and a
 * GraphQL-shaped JSON body with {@code extensions.code: UNAUTHENTICATED} and the reason — no token,
 * or why the token was refused (expired, wrong audience, bad signature) — so that a front end can
 * tell "sign in" from "refresh the token" without parsing a header. Both services answer so.
 */
public final class UnauthenticatedAnswer implements AuthenticationEntryPoint {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final BearerTokenAuthenticationEntryPoint standard =
      new BearerTokenAuthenticationEntryPoint();

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
      throws IOException {
    standard.commence(request, response, refused);
    String reason =
        refused instanceof OAuth2AuthenticationException invalid
                && invalid.getError().getDescription() != null
            ? invalid.getError().getDescription()
            : "No access token: send Authorization: Bearer <token> from the realm's login";
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    JSON.writeValue(
        response.getOutputStream(),
        Map.of(
            "errors",
            List.of(
                Map.of(
                    "message",
                    reason,
                    "extensions",
                    Map.of(
                        "code",
                        "UNAUTHENTICATED",
                        "tokenProblem",
                        refused instanceof OAuth2AuthenticationException
                            ? "INVALID"
                            : "MISSING")))));
  }
}
