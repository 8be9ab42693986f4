package org.redgovernance.endtoend;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.redgovernance.keycloak.RealmDefinition;
import org.redgovernance.testing.TestStack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an invited person does by following the link Keycloak e-mails them — verify the address,
 * choose a password — done here through the admin API, since a test has no browser.
 */
final class Invitations {

  static final String TENANT_ADMIN_SECRET = "rg-tenant-admin-dev-secret";

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Invitations() {}

  /** The invited user now has the password and no required action left. */
  static void accept(String username, String password) {
    String admin = TestStack.get().issuer().replaceFirst("/realms/", "/admin/realms/");
    String token = serviceAccountToken();
    JsonNode users =
        JSON.readTree(
            send(
                HttpRequest.newBuilder(
                        URI.create(
                            admin
                                + "/users?exact=true&username="
                                + URLEncoder.encode(username, StandardCharsets.UTF_8)))
                    .header("Authorization", "Bearer " + token)
                    .GET()));
    String id = users.path(0).path("id").asString();
    send(
        HttpRequest.newBuilder(URI.create(admin + "/users/" + id + "/reset-password"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .PUT(
                HttpRequest.BodyPublishers.ofString(
                    "{\"type\":\"password\",\"temporary\":false,\"value\":\"" + password + "\"}")));
    send(
        HttpRequest.newBuilder(URI.create(admin + "/users/" + id))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .PUT(
                HttpRequest.BodyPublishers.ofString(
                    "{\"requiredActions\":[],\"emailVerified\":true}")));
  }

  private static String serviceAccountToken() {
    String form =
        "grant_type=client_credentials&client_id="
            + RealmDefinition.TENANT_ADMIN_CLIENT
            + "&client_secret="
            + TENANT_ADMIN_SECRET;
    return JSON.readTree(
            send(
                HttpRequest.newBuilder(URI.create(TestStack.get().tokenEndpoint()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))))
        .path("access_token")
        .asString();
  }

  private static String send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(response.statusCode() + " " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
