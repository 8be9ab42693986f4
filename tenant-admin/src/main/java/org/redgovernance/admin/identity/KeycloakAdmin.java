package org.redgovernance.admin.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
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

  /** The realm's user-profile attribute for a mainland mobile number; admins edit it. */
  public static final String PHONE_ATTRIBUTE = "phoneNumber";

  private final RestClient http;
  private final ServiceAccount account;
  private final String base;

  KeycloakAdmin(
      RestClient.Builder http,
      ServiceAccount account,
      @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
      @Value("${rg.keycloak.admin-url:}") String adminUrl) {
    // HTTP/1.1 plainly: no h2c upgrade dance on every new connection to an internal service
    JdkClientHttpRequestFactory requests =
        new JdkClientHttpRequestFactory(
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build());
    // a Keycloak that accepted the connection and then stopped answering is given up (and the
    // operation answered UNAVAILABLE) instead of holding the request, or a scheduled run, for ever
    requests.setReadTimeout(Duration.ofSeconds(10));
    this.http = http.requestFactory(requests).build();
    this.account = account;
    // https://host/realms/<realm>  →  https://host/admin/realms/<realm>, unless set apart
    // (an internal address of the admin API, or in tests a proxy that can fail on purpose)
    this.base = adminUrl.isBlank() ? issuer.replaceFirst("/realms/", "/admin/realms/") : adminUrl;
  }

  /**
   * Whether {@code failure} is Keycloak out of reach — no connection, no answer in time, or an
   * answer of a server in trouble (5xx) — rather than a request it refused.
   */
  public static boolean unreachable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ResourceAccessException || cause instanceof HttpServerErrorException) {
        return true;
      }
    }
    return false;
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

  /**
   * The community's group and its seven role groups, created where missing (safe to repeat); the
   * role groups' ids by role.
   */
  public Map<CommunityRoleName, String> ensureCommunityGroups(String communityKey) {
    ensureGroup("communities", communityKey);
    Map<CommunityRoleName, String> ids = new EnumMap<>(CommunityRoleName.class);
    for (CommunityRoleName role : CommunityRoleName.values()) {
      ids.put(role, ensureGroup("communities/" + communityKey, role.groupName()));
    }
    return ids;
  }

  /**
   * The id of the group {@code name} beneath {@code parentPath}, created if it is missing; safe to
   * call again after a failure part way.
   */
  public String ensureGroup(String parentPath, String name) {
    String path = parentPath + "/" + name;
    Optional<String> existing = groupId(path);
    if (existing.isPresent()) {
      return existing.get();
    }
    String parent =
        groupId(parentPath).orElseThrow(() -> new IllegalStateException("No group " + parentPath));
    try {
      http.post()
          .uri(base + "/groups/{parent}/children", parent)
          .headers(h -> h.setBearerAuth(account.accessToken()))
          .body(Map.of("name", name))
          .retrieve()
          .toBodilessEntity();
    } catch (HttpClientErrorException.Conflict raced) {
      // created by a concurrent onboarding of the same community: fine, read it below
    }
    return groupId(path).orElseThrow(() -> new IllegalStateException("No group " + path));
  }

  /**
   * An account as an invitation must see it: its own e-mail address and mobile number, and whether
   * it has yet to choose its first password.
   */
  public record Account(
      KeycloakUser user, String email, String phone, boolean awaitsFirstPassword) {}

  /** The account of that username, read whole (not the brief listing). */
  public Optional<Account> account(String username) {
    List<?> users = usersNamed(username, false);
    if (users == null) {
      return Optional.empty();
    }
    for (Object item : users) {
      if (item instanceof Map<?, ?> user && username.equals(user.get("username"))) {
        String email = user.get("email") instanceof String e ? e : "";
        String phone =
            user.get("attributes") instanceof Map<?, ?> attributes
                    && attributes.get(PHONE_ATTRIBUTE) instanceof List<?> numbers
                    && !numbers.isEmpty()
                ? String.valueOf(numbers.get(0))
                : "";
        boolean awaits =
            user.get("requiredActions") instanceof List<?> actions
                && actions.contains("UPDATE_PASSWORD");
        return Optional.of(new Account(toUsers(List.of(user)).get(0), email, phone, awaits));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether everything the account may do is within one community: it belongs to no group outside
   * {@code /communities/<key>/} and holds no realm role beyond the defaults.
   */
  public boolean confinedTo(String userId, String communityKey) {
    String inside = CommunityRoleName.communityPath(communityKey);
    if (!groupPaths(userId).stream().allMatch(path -> path.startsWith(inside))) {
      return false;
    }
    List<?> roles =
        http.get()
            .uri(base + "/users/{id}/role-mappings/realm", userId)
            .headers(h -> h.setBearerAuth(account.accessToken()))
            .retrieve()
            .body(List.class);
    if (roles != null) {
      for (Object role : roles) {
        if (role instanceof Map<?, ?> r
            && r.get("name") instanceof String name
            && !name.startsWith("default-roles-")
            && !name.equals("offline_access")
            && !name.equals("uma_authorization")) {
          return false;
        }
      }
    }
    return true;
  }

  /** The full paths of the groups the user belongs to (e.g. /communities/baiguoshu/admin). */
  public List<String> groupPaths(String userId) {
    List<?> groups =
        http.get()
            .uri(base + "/users/{id}/groups?briefRepresentation=true&max=1000", userId)
            .headers(h -> h.setBearerAuth(account.accessToken()))
            .retrieve()
            .body(List.class);
    List<String> paths = new ArrayList<>();
    if (groups != null) {
      for (Object group : groups) {
        // a group without a readable path counts as outside every community
        paths.add(group instanceof Map<?, ?> g && g.get("path") instanceof String path ? path : "");
      }
    }
    return paths;
  }

  /**
   * Creates an enabled user who must verify the e-mail address and choose a password at first
   * login. Empty when Keycloak refuses it: the username or the e-mail address is taken (a race with
   * another invitation included).
   */
  public Optional<KeycloakUser> createEmailUser(
      String username, String email, String firstName, String lastName) {
    createUser(
        Map.of(
            "username", username,
            "email", email,
            "firstName", firstName,
            "lastName", lastName,
            "enabled", true,
            "emailVerified", false,
            "requiredActions", List.of("VERIFY_EMAIL", "UPDATE_PASSWORD")));
    return account(username)
        .filter(created -> created.email().equalsIgnoreCase(email))
        .map(Account::user);
  }

  /** Creates a user; a conflict (already there, or an e-mail taken) is for the caller to read. */
  private void createUser(Map<String, Object> representation) {
    try {
      http.post()
          .uri(base + "/users")
          .headers(h -> h.setBearerAuth(account.accessToken()))
          .body(representation)
          .retrieve()
          .toBodilessEntity();
    } catch (HttpClientErrorException.Conflict exists) {
      // read back by the caller
    }
  }

  /**
   * Asks Keycloak to e-mail the user a link to set their password. False when Keycloak cannot send
   * mail (no SMTP server configured for the realm); an admin then invites them again later.
   */
  public boolean sendInvitation(String userId) {
    try {
      http.put()
          .uri(base + "/users/{user}/execute-actions-email?lifespan=604800", userId)
          .headers(h -> h.setBearerAuth(account.accessToken()))
          .body(List.of("VERIFY_EMAIL", "UPDATE_PASSWORD"))
          .retrieve()
          .toBodilessEntity();
      return true;
    } catch (org.springframework.web.client.RestClientResponseException e) {
      return false;
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
    return toUsers(usersNamed(username, true)).stream()
        .filter(u -> u.username().equals(username))
        .findFirst();
  }

  /** The admin API's search for exactly this username, brief or whole representations. */
  private List<?> usersNamed(String username, boolean brief) {
    return http.get()
        .uri(
            UriComponentsBuilder.fromUriString(base + "/users")
                .queryParam("username", username)
                .queryParam("exact", true)
                .queryParam("briefRepresentation", brief)
                .build()
                .toUri())
        .headers(h -> h.setBearerAuth(account.accessToken()))
        .retrieve()
        .body(List.class);
  }

  public boolean userExists(String userId) {
    try {
      http.get()
          .uri(base + "/users/{id}", userId)
          .headers(h -> h.setBearerAuth(account.accessToken()))
          .retrieve()
          .toBodilessEntity();
      return true;
    } catch (HttpClientErrorException e) {
      if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  public void join(String userId, String groupId) {
    http.put()
        .uri(base + "/users/{user}/groups/{group}", userId, groupId)
        .headers(h -> h.setBearerAuth(account.accessToken()))
        .retrieve()
        .toBodilessEntity();
  }

  /** Joins or leaves the group: a grant or a revocation of the role it stands for. */
  public void setMember(String userId, String groupId, boolean member) {
    if (member) {
      join(userId, groupId);
    } else {
      leave(userId, groupId);
    }
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
