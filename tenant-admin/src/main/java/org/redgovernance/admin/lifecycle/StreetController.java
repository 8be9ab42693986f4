package org.redgovernance.admin.lifecycle;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.redgovernance.admin.audit.AdminAuditRepository;
import org.redgovernance.admin.identity.KeycloakAdmin;
import org.redgovernance.admin.security.Operator;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;

/**
 * {@code createStreet}: the platform operator registers a street and its role groups ({@code
 * /streets/<key>/admin}, {@code /viewer}); its admins are then appointed with {@code
 * grantStreetRole}. Idempotent by key: the same street again changes nothing.
 */
@Controller
class StreetController {

  private static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9-]{1,62}$");

  record CreateStreetInput(@Nullable String key, @Nullable String name) {}

  record CreatedStreet(String key, String name) {}

  record CreateStreetPayload(
      @Nullable CreatedStreet street, List<CommunityStatusController.AdminError> errors) {}

  private final StreetRepository streets;
  private final KeycloakAdmin keycloak;
  private final AdminAuditRepository audit;

  StreetController(StreetRepository streets, KeycloakAdmin keycloak, AdminAuditRepository audit) {
    this.streets = streets;
    this.keycloak = keycloak;
    this.audit = audit;
  }

  @MutationMapping
  CreateStreetPayload createStreet(
      @Argument CreateStreetInput input, @AuthenticationPrincipal Jwt token) {
    Operator operator = Operator.of(token);
    String key = input.key() == null ? "" : input.key();
    String name = input.name() == null ? "" : input.name().strip();
    if (!operator.platformOperator()) {
      return failed("FORBIDDEN", "Only the platform operator creates streets", null);
    }
    if (!KEY.matcher(key).matches()) {
      return failed("INVALID_INPUT", "A key of lower-case letters, digits and '-'", "key");
    }
    if (name.isEmpty() || name.length() > 100) {
      return failed("INVALID_INPUT", "A name of 1 to 100 characters", "name");
    }
    String existing = streets.nameOf(key);
    if (existing != null && !existing.equals(name)) {
      return failed("CONFLICT", "The key belongs to another street", "key");
    }
    if (existing == null) {
      streets.create(key, name);
    }
    keycloak.ensureGroup("streets", key);
    keycloak.ensureGroup("streets/" + key, "admin");
    keycloak.ensureGroup("streets/" + key, "viewer");
    audit.record(operator, "street.created", key, null, "OK", null, Map.of("name", name));
    return new CreateStreetPayload(new CreatedStreet(key, name), List.of());
  }

  private static CreateStreetPayload failed(String code, String message, @Nullable String field) {
    return new CreateStreetPayload(
        null,
        List.of(
            new CommunityStatusController.AdminError(
                code, message, field == null ? null : List.of(field))));
  }
}
