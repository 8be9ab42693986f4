package org.redgovernance.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The bearer token is read from the header as Spring Security's default resolver reads it. */
class BearerTokenHeaderTests {

  private final BearerTokenHeader resolver = new BearerTokenHeader();
  private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

  @Test
  void aKeycloakToken_isTheHeaderAfterTheScheme() {
    String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln-_~+/==";
    assertThat(resolver.resolve(request("Bearer " + token))).isEqualTo(token);
    assertThat(resolver.resolve(request("bEaReR " + token))).isEqualTo(token);
  }

  @Test
  void noHeader_orAnotherScheme_isNoToken() {
    assertThat(resolver.resolve(new MockHttpServletRequest("POST", "/graphql"))).isNull();
    assertThat(resolver.resolve(request("Basic dXNlcjpwYXNz"))).isNull();
  }

  @Test
  void headersOfEveryShape_getSpringSecuritysAnswer() {
    List<String> headers =
        new ArrayList<>(
            List.of(
                "Bearer",
                "Bearer ",
                "Bearer  abc",
                "Bearerabc",
                "Bearer abc ",
                "Bearer abc=def",
                "Bearer ===",
                "Bearer a===",
                "Bearer a b",
                "Bearer 白果树",
                "Bearer abc\t",
                "BEARER abc",
                "bearer\tabc",
                "Bearer abc\n",
                "Bearer abc\r\n"));
    Random random = new Random(6);
    String alphabet = "aZ09-._~+/= \t=*!\"#,;白\n";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder header = new StringBuilder(random.nextBoolean() ? "Bearer " : "bearer");
      int length = random.nextInt(8);
      for (int j = 0; j < length; j++) {
        header.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      headers.add(header.toString());
    }
    for (String header : headers) {
      assertThat(answer(() -> resolver.resolve(request(header))))
          .as("[%s]", header)
          .isEqualTo(answer(() -> spring.resolve(request(header))));
    }
  }

  /** The token, or the error's description. */
  private static String answer(java.util.function.Supplier<String> resolve) {
    try {
      return "token " + resolve.get();
    } catch (OAuth2AuthenticationException e) {
      return "error " + e.getError().getErrorCode() + " " + e.getError().getDescription();
    }
  }

  private static MockHttpServletRequest request(String authorization) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
    request.addHeader("Authorization", authorization);
    return request;
  }
}
