package org.redgovernance.admin.identity;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The few calls of Keycloak's admin API that access management needs — role groups by path, their
 * members, users by username, joining and leaving a group — made as tenant-admin's service account,
 * whose realm-management roles are manage-users, view-users, query-users and query-groups only.
 */
@Component
public class KeycloakAdmin {

  /** A user as the admin API lists them. */
  public record KeycloakUser(String id, String username, String name, boolean enabled) {}

  private final RestClient http;
  private final ServiceAccount account;
  private final String base;

  KeycloakAdmin(
      RestClient.Builder http,
      ServiceAccount account,
      @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) {
    this.http = http.build();
    this.account = account;
    // https://host/realms/<realm>  →  https://host/admin/realms/<realm>
    this.base = issuer.replaceFirst("/realms/", "/admin/realms/");
  }

  /** The id of the group at {@code path} (e.g. communities/baiguoshu/admin), if it exists. */
  public Optional<String> groupId(String path) {
    try {
      Map<?, ?> group =
          http.get()
              .uri(URI.create(base + "/group-by-path/" + path))
              .headers(h -> h.setBearerAuth(account.accessToken()))
              .retrieve()
              .body(Map.class);
      return group == null ? Optional.empty() : Optional.of((String) group.get("id"));
    } catch (HttpClientErrorException.NotFound e) {
      return Optional.empty();
    }
  }

  public List<KeycloakUser> members(String groupId) {
    List<?> users =
        http.get()
            .uri(
                UriComponentsBuilder.fromUriString(base + "/groups/{id}/members")
                    .queryParam("briefRepresentation", true)
                    .queryParam("max", 10_000)
                    .buildAndExpand(groupId)
                    .toUri())
            .headers(h -> h.setBearerAuth(account.accessToken()))
            .retrieve()
            .body(List.class);
    return toUsers(users);
  }

  public Optional<KeycloakUser> userByUsername(String username) {
    List<?> users =
        http.get()
            .uri(
                UriComponentsBuilder.fromUriString(base + "/users")
                    .queryParam("username", username)
                    .queryParam("exact", true)
                    .queryParam("briefRepresentation", true)
                    .build()
                    .toUri())
            .headers(h -> h.setBearerAuth(account.accessToken()))
            .retrieve()
            .body(List.class);
    return toUsers(users).stream().filter(u -> u.username().equals(username)).findFirst();
  }

  public void join(String userId, String groupId) {
    http.put()
        .uri(base + "/users/{user}/groups/{group}", userId, groupId)
        .headers(h -> h.setBearerAuth(account.accessToken()))
        .retrieve()
        .toBodilessEntity();
  }

  /** Leaves the group; leaving a group one is not in is no error. */
  public void leave(String userId, String groupId) {
    try {
      http.delete()
          .uri(base + "/users/{user}/groups/{group}", userId, groupId)
          .headers(h -> h.setBearerAuth(account.accessToken()))
          .retrieve()
          .toBodilessEntity();
    } catch (HttpClientErrorException e) {
      if (e.getStatusCode() != HttpStatus.NOT_FOUND) {
        throw e;
      }
    }
  }

  private static List<KeycloakUser> toUsers(List<?> raw) {
    List<KeycloakUser> users = new ArrayList<>();
    if (raw == null) {
      return users;
    }
    for (Object item : raw) {
      if (item instanceof Map<?, ?> user) {
        String first = user.get("firstName") instanceof String f ? f : "";
        String last = user.get("lastName") instanceof String l ? l : "";
        String name = (first + " " + last).strip();
        users.add(
            new KeycloakUser(
                (String) user.get("id"),
                (String) user.get("username"),
                name.isEmpty() ? (String) user.get("username") : name,
                !Boolean.FALSE.equals(user.get("enabled"))));
      }
    }
    return users;
  }
}
