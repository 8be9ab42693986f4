package org.redgovernance.admin.onboarding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.redgovernance.admin.audit.AdminAuditRepository;
import org.redgovernance.admin.identity.CommunityRoleName;
import org.redgovernance.admin.identity.Invitees;
import org.redgovernance.admin.identity.Invitees.Invitee;
import org.redgovernance.admin.identity.KeycloakAdmin;
import org.redgovernance.admin.identity.KeycloakAdmin.KeycloakUser;
import org.redgovernance.admin.onboarding.OnboardingRepository.Registered;
import org.redgovernance.admin.security.Operator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code onboardCommunity}: a street admin (of that street only) or the platform operator brings a
 * community onto the platform. The steps run in order and each is idempotent — the registry row
 * (ONBOARDING), the role groups in Keycloak, the seed configuration, the first admin (created with
 * required actions, put in the admin group, invited) — and only then does the community become
 * ACTIVE. If Keycloak or the database fails part way, the community stays ONBOARDING and the same
 * call again resumes; calling it for an active community changes nothing.
 */
@Controller
class OnboardingController {

  private static final Logger log = LoggerFactory.getLogger(OnboardingController.class);
  private static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9-]{1,62}$");
  private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{2,62}$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  record FirstAdminInput(
      @Nullable String username,
      @Nullable String email,
      @Nullable String firstName,
      @Nullable String lastName) {}

  record OnboardCommunityInput(
      @Nullable String streetKey,
      @Nullable String key,
      @Nullable String name,
      @Nullable FirstAdminInput firstAdmin) {}

  record AdminError(String code, String message, @Nullable List<String> field) {}

  record OnboardedCommunity(String key, String name, String streetKey, String status) {}

  record OnboardCommunityPayload(
      @Nullable OnboardedCommunity community,
      @Nullable String firstAdminUsername,
      boolean invitationSent,
      List<AdminError> errors) {}

  private final OnboardingRepository registry;
  private final KeycloakAdmin keycloak;
  private final Invitees invitees;
  private final AdminAuditRepository audit;
  private final TransactionTemplate transactions;

  OnboardingController(
      OnboardingRepository registry,
      KeycloakAdmin keycloak,
      Invitees invitees,
      AdminAuditRepository audit,
      TransactionTemplate transactions) {
    this.registry = registry;
    this.keycloak = keycloak;
    this.invitees = invitees;
    this.audit = audit;
    this.transactions = transactions;
  }

  @MutationMapping
  OnboardCommunityPayload onboardCommunity(
      @Argument OnboardCommunityInput input, @AuthenticationPrincipal Jwt token) {
    Operator operator = Operator.of(token);
    String street = text(input.streetKey());
    if (!registry.streetExists(street) || !operator.oversees(street)) {
      return failed("NOT_FOUND", "No such street", "streetKey");
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("key", String.valueOf(input.key()));
    AdminError refusal = refusal(input, operator, street);
    if (refusal != null) {
      details.put("code", refusal.code());
      audit.record(operator, "community.onboarded", street, null, "REFUSED", null, details);
      return new OnboardCommunityPayload(null, null, false, List.of(refusal));
    }
    String key = input.key();
    String name = text(input.name());
    FirstAdminInput admin = input.firstAdmin();
    Optional<Registered> existing = registry.find(key);
    if (existing.isPresent()
        && (!existing.get().streetKey().equals(street) || !existing.get().name().equals(name))) {
      details.put("code", "CONFLICT");
      audit.record(operator, "community.onboarded", street, null, "REFUSED", null, details);
      return failed("CONFLICT", "The key belongs to another community; choose another key", "key");
    }
    if (existing.isPresent() && existing.get().status().equals("ACTIVE")) {
      // done before: returned as it is, nobody invited twice
      Registered done = existing.get();
      return new OnboardCommunityPayload(
          new OnboardedCommunity(done.key(), done.name(), done.streetKey(), done.status()),
          null,
          false,
          List.of());
    }
    if (existing.isPresent() && !existing.get().status().equals("ONBOARDING")) {
      details.put("code", "ILLEGAL_TRANSITION");
      audit.record(operator, "community.onboarded", street, key, "REFUSED", null, details);
      return failed(
          "ILLEGAL_TRANSITION",
          "The community is " + existing.get().status() + "; onboarding does not change that",
          "key");
    }
    try {
      transactions.executeWithoutResult(status -> registry.register(street, key, name));
      Registered community = registry.find(key).orElseThrow();
      String adminGroup = keycloak.ensureCommunityGroups(key).get(CommunityRoleName.ADMIN);
      transactions.executeWithoutResult(status -> registry.seed(community.id()));
      Optional<Invitee> invitee =
          invitees.byEmail(
              key,
              admin.username(),
              admin.email(),
              text(admin.firstName()),
              text(admin.lastName()));
      if (invitee.isEmpty()) {
        details.put("code", "CONFLICT");
        audit.record(operator, "community.onboarded", street, key, "REFUSED", null, details);
        return new OnboardCommunityPayload(
            null,
            null,
            false,
            List.of(
                new AdminError(
                    "CONFLICT",
                    Invitees.CONFLICT_MESSAGE
                        + ". The community stays ONBOARDING until it is onboarded again with"
                        + " another first admin",
                    List.of("firstAdmin"))));
      }
      KeycloakUser user = invitee.get().user();
      keycloak.join(user.id(), adminGroup);
      // an account already in use keeps its credentials: its owner logs in as always
      boolean invited = invitee.get().mayCarryCredentials() && keycloak.sendInvitation(user.id());
      if (!invited && invitee.get().mayCarryCredentials()) {
        log.warn(
            "Keycloak could not e-mail the invitation of {} (no mail server?); they set their"
                + " password through the admin console's credential reset or a retry later",
            user.username());
      }
      transactions.executeWithoutResult(
          status -> {
            registry.activate(key);
            details.put("firstAdmin", user.username());
            details.put("keycloakGroup", "/communities/" + key);
            audit.record(operator, "community.onboarded", street, key, "OK", null, details);
          });
      Registered done = registry.find(key).orElseThrow();
      return new OnboardCommunityPayload(
          new OnboardedCommunity(done.key(), done.name(), done.streetKey(), done.status()),
          user.username(),
          invited,
          List.of());
    } catch (RuntimeException failure) {
      log.warn("Onboarding of {} stopped part way; a retry resumes it", key, failure);
      details.put("error", failure.getClass().getSimpleName());
      audit.record(operator, "community.onboarded", street, key, "FAILED", null, details);
      return failed(
          "UNAVAILABLE",
          "Onboarding stopped part way (identity provider or database unavailable); the community"
              + " stays ONBOARDING and the same request again resumes it",
          "key");
    }
  }

  private static @Nullable AdminError refusal(
      OnboardCommunityInput input, Operator operator, String street) {
    if (!operator.administers(street)) {
      return new AdminError("FORBIDDEN", "Only the street's admins onboard its communities", null);
    }
    if (input.key() == null || !KEY.matcher(input.key()).matches()) {
      return new AdminError(
          "INVALID_INPUT",
          "A key of lower-case letters, digits and '-', e.g. baiguoshu",
          List.of("key"));
    }
    String name = text(input.name());
    if (name.isEmpty() || name.length() > 100) {
      return new AdminError("INVALID_INPUT", "A name of 1 to 100 characters", List.of("name"));
    }
    FirstAdminInput admin = input.firstAdmin();
    if (admin == null
        || admin.username() == null
        || !USERNAME.matcher(admin.username()).matches()) {
      return new AdminError(
          "INVALID_INPUT",
          "The first admin's username: 3 to 63 lower-case letters, digits, '.', '_' or '-'",
          List.of("firstAdmin", "username"));
    }
    if (admin.email() == null || !EMAIL.matcher(admin.email()).matches()) {
      return new AdminError(
          "INVALID_INPUT", "The first admin's e-mail address", List.of("firstAdmin", "email"));
    }
    return null;
  }

  private static String text(@Nullable String value) {
    return value == null ? "" : value.strip();
  }

  private static OnboardCommunityPayload failed(String code, String message, String field) {
    return new OnboardCommunityPayload(
        null, null, false, List.of(new AdminError(code, message, List.of(field))));
  }
}
