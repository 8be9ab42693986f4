package org.redgovernance.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.SeparateInstance;
import org.redgovernance.testing.GraphQlHttp;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.TestStack;
import org.redgovernance.testing.Tokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keycloak out of reach, and Keycloak rotating its keys: platform-api keeps validating the tokens
 * already issued with the keys it fetched last and says it is degraded, not down; a token signed
 * with a new key makes it fetch the keys again; a stream of tokens with unknown keys does not
 * become a stream of requests to Keycloak. Keycloak's keys reach the instance through a relay this
 * test can cut, so that Keycloak itself stays up for the other tests (and for logging in).
 */
class KeycloakOutageIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String QUERY = "{ viewer { username } }";

  private static KeysRelay relay;
  private static SeparateInstance instance;
  private static GraphQlHttp graphql;

  @BeforeAll
  static void start() throws Exception {
    relay = new KeysRelay(TestStack.get().issuer() + "/protocol/openid-connect/certs");
    relay.open();
    instance =
        SeparateInstance.onSharedDatabase(
            Map.of(
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", relay.uri(),
                "rg.security.keys.refresh", "PT3S",
                "rg.security.keys.min-refetch-interval", "PT1S"));
    graphql = new GraphQlHttp(instance.port());
  }

  @AfterAll
  static void stop() {
    if (instance != null) {
      instance.close();
    }
    if (relay != null) {
      relay.close();
    }
  }

  @Test
  void whileKeycloakIsOutOfReach_tokensAlreadyIssuedStillWork_andTheServiceIsDegradedNotDown()
      throws Exception {
    assertThat(viewer(Tokens.fresh("baiguoshu.resident"))).isEqualTo("baiguoshu.resident");

    relay.cut();
    Thread.sleep(3500); // the keys' refresh time is over: they are asked for again, in vain
    // a token not seen before, so its signature is checked with the keys kept from before
    assertThat(viewer(Tokens.fresh("baiguoshu.resident"))).isEqualTo("baiguoshu.resident");

    HttpResponse<String> health = get("/actuator/health");
    JsonNode report = JSON.readTree(health.body());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(report.path("status").asString()).isEqualTo("DEGRADED");
    assertThat(report.path("components").path("keycloak").path("status").asString())
        .isEqualTo("DEGRADED");
    assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);

    relay.open();
    Thread.sleep(3500); // the keys are fetched again, from Keycloak this time
    assertThat(JSON.readTree(get("/actuator/health").body()).path("status").asString())
        .isEqualTo("UP");
  }

  @Test
  void aTokenSignedWithANewKey_makesTheKeysBeFetchedAgain_butUnknownKeysCannotFloodKeycloak()
      throws Exception {
    RSAKey rotated =
        new RSAKeyGenerator(2048)
            .keyID("rotated-" + UUID.randomUUID())
            .keyUse(KeyUse.SIGNATURE)
            .generate();
    relay.alsoServe(rotated.toPublicJWK().toJSONObject());
    Thread.sleep(1500); // past the limit on fetching the keys again

    JWTClaimsSet resident = SignedJWT.parse(Tokens.fresh("baiguoshu.resident")).getJWTClaimsSet();
    assertThat(viewer(signed(resident, rotated, rotated.getKeyID())))
        .isEqualTo("baiguoshu.resident");

    List<String> forged = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      forged.add(signed(resident, rotated, "unknown-" + UUID.randomUUID()));
    }
    int before = relay.fetches();
    for (String token : forged) {
      GraphQlResult refused = graphql.query(QUERY).bearer(token).execute();
      assertThat(refused.status()).isEqualTo(401);
    }
    assertThat(relay.fetches() - before)
        .as("fetches of the keys for 50 tokens with unknown keys")
        .isLessThanOrEqualTo(4);
  }

  /** A resident's real claims, signed with {@code key} under the key id {@code kid}. */
  private static String signed(JWTClaimsSet claims, RSAKey key, String kid) throws Exception {
    SignedJWT token =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
    token.sign(new RSASSASigner(key));
    return token.serialize();
  }

  private static String viewer(String token) {
    GraphQlResult answer = graphql.query(QUERY).bearer(token).execute();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.data("viewer.username").asString();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.port() + path))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Keycloak's JWKS relayed on a port of its own (with keys of the test's added), which the test
   * closes and opens again: closed, connections to it are refused as to a Keycloak that is down.
   */
  private static final class KeysRelay implements AutoCloseable {

    private final String keycloakKeys;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger fetches = new AtomicInteger();
    private final java.util.List<Map<String, Object>> added =
        new java.util.concurrent.CopyOnWriteArrayList<>();
    private int port;
    private HttpServer server;

    KeysRelay(String keycloakKeys) {
      this.keycloakKeys = keycloakKeys;
    }

    synchronized void open() throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
      port = server.getAddress().getPort();
      server.createContext(
          "/certs",
          exchange -> {
            fetches.incrementAndGet();
            byte[] body;
            try {
              body = keys().getBytes(StandardCharsets.UTF_8);
            } catch (Exception e) {
              exchange.sendResponseHeaders(502, -1);
              exchange.close();
              return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      server.start();
    }

    synchronized void cut() {
      server.stop(0);
    }

    void alsoServe(Map<String, Object> key) {
      added.add(key);
    }

    int fetches() {
      return fetches.get();
    }

    String uri() {
      return "http://127.0.0.1:" + port + "/certs";
    }

    private String keys() throws Exception {
      String body =
          http.send(
                  HttpRequest.newBuilder(URI.create(keycloakKeys)).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      if (added.isEmpty()) {
        return body;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> set = JSON.readValue(body, Map.class);
      @SuppressWarnings("unchecked")
      java.util.List<Object> keys =
          new java.util.ArrayList<>((java.util.List<Object>) set.get("keys"));
      keys.addAll(added);
      return JSON.writeValueAsString(Map.of("keys", keys));
    }

    @Override
    public synchronized void close() {
      server.stop(0);
    }
  }
}
